package dev.fakeecs.internal.protocol.query;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An {@code application/x-www-form-urlencoded} body as parameters, in order, the first value of a repeated
 * name winning. Strict about what it cannot read (a {@code %} not followed by two hex digits, bytes that are not
 * UTF-8: {@link QueryError} {@code MalformedQueryString}) and bounded (at most {@link #MAX_PARAMETERS}
 * parameters), so no body can make it throw anything else or hold more than the body's size.
 *
 * <pre>{@code
 * Map<String, String> p = FormParameters.parse("Action=RegisterTargets&Targets.member.1.Id=10.0.0.1".getBytes(UTF_8));
 * }</pre>
 */
final class FormParameters {

    /** The most parameters one request may carry. */
    static final int MAX_PARAMETERS = 10_000;

    private FormParameters() {
    }

    /** The parameters of a form body (empty for an empty body). */
    static Map<String, String> parse(byte[] body) {
        Map<String, String> parameters = new LinkedHashMap<>();
        int start = 0;
        int n = body.length;
        while (start <= n) {
            int end = start;
            while (end < n && body[end] != '&') {
                end++;
            }
            if (end > start) {
                int eq = start;
                while (eq < end && body[eq] != '=') {
                    eq++;
                }
                String name = decode(body, start, eq);
                String value = eq < end ? decode(body, eq + 1, end) : "";
                if (!name.isEmpty()) {
                    if (parameters.size() >= MAX_PARAMETERS && !parameters.containsKey(name)) {
                        throw QueryError.sender("MalformedQueryString", "The request has more than "
                                + MAX_PARAMETERS + " parameters.");
                    }
                    parameters.putIfAbsent(name, value);
                }
            }
            start = end + 1;
        }
        return Collections.unmodifiableMap(parameters);
    }

    /** Whether a content type is a form body's ({@code application/x-www-form-urlencoded}, any parameters). */
    static boolean isForm(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return type.equalsIgnoreCase("application/x-www-form-urlencoded");
    }

    private static String decode(byte[] body, int from, int to) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (b == '+') {
                bytes.write(' ');
            } else if (b == '%') {
                if (i + 2 >= to) {
                    throw malformed();
                }
                int hi = Character.digit(body[i + 1], 16);
                int lo = Character.digit(body[i + 2], 16);
                if (hi < 0 || lo < 0) {
                    throw malformed();
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                bytes.write(b);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw QueryError.sender("MalformedQueryString", "The request body is not valid UTF-8.");
        }
    }

    private static QueryError malformed() {
        return QueryError.sender("MalformedQueryString",
                "The request body has a '%' that is not followed by two hexadecimal digits.");
    }
}
