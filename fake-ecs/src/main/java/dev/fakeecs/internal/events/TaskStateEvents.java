package dev.fakeecs.internal.events;

import dev.fakeecs.internal.neighbour.EcsNeighbourhood;
import dev.fakeecs.internal.task.SimulatedTask;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code detail} of an {@code ECS Task State Change}: the task as DescribeTasks renders it, with the differences
 * events have: attachment type {@code eni} (DescribeTasks says {@code ElasticNetworkInterface}), no tags,
 * {@code updatedAt}, and {@code version} counting this task's events from 1. Stop fields ({@code stoppedReason},
 * {@code stopCode}, {@code stoppingAt}, {@code executionStoppedAt}, {@code stoppedAt}, container {@code exitCode})
 * appear once the task has them, as in DescribeTasks.
 *
 * <pre>{@code
 * Map<String, Object> detail = taskEvents.detail(task, now);   // {"lastStatus": "RUNNING", "version": 3, ...}
 * }</pre>
 */
final class TaskStateEvents {

    private final EcsNeighbourhood ecs;
    /** The last event version per task ARN, forgotten once the task's STOPPED event is out. */
    private final Map<String, Long> versions = new HashMap<>();

    TaskStateEvents(EcsNeighbourhood ecs) {
        this.ecs = ecs;
    }

    Map<String, Object> detail(SimulatedTask task, Instant now) {
        Map<String, Object> detail = new LinkedHashMap<>(SdkShapes.toMap(ecs.describeTask(task)));
        detail.remove("tags");
        Object attachments = detail.get("attachments");
        if (attachments instanceof List<?> list) {
            for (Object a : list) {
                if (a instanceof Map<?, ?> m && "ElasticNetworkInterface".equals(m.get("type"))) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> attachment = (Map<String, Object>) m;
                    attachment.put("type", "eni");
                }
            }
        }
        if (!detail.containsKey("overrides")) {
            // events always carry the overrides, one entry per container even when nothing was overridden
            List<Map<String, Object>> containerOverrides = new java.util.ArrayList<>();
            for (var c : task.containers()) {
                containerOverrides.add(new LinkedHashMap<>(Map.of("name", c.name())));
            }
            detail.put("overrides", new LinkedHashMap<>(Map.of("containerOverrides", containerOverrides)));
        }
        detail.put("updatedAt", IsoTimes.withMillis(now));
        detail.put("version", versions.merge(task.arn(), 1L, Long::sum));
        if ("STOPPED".equals(task.lastStatus())) {
            versions.remove(task.arn());
        }
        return detail;
    }
}
