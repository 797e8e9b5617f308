package dev.fakeecs.internal.service;

import java.time.Instant;

/**
 * The earliest instant one reconcile pass asked to be woken at: each step that waits for
 * something (a grace period, a back-off, a throttle window, a placement retry) names its instant,
 * and the {@link ServiceScheduler} schedules the next pass at the earliest of them.
 */
final class Wake {

    Instant at;

    void at(Instant when) {
        if (at == null || when.isBefore(at)) {
            at = when;
        }
    }
}
