package dev.fakeecs.junit.assertions.error;

import dev.fakeecs.journal.JournalEntry;
import dev.fakeecs.journal.JournalEventType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Chooses the journal lines a failure shows by relevance, not only recency: the faults that hit the subject first,
 * then its service events and task stops, then faults elsewhere in the world, then the most recent of the rest; the
 * chosen lines are shown in journal order. So the Spot interruption that stopped a task is shown even when many
 * routine lines followed it.
 *
 * <pre>{@code
 * List<JournalEntry> lines = JournalRelevance.select(ecs.journal().entries(), about, 8);
 * }</pre>
 */
public final class JournalRelevance {

    /** At most this many lines of faults that did not touch the subject (a chaos run must not crowd it out). */
    public static final int MAX_FAULTS_ELSEWHERE = 2;

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
        for (JournalEntry e : entries) {
            if (e.type() == JournalEventType.FAULT || about.test(e)) {
                candidates.add(e);
            }
        }
        if (candidates.size() <= limit) {
            return candidates;
        }
        List<JournalEntry> chosen = new ArrayList<>(candidates);
        chosen.sort(Comparator.<JournalEntry>comparingInt(e -> score(e, about)).reversed()
                .thenComparing(Comparator.comparingLong(JournalEntry::sequence).reversed()));
        List<JournalEntry> picked = new ArrayList<>(limit);
        int elsewhere = 0;
        for (JournalEntry e : chosen) {
            if (picked.size() == limit) {
                break;
            }
            if (e.type() == JournalEventType.FAULT && !about.test(e) && elsewhere++ >= MAX_FAULTS_ELSEWHERE) {
                continue;
            }
            picked.add(e);
        }
        chosen = picked;
        chosen.sort(Comparator.comparingLong(JournalEntry::sequence));
        return chosen;
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

    /** 4: a fault's effect on the subject; 3: the subject's service event or task stop; 2: a fault elsewhere; 1: a
     *  failed placement or deployment; 0: the rest. */
    public static int score(JournalEntry e, Predicate<JournalEntry> about) {
        boolean mine = about.test(e);
        if (e.type() == JournalEventType.FAULT) {
            return mine ? 4 : 2;
        }
        if (e.type() == JournalEventType.SERVICE_EVENT || isStop(e)) {
            return 3;
        }
        if (e.type() == JournalEventType.TASK_PLACEMENT_FAILED || "FAILED".equals(e.detail("rolloutState"))) {
            return 1;
        }
        return 0;
    }

    /** A task that stopped or is stopping (with a stop code). */
    public static boolean isStop(JournalEntry e) {
        return e.type() == JournalEventType.TASK_STATE
                && ("STOPPED".equals(e.detail("to")) || e.detail("stopCode") != null);
    }
}
