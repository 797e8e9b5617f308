package dev.fakeecs.dsl.loadbalancing;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.dsl.Ecs;
import dev.fakeecs.dsl.Faults;
import dev.fakeecs.dsl.WorldSpec;
import dev.fakeecs.dsl.json.EcsJson;
import dev.fakeecs.dsl.service.ServiceSpec;
import dev.fakeecs.dsl.spec.InvalidSpecException;
import dev.fakeecs.dsl.taskdefinition.TaskDefinitionSpec;
import dev.fakeecs.image.ImageBehavior;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupAttribute;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Load balancers, target groups and listeners declared in a world, validated, imported from CLI JSON and applied. */
class LoadBalancingDslTest {

    static final TaskDefinitionSpec WEB = Ecs.taskDefinition("web").fargate().cpu(256).memory(512)
            .container("app", c -> c.image("acme/web:1").port(8080)).build();

    private static WorldSpec.Builder webWorld(Consumer<WorldSpec.Builder> more) {
        WorldSpec.Builder world = Ecs.world().seed(7)
                .cluster("prod", c -> { })
                .targetGroup("web-tg", tg -> tg.http(8080).ip().healthCheckPath("/health")
                        .healthCheckInterval(Duration.ofSeconds(10)).healthyThreshold(2).unhealthyThreshold(2)
                        .matcher("200-299").deregistrationDelay(Duration.ofSeconds(30)))
                .loadBalancer("web-alb", lb -> lb.application().internetFacing().listener(80, "HTTP", "web-tg"))
                .service("web", s -> s.cluster("prod").taskDefinition(WEB).desiredCount(2).fargate()
                        .behindLoadBalancer("web-tg", "app", 8080));
        more.accept(world);
        return world;
    }

    @Test
    void should_keep_declared_settings_and_fill_in_aws_defaults() {
        // given
        TargetGroupSpec tg = Ecs.targetGroup("web-tg").http(8080).ip().slowStart(Duration.ofSeconds(60)).build();
        LoadBalancerSpec lb = Ecs.loadBalancer("web-alb").listener(80, "HTTP", "web-tg").build();

        // then
        assertThat(tg.targetType()).isEqualTo("ip");
        assertThat(tg.toRequest().vpcId()).isEqualTo(TargetGroupSpec.DEFAULT_VPC);
        assertThat(tg.attributes()).containsEntry("slow_start.duration_seconds", "60");
        assertThat(Ecs.targetGroup("x").tcp(80).build().targetType()).isEqualTo("instance");
        assertThat(lb.type()).isEqualTo("application");
        assertThat(lb.scheme()).isEqualTo("internet-facing");
        assertThat(lb.toRequest(List.of("us-east-1a", "us-east-1b")).subnets())
                .containsExactly("subnet-us-east-1a", "subnet-us-east-1b");
        assertThat(lb.listeners()).singleElement().satisfies(l -> {
            assertThat(l.loadBalancer()).isEqualTo("web-alb");
            assertThat(l.forward()).containsExactly(new WeightedTargetGroup("web-tg", 1));
        });
        assertThat(tg.toBuilder().build()).isEqualTo(tg);
        assertThat(lb.toBuilder().build()).isEqualTo(lb);
    }

    @Test
    void should_reject_bad_target_group_settings_naming_the_declaration() {
        assertThatThrownBy(() -> Ecs.targetGroup("web-tg").http(8080).healthCheckInterval(Duration.ofSeconds(10))
                .healthCheckTimeout(Duration.ofSeconds(10)).build())
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("targetGroup web-tg: healthCheckTimeoutSeconds = 10: must be less than the health check"
                        + " interval (10 s)");
        assertThatThrownBy(() -> Ecs.targetGroup("web-tg").http(8080).matcher("500").build())
                .hasMessage("targetGroup web-tg: matcher = \"500\": must be codes between 200 and 499, like 200,"
                        + " 200,202 or 200-299");
        assertThatThrownBy(() -> Ecs.targetGroup("-web").http(8080).build())
                .hasMessageContaining("targetGroup -web: name = \"-web\": must be letters, digits and hyphens");
        assertThatThrownBy(() -> Ecs.targetGroup("web-tg").http(8080).deregistrationDelay(Duration.ofHours(2)).build())
                .hasMessage("targetGroup web-tg: deregistrationDelay = \"7200 s\": must be between 0 and 3600 seconds");
        assertThatThrownBy(() -> Ecs.targetGroup("web-tg").http(8080).healthyThreshold(11).build())
                .hasMessage("targetGroup web-tg: healthyThresholdCount = 11: must be between 2 and 10");
    }

    @Test
    void should_reject_listeners_that_do_not_fit_their_load_balancer() {
        assertThatThrownBy(() -> Ecs.loadBalancer("web-alb").listener(80, "TCP", "web-tg").build())
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("loadBalancer web-alb: listeners[0].protocol = \"TCP\": an application load balancer takes"
                        + " HTTP or HTTPS listeners");
        assertThatThrownBy(() -> Ecs.loadBalancer("web-alb").listener(443, "HTTPS", "web-tg").build())
                .hasMessage("listener 443 of web-alb: certificate = null: is required and must not be blank");
        assertThatThrownBy(() -> Ecs.listener("web-alb", 80, "HTTP").forward("blue", 90).forward("green", 1000).build())
                .hasMessage("listener 80 of web-alb: forward[1].weight = 1000: must be between 0 and 999");
    }

    @Test
    void should_reject_a_service_behind_an_undeclared_target_group() {
        assertThatThrownBy(() -> webWorld(w -> w.service("api", s -> s.cluster("prod").taskDefinition(WEB)
                .desiredCount(1).behindLoadBalancer("api-tg", "app", 8080))).build())
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("service api: loadBalancers[0].targetGroup = \"api-tg\": no target group of that name is"
                        + " declared in us-east-1; declare it with .targetGroup(\"api-tg\", ...)");
    }

    @Test
    void should_reject_a_target_group_no_listener_forwards_to_and_one_of_the_wrong_target_type() {
        assertThatThrownBy(() -> webWorld(w -> w.targetGroup("api-tg", tg -> tg.http(8080).ip())
                .service("api", s -> s.cluster("prod").taskDefinition(WEB).desiredCount(1)
                        .behindLoadBalancer("api-tg", "app", 8080))).build())
                .hasMessage("service api: loadBalancers[0].targetGroup = \"api-tg\": no listener of a declared load"
                        + " balancer forwards to it; ECS needs the target group attached to a load balancer");
        assertThatThrownBy(() -> webWorld(w -> w.targetGroup("web-tg", tg -> tg.instance())).build())
                .hasMessage("service web: loadBalancers[0].targetGroup = \"web-tg\": its target type instance does not"
                        + " suit the awsvpc network mode of task definition web; use target type ip");
        assertThatThrownBy(() -> webWorld(w -> w.service("web", s -> s.behindLoadBalancer("web-tg", "sidecar", 80)))
                .build())
                .hasMessage("service web: loadBalancers[1].containerName = \"sidecar\": task definition web has no"
                        + " container of that name");
    }

    @Test
    void should_reject_a_listener_forwarding_to_an_undeclared_or_shared_target_group() {
        assertThatThrownBy(() -> webWorld(w -> w.loadBalancer("api-alb", lb -> lb.listener(80, "HTTP", "nope"))).build())
                .hasMessage("listener 80 of api-alb: forward[0].targetGroup = \"nope\": no target group of that name is"
                        + " declared in us-east-1; declare it with .targetGroup(\"nope\", ...)");
        assertThatThrownBy(() -> webWorld(w -> w.loadBalancer("api-alb", lb -> lb.listener(80, "HTTP", "web-tg")))
                .build())
                .hasMessage("listener 80 of api-alb: forward[0].targetGroup = \"web-tg\": is already used by load"
                        + " balancer web-alb; a target group serves one load balancer");
        assertThatThrownBy(() -> webWorld(w -> w.listener(Ecs.listener("ghost-alb", 81, "HTTP").forwardTo("web-tg")
                .build())).build())
                .hasMessage("listener 81 of ghost-alb: loadBalancer = \"ghost-alb\": no load balancer of that name is"
                        + " declared; declare it with .loadBalancer(\"ghost-alb\", ...)");
    }

    @Test
    void should_apply_an_alb_with_a_target_group_and_listener_before_the_service_and_reach_two_healthy_targets() {
        // given
        try (FakeEcs ecs = webWorld(w -> { }).start()) {
            ElasticLoadBalancingV2Client elb = ecs.newLoadBalancingClient();

            // when
            ecs.clock().advance(Duration.ofMinutes(3));

            // then
            TargetGroup tg = elb.describeTargetGroups(r -> r.names("web-tg")).targetGroups().get(0);
            assertThat(tg.healthCheckPath()).isEqualTo("/health");
            assertThat(tg.healthCheckIntervalSeconds()).isEqualTo(10);
            assertThat(tg.matcher().httpCode()).isEqualTo("200-299");
            assertThat(tg.loadBalancerArns()).singleElement().asString().contains("loadbalancer/app/web-alb/");
            assertThat(elb.describeTargetGroupAttributes(r -> r.targetGroupArn(tg.targetGroupArn())).attributes())
                    .contains(TargetGroupAttribute.builder().key("deregistration_delay.timeout_seconds").value("30")
                            .build());
            List<TargetHealthDescription> targets = elb.describeTargetHealth(r -> r.targetGroupArn(tg.targetGroupArn()))
                    .targetHealthDescriptions();
            assertThat(targets).hasSize(2).allSatisfy(t -> {
                assertThat(t.targetHealth().stateAsString()).isEqualTo("healthy");
                assertThat(t.target().port()).isEqualTo(8080);
            });
            Service web = ecs.api().describeServices(r -> r.cluster("prod").services("web")).services().get(0);
            assertThat(web.loadBalancers()).singleElement().satisfies(l -> {
                assertThat(l.targetGroupArn()).isEqualTo(tg.targetGroupArn());
                assertThat(l.containerName()).isEqualTo("app");
            });
            assertThat(web.runningCount()).isEqualTo(2);
        }
    }

    @Test
    void should_apply_weighted_forwards_and_be_idempotent_when_applied_again() {
        // given
        WorldSpec spec = webWorld(w -> w.targetGroup("green-tg", tg -> tg.http(8080).ip())
                .loadBalancer("web-alb", lb -> lb.listener(8080, "HTTP", l -> l.forward("web-tg", 90)
                        .forward("green-tg", 10)))).build();
        try (FakeEcs ecs = spec.start()) {
            ecs.clock().advance(Duration.ofMinutes(2));

            // when: applied again with a changed health check path
            spec.toBuilder().targetGroup("web-tg", tg -> tg.healthCheckPath("/ready")).applyTo(ecs);

            // then
            ElasticLoadBalancingV2Client elb = ecs.newLoadBalancingClient();
            String lbArn = elb.describeLoadBalancers(r -> r.names("web-alb")).loadBalancers().get(0).loadBalancerArn();
            List<Listener> listeners = elb.describeListeners(r -> r.loadBalancerArn(lbArn)).listeners();
            assertThat(listeners).hasSize(2);
            Listener weighted = listeners.stream().filter(l -> l.port() == 8080).findFirst().orElseThrow();
            assertThat(weighted.defaultActions().get(0).forwardConfig().targetGroups())
                    .extracting(t -> t.weight()).containsExactly(90, 10);
            assertThat(elb.describeTargetGroups(r -> r.names("web-tg")).targetGroups().get(0).healthCheckPath())
                    .isEqualTo("/ready");
            assertThat(elb.describeTargetGroups(r -> r.names("web-tg", "green-tg")).targetGroups()).hasSize(2);
        }
    }

    @Test
    void should_import_cli_shaped_json_for_target_group_load_balancer_listener_and_service() {
        // given: what the AWS CLI takes, with ARNs of another account
        TargetGroupSpec tg = EcsJson.readTargetGroup("""
                {"Name": "web-tg", "Protocol": "HTTP", "Port": 8080, "VpcId": "vpc-0abc", "TargetType": "ip",
                 "HealthCheckPath": "/health", "HealthCheckIntervalSeconds": 10, "HealthCheckTimeoutSeconds": 5,
                 "HealthyThresholdCount": 2, "UnhealthyThresholdCount": 3, "Matcher": {"HttpCode": "200-399"},
                 "Attributes": [{"Key": "deregistration_delay.timeout_seconds", "Value": "20"}]}
                """);
        LoadBalancerSpec lb = EcsJson.readLoadBalancer("""
                {"Name": "web-alb", "Subnets": ["subnet-us-east-1a", "subnet-us-east-1b"], "Scheme": "internal",
                 "Type": "application", "Tags": [{"Key": "team", "Value": "web"}]}
                """);
        ListenerSpec listener = EcsJson.readListener("""
                {"LoadBalancerArn": "arn:aws:elasticloadbalancing:us-east-1:999999999999:loadbalancer/app/web-alb/50dc6c495c0c9188",
                 "Protocol": "HTTP", "Port": 80,
                 "DefaultActions": [{"Type": "forward",
                   "TargetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:999999999999:targetgroup/web-tg/73e2d6bc24d8a067"}]}
                """);
        ServiceSpec service = EcsJson.readService("""
                {"cluster": "prod", "serviceName": "web", "taskDefinition": "web", "desiredCount": 2,
                 "launchType": "FARGATE",
                 "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-us-east-1a", "subnet-us-east-1b"]}},
                 "loadBalancers": [{"targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:999999999999:targetgroup/web-tg/73e2d6bc24d8a067",
                   "containerName": "app", "containerPort": 8080}]}
                """);

        // then: read by name
        assertThat(tg.port()).isEqualTo(8080);
        assertThat(tg.deregistrationDelay()).isEqualTo(Duration.ofSeconds(20));
        assertThat(tg.toRequest().vpcId()).isEqualTo("vpc-0abc");
        assertThat(lb.scheme()).isEqualTo("internal");
        assertThat(listener.loadBalancer()).isEqualTo("web-alb");
        assertThat(listener.forward()).containsExactly(new WeightedTargetGroup("web-tg", 1));
        assertThat(service.loadBalancers()).singleElement()
                .satisfies(a -> assertThat(a.targetGroupName()).isEqualTo("web-tg"));

        // when: a world from these files
        try (FakeEcs ecs = Ecs.world().seed(3).cluster("prod", c -> { }).taskDefinition(WEB)
                .targetGroup(tg).loadBalancer(lb).listener(listener).service(service).start()) {
            ecs.clock().advance(Duration.ofMinutes(3));

            // then: the service registered in this world's target group
            ElasticLoadBalancingV2Client elb = ecs.newLoadBalancingClient();
            String arn = elb.describeTargetGroups(r -> r.names("web-tg")).targetGroups().get(0).targetGroupArn();
            assertThat(elb.describeTargetHealth(r -> r.targetGroupArn(arn)).targetHealthDescriptions())
                    .hasSize(2).allSatisfy(t -> assertThat(t.targetHealth().stateAsString()).isEqualTo("healthy"));
        }
    }

    @Test
    void should_export_a_world_with_load_balancing_to_cli_json_and_import_it_back(@TempDir Path dir) throws Exception {
        // given
        WorldSpec declared = webWorld(w -> w.targetGroup("green-tg", tg -> tg.http(8080).ip())
                .loadBalancer("web-alb", lb -> lb.listener(8080, "HTTP", l -> l.forward("web-tg", 90)
                        .forward("green-tg", 10)))).build();

        // when
        List<Path> files = EcsJson.exportWorld(declared, dir);
        WorldSpec imported = EcsJson.importWorld(dir).build();

        // then
        assertThat(files.stream().map(f -> dir.relativize(f).toString().replace('\\', '/')))
                .contains("load-balancing/us-east-1/target-groups/web-tg.json",
                        "load-balancing/us-east-1/load-balancers/web-alb.json",
                        "load-balancing/us-east-1/listeners/web-alb-80.json",
                        "load-balancing/us-east-1/listeners/web-alb-8080.json");
        assertThat(Files.readString(dir.resolve("load-balancing/us-east-1/target-groups/web-tg.json")))
                .contains("\"Name\" : \"web-tg\"", "\"HealthCheckPath\" : \"/health\"",
                        "\"Key\" : \"deregistration_delay.timeout_seconds\"");
        assertThat(imported.targetGroups()).extracting(TargetGroupSpec::toRequest)
                .containsExactlyInAnyOrderElementsOf(declared.targetGroups().stream().map(TargetGroupSpec::toRequest)
                        .toList());
        assertThat(imported.targetGroup("us-east-1", "web-tg").attributes())
                .isEqualTo(declared.targetGroup("us-east-1", "web-tg").attributes())
                .containsEntry("deregistration_delay.timeout_seconds", "30");
        assertThat(imported.loadBalancers()).singleElement().satisfies(lb -> {
            assertThat(lb.listeners()).isEqualTo(declared.loadBalancers().get(0).listeners());
            assertThat(lb.subnets()).containsExactly("subnet-us-east-1a", "subnet-us-east-1b", "subnet-us-east-1c");
        });
        assertThat(imported.services().get(0).loadBalancers()).isEqualTo(declared.services().get(0).loadBalancers());
    }

    @Test
    void should_name_the_member_when_cli_json_is_wrong() {
        assertThatThrownBy(() -> EcsJson.readTargetGroup("{\"Name\": \"web-tg\", \"Port\": \"eighty\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Port");
        assertThatThrownBy(() -> EcsJson.readListener("""
                {"LoadBalancerArn": "web-alb", "Protocol": "HTTP", "Port": 80,
                 "DefaultActions": [{"Type": "fixed-response", "FixedResponseConfig": {"StatusCode": "404"}}]}
                """))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("listener 80 of web-alb: DefaultActions[0].Type = \"fixed-response\": only forward actions"
                        + " can be declared");
    }

    @Test
    void should_write_the_target_group_name_into_exported_service_json() {
        // given
        ServiceSpec web = Ecs.service("web").taskDefinition("web").behindLoadBalancer("web-tg", "app", 8080).build();

        // when
        ServiceSpec again = EcsJson.readService(EcsJson.toJson(web));

        // then
        assertThat(EcsJson.toJson(web)).contains("\"targetGroupArn\" : \"web-tg\"");
        assertThat(again.loadBalancers()).isEqualTo(web.loadBalancers());
    }

    @Test
    void should_break_the_health_endpoint_from_a_scenario_and_replace_the_tasks() {
        // given
        WorldSpec spec = webWorld(w -> w.scenario(Ecs.scenario().after(Duration.ofMinutes(5), "health endpoint breaks",
                Faults.targetHealthFailure("web-tg").lasting(Duration.ofMinutes(10))).build())).build();
        try (FakeEcs ecs = spec.start()) {

            // when
            ecs.clock().advance(Duration.ofMinutes(8));

            // then
            List<String> events = ecs.api().describeServices(r -> r.cluster("prod").services("web")).services().get(0)
                    .events().stream().map(e -> e.message()).toList();
            assertThat(events).anyMatch(m -> m.contains("due to (reason Health checks failed with these codes: [503])"));
            assertThat(Faults.targetHealthFailure("web-tg").description()).isEqualTo("target health failure target group web-tg");
        }
        assertThatThrownBy(() -> Faults.targetHealthFailure(" ")).isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("targetGroup");
    }

    @Test
    void should_stop_a_bad_image_that_fails_the_target_groups_health_checks() {
        // given: the application answers 500
        try (FakeEcs ecs = webWorld(w -> w.image("acme/web:1", ImageBehavior.DEFAULT.withHttpStatus(500))).start()) {

            // when
            ecs.clock().advance(Duration.ofMinutes(3));

            // then
            ElasticLoadBalancingV2Client elb = ecs.newLoadBalancingClient();
            String arn = elb.describeTargetGroups(r -> r.names("web-tg")).targetGroups().get(0).targetGroupArn();
            List<String> events = ecs.api().describeServices(r -> r.cluster("prod").services("web")).services().get(0)
                    .events().stream().map(e -> e.message()).toList();
            assertThat(events).anyMatch(m -> m.contains("is unhealthy in (target-group " + arn + ")"));
        }
    }
}
