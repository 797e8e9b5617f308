package dev.fakeecs.dsl.express;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.dsl.Ecs;
import dev.fakeecs.dsl.WorldSpec;
import dev.fakeecs.dsl.spec.InvalidSpecException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ECSExpressGatewayService;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayServiceConfiguration;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Express services declared in the DSL: validated when built, created through CreateExpressGatewayService when the
 * world is applied (with the account's default roles), and updated when applied again with a changed declaration.
 */
class ExpressServiceDslTest {

    @Test
    void should_create_a_declared_express_service_with_what_ecs_builds_for_it() {
        // given
        // express-dsl-START
        WorldSpec world = Ecs.world().seed(4)
                .expressService("web", e -> e.image("acme/web:1").containerPort(8080).healthCheckPath("/health")
                        .tasks(2, 6).scaleOnCpu(70).environment("MODE", "prod"))
                .build();
        // express-dsl-END

        // when
        try (FakeEcs ecs = world.start()) {
            EcsClient api = ecs.newClient();
            String arn = "arn:aws:ecs:us-east-1:" + ecs.accountId() + ":service/default/web";
            ECSExpressGatewayService web = api.describeExpressGatewayService(r -> r.serviceArn(arn)).service();

            // then
            ExpressGatewayServiceConfiguration c = web.activeConfigurations().get(0);
            assertThat(c.executionRoleArn()).isEqualTo("arn:aws:iam::" + ecs.accountId() + ":role/ecsTaskExecutionRole");
            assertThat(web.infrastructureRoleArn()).endsWith(":role/ecsInfrastructureRoleForExpressServices");
            assertThat(c.scalingTarget().minTaskCount()).isEqualTo(2);
            assertThat(c.scalingTarget().autoScalingTargetValue()).isEqualTo(70);
            assertThat(c.primaryContainer().environment().get(0).value()).isEqualTo("prod");
            List<TargetGroup> groups = ecs.newLoadBalancingClient().describeTargetGroups().targetGroups();
            assertThat(groups).hasSize(2).allSatisfy(tg -> {
                assertThat(tg.port()).isEqualTo(8080);
                assertThat(tg.healthCheckPath()).isEqualTo("/health");
            });
        }
    }

    @Test
    void should_update_the_service_when_the_world_is_applied_again() {
        WorldSpec v1 = Ecs.world().seed(4).expressService("web", e -> e.image("acme/web:1")).build();
        try (FakeEcs ecs = v1.start()) {
            ecs.clock().advance(Duration.ofMinutes(15));

            v1.toBuilder().expressService("web", e -> e.image("acme/web:2")).build().applyTo(ecs);

            String arn = "arn:aws:ecs:us-east-1:" + ecs.accountId() + ":service/default/web";
            ecs.clock().advance(Duration.ofMinutes(20));
            ECSExpressGatewayService web = ecs.newClient().describeExpressGatewayService(r -> r.serviceArn(arn))
                    .service();
            assertThat(web.activeConfigurations()).singleElement().satisfies(c -> {
                assertThat(c.primaryContainer().image()).isEqualTo("acme/web:2");
                assertThat(c.taskDefinitionArn()).endsWith(":task-definition/web:2");
            });
        }
    }

    @Test
    void should_refuse_an_invalid_declaration_naming_the_field() {
        assertThatThrownBy(() -> ExpressServiceSpec.builder("web").build())
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("image");
        assertThatThrownBy(() -> ExpressServiceSpec.builder("web").image("a").containerPort(0).build())
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("containerPort");
        assertThatThrownBy(() -> ExpressServiceSpec.builder("web").image("a").tasks(5, 2).build())
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("tasks.max");
        assertThatThrownBy(() -> ExpressServiceSpec.builder("web").image("a").healthCheckPath("ping").build())
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("healthCheckPath");
    }
}
