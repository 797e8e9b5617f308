package dev.fakeecs.internal.service;

import dev.fakeecs.internal.engine.RegionContext;
import dev.fakeecs.journal.JournalEventType;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Writes service events: each message gets an id drawn from the world's seeded random, goes into
 * the service's {@link ServiceEventLog} and, when the log keeps it, into the journal.
 *
 * <p>The id is drawn before the log decides, so a repeat the log suppresses still uses one draw. The scheduler's
 * moments that have no message ({@link ServiceActionListener}) are told to listeners only: never journaled, no draw.
 */
final class ServiceEventWriter {

    private final RegionContext region;
    private final List<ServiceActionListener> listeners = new CopyOnWriteArrayList<>();

    ServiceEventWriter(RegionContext region) {
        this.region = region;
    }

    void write(SimulatedService service, String message) {
        if (service.events().add(region.engine().random().uuid(), message, region.now())) {
            region.record(JournalEventType.SERVICE_EVENT, service.arn(), "message", message);
        }
    }

    void addListener(ServiceActionListener listener) {
        listeners.add(listener);
    }

    /** A task set reached STEADY_STATE (told to listeners only). */
    void taskSetSteady(SimulatedService service, String taskSetArn) {
        for (ServiceActionListener l : listeners) {
            l.taskSetSteady(service, taskSetArn);
        }
    }

    /** The scheduler computed a new desired count of a task set or, with a null ARN, of the service. */
    void desiredCountComputed(SimulatedService service, String taskSetArn, int desiredCount) {
        for (ServiceActionListener l : listeners) {
            l.desiredCountComputed(service, taskSetArn, desiredCount);
        }
    }
}
