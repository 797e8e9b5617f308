package dev.fakeecs.internal.containerinstance;

import dev.fakeecs.internal.task.SimulatedTask;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

import java.time.Instant;
import java.util.List;

/** Test helpers: a bare task object to reserve on a host, without running the task lifecycle. */
public final class HostFixtures {

    private static int next;

    private HostFixtures() {
    }

    /** A task of 512 CPU units and 1024 MiB that holds TCP port 8080, as if placed on {@code cluster}. */
    public static SimulatedTask task(String cluster) {
        String id = String.format("%032x", ++next);
        TaskDefinition td = TaskDefinition.builder().family("web").revision(1)
                .taskDefinitionArn("arn:aws:ecs:us-east-1:123456789012:task-definition/web:1").build();
        return new SimulatedTask(id, "arn:aws:ecs:us-east-1:123456789012:task/" + cluster + "/" + id, cluster, td, "EC2",
                null, "family:web", null, null, 512, 1024, List.of(8080), List.of(), List.of(), false,
                Instant.parse("2026-01-01T00:00:00Z"));
    }
}
