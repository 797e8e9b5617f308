package dev.fakeecs.junit.deployment;

import dev.fakeecs.dsl.Ecs;
import dev.fakeecs.dsl.WorldSpec;
import dev.fakeecs.junit.EcsSpecProvider;

import java.time.Duration;

/** {@link Shop} deploying CANARY (10 %, 10 min canary bake, 5 min bake) watched by alarm shop-5xx, under 20 rps. */
public class ShopCanary implements EcsSpecProvider {

    @Override
    public WorldSpec spec() {
        return Shop.world(s -> s.canary(10, Duration.ofMinutes(10)).bakeTime(Duration.ofMinutes(5))
                .alarms(true, "shop-5xx").autoScaling(2, 2, Ecs.targetCpu(99)).loadCurve(Ecs.load(20), 50)).build();
    }
}
