package dev.fakeecs.junit.loadbalancing;

import dev.fakeecs.dsl.Ecs;
import dev.fakeecs.dsl.WorldSpec;
import dev.fakeecs.dsl.taskdefinition.TaskDefinitionSpec;
import dev.fakeecs.image.ImageBehavior;
import dev.fakeecs.junit.EcsSpecProvider;

import java.time.Duration;

/** A Fargate service "web" (2 tasks) behind ALB "web-alb" through target group "web-tg"; image acme/web:broken answers 500. */
public class WebBehindAlb implements EcsSpecProvider {

    static final TaskDefinitionSpec WEB = Ecs.taskDefinition("web").fargate().cpu(256).memory(512)
            .container("app", c -> c.image("acme/web:1").port(8080)).build();

    @Override
    public WorldSpec spec() {
        // web-behind-alb-START
        return Ecs.world().seed(11)
                .cluster("prod", c -> { })
                .image("acme/web:broken", ImageBehavior.DEFAULT.withHttpStatus(500))
                .targetGroup("web-tg", tg -> tg.http(8080).ip().healthCheckPath("/health")
                        .healthCheckInterval(Duration.ofSeconds(10)).healthyThreshold(2).unhealthyThreshold(2)
                        .deregistrationDelay(Duration.ofSeconds(30)))
                .loadBalancer("web-alb", lb -> lb.application().listener(80, "HTTP", "web-tg"))
                .service("web", s -> s.cluster("prod").taskDefinition(WEB).desiredCount(2).fargate()
                        .circuitBreaker(true, true).behindLoadBalancer("web-tg", "app", 8080))
                .build();
        // web-behind-alb-END
    }
}
