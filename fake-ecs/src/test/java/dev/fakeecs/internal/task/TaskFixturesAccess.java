package dev.fakeecs.internal.task;

import dev.fakeecs.FakeEcs;
import software.amazon.awssdk.services.ecs.model.LaunchType;

/** Lets tests in other packages run a few Fargate tasks. */
public final class TaskFixturesAccess {

    private TaskFixturesAccess() {
    }

    public static void runFargate(FakeEcs ecs, String cluster, int count) {
        TaskFixtures.registerFargate(ecs, "web", "acme/web:1");
        ecs.api().runTask(b -> b.cluster(cluster).taskDefinition("web").count(count).launchType(LaunchType.FARGATE)
                .networkConfiguration(TaskFixtures.NETWORK));
    }
}
