package dev.fakeecs.internal.protocol;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Deterministic request ids shaped like UUIDs: {@code 00000000-0000-4000-8000-000000000001},
 * {@code ...0002}, ... (no randomness, so runs replay identically).
 *
 * <pre>{@code
 * String id = new RequestIds().next();   // 00000000-0000-4000-8000-000000000001
 * }</pre>
 */
public final class RequestIds {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final String PREFIX = "00000000-0000-4000-8000-";

    private final AtomicLong counter = new AtomicLong();

    /** The next id. */
    public String next() {
        long n = counter.incrementAndGet();
        char[] digits = new char[12];
        for (int i = 11; i >= 0; i--) {
            digits[i] = HEX[(int) (n & 0xF)];
            n >>>= 4;
        }
        return PREFIX + new String(digits);
    }
}
