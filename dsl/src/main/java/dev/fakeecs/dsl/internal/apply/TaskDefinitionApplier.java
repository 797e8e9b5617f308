package dev.fakeecs.dsl.internal.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fakeecs.FakeEcs;
import dev.fakeecs.dsl.taskdefinition.TaskDefinitionConversions;
import dev.fakeecs.dsl.taskdefinition.TaskDefinitionSpec;
import dev.fakeecs.region.Region;
import dev.fakeecs.spi.EngineSetup;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

import java.util.List;

/**
 * Registers a task definition spec in one region unless the latest ACTIVE revision of its family
 * already says everything the spec says (so applying the same world twice adds no revision).
 *
 * <pre>{@code
 * String arn = new TaskDefinitionApplier(ecs, "us-east-1").apply(ORDERS);
 * }</pre>
 */
public final class TaskDefinitionApplier {

    private final Region region;
    private final EngineSetup setup;

    /** Registers in {@code region} of {@code ecs} (IllegalArgumentException if the world lacks it). */
    public TaskDefinitionApplier(FakeEcs ecs, String region) {
        this.region = ecs.region(region);
        this.setup = EngineSetup.of(ecs);
    }

    /** @return the ARN of the revision that matches the spec */
    public String apply(TaskDefinitionSpec spec) {
        TaskDefinition latest = setup.taskDefinition(region.name(), spec.family()).orElse(null);
        if (latest != null && "ACTIVE".equals(latest.statusAsString())) {
            ObjectNode declared = EngineSetup.toJson(spec.toRequest());
            JsonNode actual = EngineSetup.toJson(TaskDefinitionConversions.toRegisterRequest(latest, List.of()));
            declared.remove("tags");
            if (JsonSubset.covers(declared, actual)) {
                return latest.taskDefinitionArn();
            }
        }
        return region.api().registerTaskDefinition(spec.toRequest()).taskDefinition().taskDefinitionArn();
    }
}
