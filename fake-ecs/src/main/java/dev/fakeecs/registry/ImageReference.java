package dev.fakeecs.registry;

/**
 * An image reference as a task definition gives it, split into the registry region (for ECR
 * URIs such as {@code 123456789012.dkr.ecr.us-west-2.amazonaws.com/acme/orders:2}), repository
 * and tag ({@code latest} when none is given). A reference without an ECR host has no region: it
 * is pulled from the registry of the region the task runs in.
 *
 * <pre>{@code
 * ImageReference ref = ImageReference.parse("123456789012.dkr.ecr.us-west-2.amazonaws.com/acme/orders:2");
 * ref.region();      // us-west-2
 * ref.repository();  // acme/orders
 * ref.tag();         // 2
 * }</pre>
 *
 * @param region     the ECR region of the URI, or null
 * @param repository the repository name
 * @param tag        the tag (null when the reference pins a digest)
 * @param digest     the pinned digest ({@code repo@sha256:...}), or null
 */
public record ImageReference(String region, String repository, String tag, String digest) {

    public static ImageReference parse(String image) {
        String rest = image;
        String region = null;
        int slash = rest.indexOf('/');
        if (slash > 0) {
            String host = rest.substring(0, slash);
            int ecr = host.indexOf(".dkr.ecr.");
            if (ecr > 0 && host.endsWith(".amazonaws.com")) {
                region = host.substring(ecr + ".dkr.ecr.".length(), host.length() - ".amazonaws.com".length());
                rest = rest.substring(slash + 1);
            }
        }
        int at = rest.indexOf('@');
        if (at >= 0) {
            return new ImageReference(region, rest.substring(0, at), null, rest.substring(at + 1));
        }
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            return new ImageReference(region, rest.substring(0, colon), rest.substring(colon + 1), null);
        }
        return new ImageReference(region, rest, "latest", null);
    }

    /** The ECR URI of {@code repository:tag} in {@code region} of {@code account}. */
    public static String uri(String account, String region, String repository, String tag) {
        return account + ".dkr.ecr." + region + ".amazonaws.com/" + repository + ":" + tag;
    }
}
