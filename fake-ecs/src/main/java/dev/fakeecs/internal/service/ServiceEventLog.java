package dev.fakeecs.internal.service;

import software.amazon.awssdk.services.ecs.model.ServiceEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A service's events, newest first, at most 100, with real ECS's duplicate suppression: a message
 * equal to the newest one is not repeated until 6 hours have passed.
 *
 * <pre>{@code
 * service.events().add(id, "(service orders) has reached a steady state.", now);
 * service.events().list();   // newest first
 * }</pre>
 */
public final class ServiceEventLog {

    /** How many events ECS keeps per service. */
    public static final int MAX_EVENTS = 100;
    /** How long a repeated message stays suppressed. */
    public static final Duration SUPPRESSION = Duration.ofHours(6);

    private final Deque<ServiceEvent> events = new ArrayDeque<>();

    /**
     * Adds an event unless it repeats the newest one within {@link #SUPPRESSION}.
     *
     * @return true if the event was added
     */
    public boolean add(String id, String message, Instant at) {
        ServiceEvent newest = events.peekFirst();
        if (newest != null && newest.message().equals(message)
                && Duration.between(newest.createdAt(), at).compareTo(SUPPRESSION) < 0) {
            return false;
        }
        events.addFirst(ServiceEvent.builder().id(id).createdAt(at).message(message).build());
        while (events.size() > MAX_EVENTS) {
            events.removeLast();
        }
        return true;
    }

    /** The events, newest first. */
    public List<ServiceEvent> list() {
        return new ArrayList<>(events);
    }

    /** The newest message, or null. */
    public String newestMessage() {
        ServiceEvent newest = events.peekFirst();
        return newest == null ? null : newest.message();
    }
}
