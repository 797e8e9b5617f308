package dev.fakeecs.internal.service;

import dev.fakeecs.internal.engine.RegionContext;
import dev.fakeecs.journal.JournalEventType;

/**
 * Writes service events: each message gets an id drawn from the world's seeded random, goes into
 * the service's {@link ServiceEventLog} and, when the log keeps it, into the journal.
 *
 * <p>The id is drawn before the log decides, so a repeat the log suppresses still uses one draw.
 */
final class ServiceEventWriter {

    private final RegionContext region;

    ServiceEventWriter(RegionContext region) {
        this.region = region;
    }

    void write(SimulatedService service, String message) {
        if (service.events().add(region.engine().random().uuid(), message, region.now())) {
            region.record(JournalEventType.SERVICE_EVENT, service.arn(), "message", message);
        }
    }
}
