package dev.fakeecs.junit.assertions;

import dev.fakeecs.journal.JournalEntry;
import dev.fakeecs.journal.JournalEventType;
import dev.fakeecs.junit.handle.JournalWindow;
import dev.fakeecs.spi.EngineInspector;
import software.amazon.awssdk.services.ecs.model.Task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tasks that reached a status in a journal window, and the stop code each was stopped with: what
 * {@link JournalAssert#hasStopped} and {@link StopsAssert} count.
 */
final class WindowStops {

    private WindowStops() {
    }

    /** The ARNs of the tasks that reached {@code status} in the window, in the order they did. */
    static List<String> reached(JournalWindow window, String status) {
        Set<String> arns = new LinkedHashSet<>();
        for (JournalEntry e : window.entries()) {
            if (e.type() == JournalEventType.TASK_STATE && status.equals(e.detail("to"))) {
                arns.add(e.subject());
            }
        }
        return new ArrayList<>(arns);
    }

    /** Task id to stop code (null when the journal has none) of {@code tasks}. */
    static Map<String, String> stopCodes(JournalWindow window, List<String> tasks) {
        Map<String, String> codes = new LinkedHashMap<>();
        EngineInspector engine = EngineInspector.of(window.ecs());
        for (String arn : tasks) {
            String code = null;
            // the task as DescribeTasks shows it (kept an hour after it stopped); else the journal's last stop code
            Task task = engine.task(arn.split(":")[3], arn);
            if (task != null && task.stopCode() != null) {
                code = task.stopCodeAsString();
            } else {
                for (JournalEntry e : window.ecs().journal().about(arn)) {
                    if (e.detail("stopCode") != null) {
                        code = e.detail("stopCode");
                    }
                }
            }
            codes.put(arn.substring(arn.lastIndexOf('/') + 1), code);
        }
        return codes;
    }

    /** Task id to stop code of every task that stopped in the window. */
    static Map<String, String> stopped(JournalWindow window) {
        return stopCodes(window, reached(window, "STOPPED"));
    }
}
