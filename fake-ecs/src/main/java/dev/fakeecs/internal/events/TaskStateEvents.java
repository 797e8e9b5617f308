package dev.fakeecs.internal.events;

import dev.fakeecs.internal.neighbour.EcsNeighbourhood;
import dev.fakeecs.internal.task.SimulatedContainer;
import dev.fakeecs.internal.task.SimulatedTask;
import software.amazon.awssdk.services.ecs.model.Task;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code detail} of an {@code ECS Task State Change}: the task as DescribeTasks renders it, with the differences
 * events have: attachment type {@code eni} (DescribeTasks says {@code ElasticNetworkInterface}), no tags,
 * {@code overrides} always present, {@code updatedAt}, and {@code version} counting this task's events from 1. Stop
 * fields ({@code stoppedReason}, {@code stopCode}, {@code stoppingAt}, {@code executionStoppedAt}, {@code stoppedAt},
 * container {@code exitCode}) appear once the task has them, as in DescribeTasks.
 *
 * <pre>{@code
 * DetailWriter detail = taskEvents.detail(task, now);   // {"lastStatus": "RUNNING", "version": 3, ...}
 * }</pre>
 */
final class TaskStateEvents {

    private static final Set<String> REPLACED = Set.of("tags", "version");
    /** About the size of a task event's envelope: this much, and the next for each container. */
    static final int TASK_CHARS = 1800;
    static final int CONTAINER_CHARS = 700;

    private final EcsNeighbourhood ecs;
    /** The last event version per task ARN, forgotten once the task's STOPPED event is out. */
    private final Map<String, Long> versions = new HashMap<>();

    TaskStateEvents(EcsNeighbourhood ecs) {
        this.ecs = ecs;
    }

    /** Renders the task now (the detail must show the state of this moment) and counts the event's version. */
    DetailWriter detail(SimulatedTask task, Instant now) {
        Task rendered = ecs.describeTaskUntagged(task);
        long version = versions.merge(task.arn(), 1L, Long::sum);
        if ("STOPPED".equals(task.lastStatus())) {
            versions.remove(task.arn());
        }
        String[] containerNames = task.containers().stream().map(SimulatedContainer::name).toArray(String[]::new);
        String updatedAt = IsoTimes.withMillis(now);
        return DetailWriter.sized(TASK_CHARS + CONTAINER_CHARS * containerNames.length, g -> {
            SdkShapes.writeFields(rendered, g, REPLACED);
            if (rendered.overrides() == null) {
                // events always carry the overrides, one entry per container even when nothing was overridden
                g.writeObjectFieldStart("overrides");
                g.writeArrayFieldStart("containerOverrides");
                for (String name : containerNames) {
                    g.writeStartObject();
                    g.writeStringField("name", name);
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeStringField("updatedAt", updatedAt);
            g.writeNumberField("version", version);
        });
    }
}
