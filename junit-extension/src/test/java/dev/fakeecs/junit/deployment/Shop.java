package dev.fakeecs.junit.deployment;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.dsl.Ecs;
import dev.fakeecs.dsl.WorldSpec;
import dev.fakeecs.dsl.service.ServiceSpec;
import dev.fakeecs.dsl.taskdefinition.TaskDefinitionSpec;
import dev.fakeecs.image.ImageBehavior;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Service "shop" (2 Fargate tasks) behind ALB "shop-alb": target groups shop-blue and shop-green, production rule
 * 1 on port 80 and test rule 1 on port 8080 (blue 100, green 0), a 5XX alarm "shop-5xx" on the load balancer;
 * image shop:broken answers real requests with 500.
 */
final class Shop {

    static final String SMOKE = "arn:aws:lambda:us-east-1:123456789012:function:smoke";

    private Shop() {
    }

    static TaskDefinitionSpec revision(String image) {
        return Ecs.taskDefinition("shop").fargate().cpu(256).memory(512)
                .container("app", c -> c.image(image).port(8080)).build();
    }

    static WorldSpec.Builder world(Consumer<ServiceSpec.Builder> service) {
        return Ecs.world().seed(11)
                .cluster("prod", c -> { })
                .image("shop:broken", ImageBehavior.DEFAULT.withTrafficHttpStatus(500))
                .targetGroup("shop-blue", tg -> tg.http(8080).ip())
                .targetGroup("shop-green", tg -> tg.http(8080).ip())
                .loadBalancer("shop-alb", lb -> lb.application()
                        .listener(80, "HTTP", l -> l.forwardTo("shop-blue")
                                .rule(1, r -> r.pathPattern("/*").forward("shop-blue", 100).forward("shop-green", 0)))
                        .listener(8080, "HTTP", l -> l.forwardTo("shop-blue")
                                .rule(1, r -> r.pathPattern("/*").forward("shop-blue", 100).forward("shop-green", 0))))
                .alarm("shop-5xx", a -> a.namespace("AWS/ApplicationELB").metric("HTTPCode_Target_5XX_Count")
                        .dimension("LoadBalancer", "shop-alb").statistic(Statistic.SUM).period(Duration.ofMinutes(1))
                        .evaluationPeriods(1).greaterThanOrEqualTo(1).treatMissingData("notBreaching"))
                .service("shop", s -> {
                    s.cluster("prod").taskDefinition(revision("shop:1")).desiredCount(2).fargate()
                            .behindLoadBalancer("shop-blue", "app", 8080, lb -> lb.alternateTargetGroup("shop-green")
                                    .productionListenerRule("shop-alb", 80, 1).testListenerRule("shop-alb", 8080, 1));
                    service.accept(s);
                });
    }

    /** Deploys {@code image} as the next revision of shop (the declaration re-applied with it). */
    static void deploy(WorldSpec spec, FakeEcs ecs, String image) {
        spec.toBuilder().service("shop", s -> s.taskDefinition(revision(image))).build().applyTo(ecs);
    }
}
