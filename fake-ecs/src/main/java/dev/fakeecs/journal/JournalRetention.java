package dev.fakeecs.journal;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How much of the journal a world keeps: everything (the default, so tests and golden journals see
 * every entry), the last N entries, the entries of the last stretch of virtual time, or both bounds
 * at once. Trimmed entries are gone for good, but the entries kept keep their sequence numbers, so a
 * reader sees a gap ({@link Journal#firstSequence()} &gt; 0) rather than renumbered entries.
 *
 * <pre>{@code
 * FakeEcs.builder().journalRetention(JournalRetention.lastEntries(100_000)).build();
 * FakeEcs.builder().journalRetention(JournalRetention.maxAge(Duration.ofDays(1))).build();
 * FakeEcs.builder().journalRetention(JournalRetention.lastEntries(10_000).andMaxAge(Duration.ofHours(6))).build();
 * JournalRetention.parse("last:100000,age:6h");     // the server's --journal-retention syntax
 * }</pre>
 *
 * <p>Age is measured in virtual time against the newest entry: when an entry is recorded at time T,
 * every entry older than {@code T - maxAge} is dropped (the newest entry itself is always kept). A
 * journal is only trimmed when something is recorded, so trimming is deterministic (same seed and
 * inputs, same entries kept) and costs amortised O(1) per entry.
 */
public final class JournalRetention {

    private static final JournalRetention KEEP_ALL = new JournalRetention(Long.MAX_VALUE, null);

    private final long maxEntries;
    private final Duration maxAge;

    private JournalRetention(long maxEntries, Duration maxAge) {
        this.maxEntries = maxEntries;
        this.maxAge = maxAge;
    }

    /** Keeps every entry (the default of {@code FakeEcs.builder()}). */
    public static JournalRetention keepAll() {
        return KEEP_ALL;
    }

    /** Keeps the last {@code n} entries ({@code n >= 1}). */
    public static JournalRetention lastEntries(long n) {
        return keepAll().andLastEntries(n);
    }

    /** Keeps the entries at most {@code age} of virtual time older than the newest one. */
    public static JournalRetention maxAge(Duration age) {
        return keepAll().andMaxAge(age);
    }

    /** This retention, also bounded to the last {@code n} entries ({@code n >= 1}). */
    public JournalRetention andLastEntries(long n) {
        if (n < 1) {
            throw new IllegalArgumentException("a journal must keep at least 1 entry, not " + n);
        }
        return new JournalRetention(n, maxAge);
    }

    /** This retention, also bounded to {@code age} of virtual time (positive). */
    public JournalRetention andMaxAge(Duration age) {
        Objects.requireNonNull(age, "age");
        if (age.isNegative() || age.isZero()) {
            throw new IllegalArgumentException("a journal's maximum age must be positive, not " + age);
        }
        return new JournalRetention(maxEntries, age);
    }

    /**
     * Parses {@code all}, {@code last:N} (or just {@code N}), {@code age:DURATION} or both bounds separated by
     * a comma ({@code last:100000,age:7d}). A duration is {@code 90s}, {@code 30m}, {@code 6h}, {@code 2d} or
     * ISO-8601 ({@code PT6H}).
     *
     * @throws IllegalArgumentException naming the accepted forms
     */
    public static JournalRetention parse(String text) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        try {
            if (value.equals("all")) {
                return keepAll();
            }
            JournalRetention result = keepAll();
            boolean entries = false;
            boolean age = false;
            for (String part : value.split(",", -1)) {
                String p = part.trim();
                if (p.startsWith("age:") && !age) {
                    result = result.andMaxAge(duration(p.substring(4).trim()));
                    age = true;
                } else if (!entries) {
                    String n = p.startsWith("last:") ? p.substring(5).trim() : p;
                    if (!n.matches("\\d{1,18}")) {
                        throw new IllegalArgumentException(p);
                    }
                    result = result.andLastEntries(Long.parseLong(n));
                    entries = true;
                } else {
                    throw new IllegalArgumentException(p);
                }
            }
            return result;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--journal-retention must be all, last:N (N >= 1), age:DURATION "
                    + "(e.g. 90s, 30m, 6h, 2d, PT6H) or last:N,age:DURATION, not '" + text + "'");
        }
    }

    private static Duration duration(String text) {
        if (text.startsWith("p")) {
            return Duration.parse(text.toUpperCase(Locale.ROOT));
        }
        if (!text.matches("\\d{1,9}[smhd]")) {
            throw new IllegalArgumentException(text);
        }
        long amount = Long.parseLong(text.substring(0, text.length() - 1));
        switch (text.charAt(text.length() - 1)) {
            case 's':
                return Duration.ofSeconds(amount);
            case 'm':
                return Duration.ofMinutes(amount);
            case 'h':
                return Duration.ofHours(amount);
            default:
                return Duration.ofDays(amount);
        }
    }

    /** True if nothing is ever trimmed. */
    public boolean keepsAll() {
        return maxEntries == Long.MAX_VALUE && maxAge == null;
    }

    /** The most entries kept, or {@code Long.MAX_VALUE} for no bound. */
    public long maxEntries() {
        return maxEntries;
    }

    /** The oldest an entry may be, relative to the newest, or {@code null} for no bound. */
    public Duration maxAgeOrNull() {
        return maxAge;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JournalRetention r && r.maxEntries == maxEntries && Objects.equals(r.maxAge, maxAge);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxEntries, maxAge);
    }

    /** The {@link #parse} form: {@code all}, {@code last:N}, {@code age:PT6H} or {@code last:N,age:PT6H}. */
    @Override
    public String toString() {
        if (keepsAll()) {
            return "all";
        }
        String last = maxEntries == Long.MAX_VALUE ? null : "last:" + maxEntries;
        String age = maxAge == null ? null : "age:" + maxAge;
        return last == null ? age : age == null ? last : last + "," + age;
    }
}
