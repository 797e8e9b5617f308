package dev.fakeecs.fault;

/**
 * One injected fault's behaviour: what happens when it starts and what is undone when it ends
 * (its duration ran out or its handle closed). Both run under the engine lock.
 */
interface ActiveFault {

    /** Applies the fault's effects. */
    void start();

    /** Undoes what still lasts (reopens a zone, reconnects an agent) or cancels what is still pending. */
    default void end() {
    }
}
