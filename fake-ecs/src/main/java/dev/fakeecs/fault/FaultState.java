package dev.fakeecs.fault;

/**
 * Where a fault is in its life: SCHEDULED (its start time is ahead), ACTIVE, or ENDED.
 *
 * <pre>{@code
 * if (handle.state() == FaultState.ACTIVE) handle.close();   // ends it early
 * }</pre>
 */
public enum FaultState {
    /** Injected with a start time still ahead. */
    SCHEDULED,
    /** Started; its effects apply (or, for one-off faults, are still under way). */
    ACTIVE,
    /** Over: its duration ran out, its handle closed, or a one-off fault completed. */
    ENDED
}
