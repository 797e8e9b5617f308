package dev.fakeecs.internal.random;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The world's one source of randomness, seeded: every id, ARN suffix, IP address, jitter and
 * probabilistic choice draws from it, so the same seed and the same calls replay identically.
 *
 * <pre>{@code
 * SeededRandom random = new SeededRandom(42);
 * String taskId = random.hex(32);        // e.g. "3f9c..."
 * Duration d = random.jitter(Duration.ofSeconds(90), 0.1);
 * }</pre>
 */
public final class SeededRandom {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final long seed;
    private final SplittableRandom random;

    public SeededRandom(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    /** The seed this source started from. */
    public long seed() {
        return seed;
    }

    /** {@code length} lowercase hex digits. */
    public String hex(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = HEX[random.nextInt(16)];
        }
        return new String(chars);
    }

    /** {@code length} decimal digits, the first one not zero. */
    public String digits(int length) {
        char[] chars = new char[length];
        chars[0] = (char) ('1' + random.nextInt(9));
        for (int i = 1; i < length; i++) {
            chars[i] = (char) ('0' + random.nextInt(10));
        }
        return new String(chars);
    }

    /** A UUID-shaped string (8-4-4-4-12 hex, version 4 layout) drawn from the seed. */
    public String uuid() {
        String h = hex(32);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-"
                + "89ab".charAt(random.nextInt(4)) + h.substring(17, 20) + "-" + h.substring(20, 32);
    }

    /** An EC2 instance id, {@code i-} and 17 hex digits. */
    public String ec2InstanceId() {
        return "i-" + hex(17);
    }

    /** A private IPv4 address in 10.0.0.0/16. */
    public String privateIp() {
        return "10.0." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    public double nextDouble() {
        return random.nextDouble();
    }

    /** True with the given probability (0..1). */
    public boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** One element of a non-empty list. */
    public <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /**
     * {@code base} plus or minus up to {@code fraction} of it, uniformly, at millisecond precision.
     * A fraction of 0 returns {@code base} and draws nothing.
     */
    public Duration jitter(Duration base, double fraction) {
        if (fraction <= 0 || base.isZero()) {
            return base;
        }
        long millis = base.toMillis();
        long spread = Math.round(millis * fraction);
        if (spread == 0) {
            return base;
        }
        long offset = random.nextLong(-spread, spread + 1);
        return Duration.ofMillis(Math.max(0, millis + offset));
    }
}
