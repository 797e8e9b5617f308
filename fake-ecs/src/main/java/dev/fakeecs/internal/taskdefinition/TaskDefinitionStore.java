package dev.fakeecs.internal.taskdefinition;

import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One region's task definitions: per family (sorted by name) every revision ever registered, in
 * revision order. Revisions are never removed, so deregistered and deleted ones still count
 * toward the per-family revision quota, as in ECS.
 *
 * <pre>{@code
 * store.add(td);                       // revision td.revision() of td.family()
 * store.revision("web", 2);            // or null
 * store.latestActive("web");           // or null
 * }</pre>
 */
final class TaskDefinitionStore {

    private final Map<String, List<TaskDefinition>> families = new TreeMap<>();

    /** How many revisions the family has had (the last revision number). */
    int revisionCount(String family) {
        List<TaskDefinition> revisions = families.get(family);
        return revisions == null ? 0 : revisions.size();
    }

    void add(TaskDefinition td) {
        families.computeIfAbsent(td.family(), f -> new ArrayList<>()).add(td);
    }

    /** Replaces the stored revision with {@code td} (same family and revision). */
    void replace(TaskDefinition td) {
        families.get(td.family()).set(td.revision() - 1, td);
    }

    TaskDefinition revision(String family, int revision) {
        List<TaskDefinition> revisions = families.get(family);
        if (revisions == null || revision < 1 || revision > revisions.size()) {
            return null;
        }
        return revisions.get(revision - 1);
    }

    TaskDefinition latestActive(String family) {
        List<TaskDefinition> revisions = families.getOrDefault(family, List.of());
        for (int i = revisions.size() - 1; i >= 0; i--) {
            if (revisions.get(i).status() == TaskDefinitionStatus.ACTIVE) {
                return revisions.get(i);
            }
        }
        return null;
    }

    /** Every family name, sorted. */
    List<String> familyNames() {
        return List.copyOf(families.keySet());
    }

    /** Every revision of {@code family}, oldest first. */
    List<TaskDefinition> revisions(String family) {
        return List.copyOf(families.getOrDefault(family, List.of()));
    }

    boolean hasActive(String family) {
        return latestActive(family) != null;
    }
}
