package dev.fakeecs.internal.protocol;

/** Reads the region and the service from a SigV4 {@code Authorization} header's credential scope. */
public final class SigV4Scope {

    private static final String CREDENTIAL = "Credential=";

    private SigV4Scope() {
    }

    /**
     * The region of {@code ... Credential=AKID/20260101/us-east-1/ecs/aws4_request, ...}, or
     * {@code null} if the header is absent or not SigV4.
     */
    public static String regionOf(String authorization) {
        return part(authorization, 2);
    }

    /**
     * The signing name of the service in the credential scope ({@code ecs} in
     * {@code Credential=AKID/20260101/us-east-1/ecs/aws4_request}), or {@code null}.
     */
    public static String serviceOf(String authorization) {
        return part(authorization, 3);
    }

    private static String part(String authorization, int index) {
        if (authorization == null) {
            return null;
        }
        int start = authorization.indexOf(CREDENTIAL);
        if (start < 0) {
            return null;
        }
        start += CREDENTIAL.length();
        int end = authorization.indexOf(',', start);
        String scope = (end < 0 ? authorization.substring(start) : authorization.substring(start, end)).trim();
        String[] parts = scope.split("/");
        if (parts.length < 5 || parts[index].isEmpty()) {
            return null;
        }
        return parts[index];
    }
}
