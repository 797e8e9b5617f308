package dev.fakeecs.junit.loadbalancing;

import dev.fakeecs.dsl.Ecs;
import dev.fakeecs.dsl.WorldSpec;
import dev.fakeecs.dsl.service.LoadCurve;
import dev.fakeecs.image.ImageBehavior;
import dev.fakeecs.junit.EcsSpecProvider;

import java.time.Duration;

import static dev.fakeecs.dsl.service.ScalingPolicy.targetCpu;

/**
 * {@link WebBehindAlb}'s service under a constant 20 requests per second ({@code loadCurve}), which ALB "web-alb"
 * routes to target group "web-tg"; deployments replace the old tasks first (minimum healthy 0 %), so a new
 * revision's targets serve as soon as they are registered.
 */
public class WebUnderLoad implements EcsSpecProvider {

    @Override
    public WorldSpec spec() {
        // web-under-load-START
        return Ecs.world().seed(11)
                .cluster("prod", c -> { })
                .image("acme/web:broken", ImageBehavior.DEFAULT.withHttpStatus(500))
                .targetGroup("web-tg", tg -> tg.http(8080).ip().healthCheckPath("/health")
                        .healthCheckInterval(Duration.ofSeconds(10)).healthyThreshold(2).unhealthyThreshold(2)
                        .deregistrationDelay(Duration.ofSeconds(30)))
                .loadBalancer("web-alb", lb -> lb.application().listener(80, "HTTP", "web-tg"))
                .service("web", s -> s.cluster("prod").taskDefinition(WebBehindAlb.WEB).desiredCount(2).fargate()
                        .deployment(0, 100).circuitBreaker(true, true).behindLoadBalancer("web-tg", "app", 8080)
                        .autoScaling(2, 4, targetCpu(60))
                        .loadCurve(LoadCurve.constant(20)))        // 1200 requests a minute through web-tg
                .build();
        // web-under-load-END
    }
}
