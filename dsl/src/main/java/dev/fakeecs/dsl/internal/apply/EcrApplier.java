package dev.fakeecs.dsl.internal.apply;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.dsl.spec.InvalidSpecException;
import dev.fakeecs.dsl.registry.EcrRegistrySpec;
import dev.fakeecs.registry.EcrRegistry;
import dev.fakeecs.registry.ImageRegistries;
import dev.fakeecs.spi.EngineSetup;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Applies declared ECR registries to a running world: replication rules first (so the declared
 * pushes replicate), then repositories, then pushes of tags the registry does not have yet.
 * Idempotent: rules already applied to this world are not added again, and tags that exist are
 * not pushed again (a new image for an existing tag is a scenario action, {@code pushImage}).
 *
 * <pre>{@code
 * new EcrApplier(ecs).apply(spec);
 * }</pre>
 */
public final class EcrApplier {

    /** Replication rules this DSL has applied to a world: "source>destination" -> lag. */
    private static final class AppliedRules {
        final Map<String, Duration> rules = new LinkedHashMap<>();
    }

    private final FakeEcs ecs;

    public EcrApplier(FakeEcs ecs) {
        this.ecs = ecs;
    }

    public void apply(EcrRegistrySpec spec) {
        ImageRegistries registries = ImageRegistries.of(ecs);
        AppliedRules applied = EngineSetup.of(ecs).extension(AppliedRules.class, AppliedRules::new);
        spec.replication().forEach((destination, lag) -> {
            String key = spec.region() + ">" + destination;
            Duration previous = applied.rules.get(key);
            if (previous == null) {
                registries.replicate(spec.region(), destination, lag);
                applied.rules.put(key, lag);
            } else if (!previous.equals(lag)) {
                throw new InvalidSpecException("ecrRegistry " + spec.region(), "replicateTo[" + destination + "].lag",
                        lag, "this world already replicates there with lag " + previous
                        + "; an applied replication rule cannot change");
            }
        });
        EcrRegistry registry = registries.region(spec.region());
        spec.repositories().forEach(registry::createRepository);
        for (EcrRegistrySpec.Push push : spec.pushes()) {
            if (registry.resolve(push.repository(), push.tag()).isEmpty()) {
                registry.push(push.repository(), push.tag());
            }
        }
    }
}
