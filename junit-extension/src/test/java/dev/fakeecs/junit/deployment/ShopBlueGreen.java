package dev.fakeecs.junit.deployment;

import dev.fakeecs.dsl.WorldSpec;
import dev.fakeecs.junit.EcsSpecProvider;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHookStage;

import java.time.Duration;

/** {@link Shop} deploying BLUE_GREEN (bake 2 min) with Lambda hook {@link Shop#SMOKE} after scale-up and test traffic. */
public class ShopBlueGreen implements EcsSpecProvider {

    @Override
    public WorldSpec spec() {
        return Shop.world(s -> s.blueGreen(Duration.ofMinutes(2))
                        .lifecycleHook(Shop.SMOKE, DeploymentLifecycleHookStage.POST_SCALE_UP,
                                DeploymentLifecycleHookStage.POST_TEST_TRAFFIC_SHIFT))
                .hookAnswer(Shop.SMOKE, "SUCCEEDED", Duration.ofSeconds(10))
                .build();
    }
}
