package dev.fakeecs.junit.assertions.error;

import dev.fakeecs.journal.JournalEntry;
import dev.fakeecs.journal.JournalEventType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Chooses the journal lines a failure shows by relevance, not only recency: the {@link #RECENT} most recent lines
 * about the subject always, and before them the lines that explain a failure: faults that hit the subject, tasks
 * stopped for a reason other than scaling or a user's request (a Spot interruption, a failed health check), service
 * events that are not routine (unable to place, unhealthy, deployment failed), failed placements and rollouts, then
 * (at most {@link #MAX_FAULTS_ELSEWHERE}) faults elsewhere in the world; the chosen lines are shown in journal order.
 * So the Spot interruption that stopped a task is shown even when many routine lines followed it.
 *
 * <pre>{@code
 * List<JournalEntry> lines = JournalRelevance.select(ecs.journal().entries(), about, 8);
 * }</pre>
 */
public final class JournalRelevance {

    /** At most this many lines of faults that did not touch the subject (a chaos run must not crowd it out). */
    public static final int MAX_FAULTS_ELSEWHERE = 2;
    /** How many of the most recent lines about the subject are always shown. */
    public static final int RECENT = 3;

    private static final Set<String> ROUTINE_STOPS = Set.of("ServiceSchedulerInitiated", "UserInitiated");
    private static final List<String> ROUTINE_EVENTS = List.of("has started", "has stopped", "has reached a steady state",
            "registered", "deregistered", "has begun draining", "deployment completed", "Successfully");

    private JournalRelevance() {
    }

    /**
     * Up to {@code limit} entries about the subject (and the world's faults), the most relevant, in journal order.
     *
     * @param entries the journal, in order
     * @param about   which entries are about the subject
     */
    public static List<JournalEntry> select(List<JournalEntry> entries, Predicate<JournalEntry> about, int limit) {
        List<JournalEntry> candidates = new ArrayList<>();
        List<JournalEntry> mine = new ArrayList<>();
        for (JournalEntry e : entries) {
            boolean isAbout = about.test(e);
            if (e.type() == JournalEventType.FAULT || isAbout) {
                candidates.add(e);
            }
            if (isAbout) {
                mine.add(e);
            }
        }
        if (candidates.size() <= limit) {
            return candidates;
        }
        List<JournalEntry> picked = new ArrayList<>(limit);
        picked.addAll(mine.subList(Math.max(0, mine.size() - Math.min(RECENT, limit)), mine.size()));
        List<JournalEntry> ranked = new ArrayList<>(candidates);
        ranked.removeAll(picked);
        ranked.sort(Comparator.<JournalEntry>comparingInt(e -> score(e, about)).reversed()
                .thenComparing(Comparator.comparingLong(JournalEntry::sequence).reversed()));
        int elsewhere = 0;
        for (JournalEntry e : ranked) {
            if (picked.size() >= limit) {
                break;
            }
            if (e.type() == JournalEventType.FAULT && !about.test(e) && elsewhere++ >= MAX_FAULTS_ELSEWHERE) {
                continue;
            }
            picked.add(e);
        }
        picked.sort(Comparator.comparingLong(JournalEntry::sequence));
        return picked;
    }

    /** How many entries {@link #select} looked at (about the subject, or faults). */
    public static int candidates(List<JournalEntry> entries, Predicate<JournalEntry> about) {
        int n = 0;
        for (JournalEntry e : entries) {
            if (e.type() == JournalEventType.FAULT || about.test(e)) {
                n++;
            }
        }
        return n;
    }

    /**
     * 5: a fault's effect on the subject; 4: a task stopped for a reason other than scaling or a user's request;
     * 3: a service event that is not routine, a failed placement or rollout; 2: a fault elsewhere; 1: a routine stop
     * or service event; 0: the rest.
     */
    public static int score(JournalEntry e, Predicate<JournalEntry> about) {
        if (e.type() == JournalEventType.FAULT) {
            return about.test(e) ? 5 : 2;
        }
        String stopCode = e.detail("stopCode");
        if (e.type() == JournalEventType.TASK_STATE && stopCode != null) {
            return ROUTINE_STOPS.contains(stopCode) ? 1 : 4;
        }
        if (e.type() == JournalEventType.SERVICE_EVENT) {
            String message = String.valueOf(e.detail("message"));
            return ROUTINE_EVENTS.stream().anyMatch(message::contains) ? 1 : 3;
        }
        if (e.type() == JournalEventType.TASK_PLACEMENT_FAILED || "FAILED".equals(e.detail("rolloutState"))) {
            return 3;
        }
        return isStop(e) ? 1 : 0;
    }

    /** A task that stopped or is stopping (with a stop code). */
    public static boolean isStop(JournalEntry e) {
        return e.type() == JournalEventType.TASK_STATE
                && ("STOPPED".equals(e.detail("to")) || e.detail("stopCode") != null);
    }
}
