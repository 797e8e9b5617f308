package dev.fakeecs.fault;

/**
 * An engine invariant failed during a chaos run. The message names the seed, the virtual time,
 * what broke and the last journal entries, so the run can be replayed with the same seed.
 */
public final class InvariantViolation extends AssertionError {

    private final long seed;

    public InvariantViolation(long seed, String message) {
        super(message);
        this.seed = seed;
    }

    /** The world's seed: the same seed and setup replay the run. */
    public long seed() {
        return seed;
    }
}
