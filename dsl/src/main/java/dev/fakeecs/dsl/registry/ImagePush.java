package dev.fakeecs.dsl.registry;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.dsl.internal.Check;
import dev.fakeecs.dsl.scenario.ScenarioAction;
import dev.fakeecs.registry.ImageRegistries;

import java.util.List;

/**
 * A scenario action that pushes a new image as {@code repository:tag} to a region's ECR registry
 * (moving the tag to a new digest); the registry's replication rules copy it on with their lag.
 *
 * <pre>{@code
 * scenario().at(LocalTime.of(18, 0), pushImage("us-east-1", "acme/orders", "latest"));
 * }</pre>
 *
 * @param region     the registry's region
 * @param repository the repository
 * @param tag        the tag
 */
public record ImagePush(String region, String repository, String tag) implements ScenarioAction {

    public ImagePush {
        EcrRegistrySpec.builder(region).push(repository, tag);   // the same rules as a declared push
    }

    @Override
    public void accept(FakeEcs ecs) {
        ImageRegistries.of(ecs).region(region).push(repository, tag);
    }

    @Override
    public String description() {
        return "push " + repository + ":" + tag + " to ECR " + region;
    }

    @Override
    public void check(FakeEcs ecs) {
        List<String> regions = ecs.regions().stream().map(r -> r.name()).toList();
        Check.that(regions.contains(region), "pushImage", "region", region,
                "must be one of the world's regions " + regions);
    }
}
