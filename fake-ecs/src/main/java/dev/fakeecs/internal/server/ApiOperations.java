package dev.fakeecs.internal.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The API operation an HTTP request names, for the {@code API_LATENCY} fault's wall-clock wait: the part of
 * {@code X-Amz-Target} after its last dot for the JSON protocols ({@code ...V20141113.RunTask} is
 * {@code RunTask}), the {@code Action} form field for the Query protocol's form posts
 * ({@code Action=DescribeTargetHealth&Version=2015-12-01} is {@code DescribeTargetHealth}); {@code null} when
 * the request names none. Reads the form body without decoding the rest of it.
 *
 * <pre>{@code
 * String operation = ApiOperations.name(null, "application/x-www-form-urlencoded", body);   // "DescribeTargetHealth"
 * }</pre>
 */
final class ApiOperations {

    private static final byte[] ACTION = "Action=".getBytes(StandardCharsets.US_ASCII);

    private ApiOperations() {
    }

    static String name(String path, String target, String contentType, byte[] body) {
        if (target == null && path != null && path.startsWith("/service/") && path.contains("/operation/")) {
            String operation = path.substring(path.lastIndexOf('/') + 1);   // Smithy RPC v2: /service/S/operation/Op
            return operation.isEmpty() ? null : operation;
        }
        return name(target, contentType, body);
    }

    static String name(String target, String contentType, byte[] body) {
        if (target != null) {
            return target.substring(target.lastIndexOf('.') + 1);
        }
        if (body == null || contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return null;
        }
        for (int start = 0; start < body.length; ) {
            int end = start;
            while (end < body.length && body[end] != '&') {
                end++;
            }
            if (startsWith(body, start, end)) {
                String value = new String(body, start + ACTION.length, end - start - ACTION.length, StandardCharsets.UTF_8);
                try {
                    value = URLDecoder.decode(value, StandardCharsets.UTF_8);
                } catch (IllegalArgumentException malformed) {
                    return null;
                }
                return value.isEmpty() ? null : value;
            }
            start = end + 1;
        }
        return null;
    }

    private static boolean startsWith(byte[] body, int start, int end) {
        if (end - start < ACTION.length) {
            return false;
        }
        for (int i = 0; i < ACTION.length; i++) {
            if (body[start + i] != ACTION[i]) {
                return false;
            }
        }
        return true;
    }
}
