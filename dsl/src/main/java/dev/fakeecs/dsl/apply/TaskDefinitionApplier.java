package dev.fakeecs.dsl.apply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fakeecs.dsl.taskdefinition.TaskDefinitionConversions;
import dev.fakeecs.dsl.taskdefinition.TaskDefinitionSpec;
import dev.fakeecs.internal.protocol.SdkJsonCodec;
import dev.fakeecs.region.Region;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

import java.util.List;

/**
 * Registers a task definition spec in one region unless the latest ACTIVE revision of its family
 * already says everything the spec says (so applying the same world twice adds no revision).
 *
 * <pre>{@code
 * String arn = new TaskDefinitionApplier(ecs.region("us-east-1")).apply(ORDERS);
 * }</pre>
 */
public final class TaskDefinitionApplier {

    private final Region region;

    public TaskDefinitionApplier(Region region) {
        this.region = region;
    }

    /** @return the ARN of the revision that matches the spec */
    public String apply(TaskDefinitionSpec spec) {
        TaskDefinition latest = region.engine().read(() -> region.engine().taskDefinitions().find(spec.family()));
        if (latest != null && "ACTIVE".equals(latest.statusAsString())) {
            SdkJsonCodec codec = SdkJsonCodec.instance();
            JsonNode declared = codec.encode(spec.toRequest());
            JsonNode actual = codec.encode(TaskDefinitionConversions.toRegisterRequest(latest, List.of()));
            ((com.fasterxml.jackson.databind.node.ObjectNode) declared).remove("tags");
            if (JsonSubset.covers(declared, actual)) {
                return latest.taskDefinitionArn();
            }
        }
        return region.api().registerTaskDefinition(spec.toRequest()).taskDefinition().taskDefinitionArn();
    }
}
