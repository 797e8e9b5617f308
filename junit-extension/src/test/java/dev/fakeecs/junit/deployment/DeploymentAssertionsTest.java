package dev.fakeecs.junit.deployment;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.dsl.WorldSpec;
import dev.fakeecs.junit.EcsCluster;
import dev.fakeecs.junit.EcsSoftAssertions;
import dev.fakeecs.junit.handle.EcsAlarmHandle;
import dev.fakeecs.junit.handle.EcsClusterHandle;
import dev.fakeecs.junit.handle.EcsServiceHandle;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHook;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHookStage;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.fakeecs.junit.EcsAssertions.assertThat;
import static dev.fakeecs.junit.EcsAssertions.assertThatThrownBy;
import static dev.fakeecs.junit.EcsAssertions.within;
import static java.time.Duration.ofMinutes;
import static software.amazon.awssdk.services.ecs.model.ServiceDeploymentLifecycleStage.BAKE_TIME;
import static software.amazon.awssdk.services.ecs.model.ServiceDeploymentLifecycleStage.POST_SCALE_UP;
import static software.amazon.awssdk.services.ecs.model.ServiceDeploymentLifecycleStage.POST_TEST_TRAFFIC_SHIFT;

/**
 * Service deployment, alarm and lifecycle hook assertions over deployments the world really runs (declared with the
 * DSL), each passing and failing with its message.
 */
class DeploymentAssertionsTest {

    @Nested
    @EcsCluster(spec = ShopBlueGreen.class, reportOnFailure = false)
    class BlueGreen {

        private final WorldSpec spec = new ShopBlueGreen().spec();

        private EcsServiceHandle steadyShop(EcsClusterHandle prod) {
            EcsServiceHandle shop = prod.service("shop");
            assertThat(shop).deployment().eventually(within(ofMinutes(30))).hasStatus(ServiceDeploymentStatus.SUCCESSFUL);
            return shop;
        }

        @Test
        void should_follow_a_blue_green_deployment_stage_by_stage(EcsClusterHandle prod, FakeEcs ecs) {
            // given
            EcsServiceHandle shop = steadyShop(prod);
            String first = shop.latestServiceDeployment().serviceDeploymentArn();

            // when
            Shop.deploy(spec, ecs, "shop:2");

            // then: each stage is seen as it happens, the clock stopping there
            // junit-deployment-START
            assertThat(shop).deployment().eventually().isInStage(POST_SCALE_UP).hasStatus("IN_PROGRESS")
                    .hasProductionTrafficWeight(0);
            assertThat(shop.latestServiceDeployment().serviceDeploymentArn()).isNotEqualTo(first);
            assertThat(shop).deployment().eventually().isInStage(POST_TEST_TRAFFIC_SHIFT).hasProductionTrafficWeight(0);
            assertThat(shop).deployment().eventually().isInStage(BAKE_TIME).hasProductionTrafficWeight(100);
            Instant bakeSeen = ecs.clock().instant();
            assertThat(shop).deployment().eventually(within(ofMinutes(10))).hasStatus(ServiceDeploymentStatus.SUCCESSFUL)
                    .wasNotRolledBack().hasProductionTrafficWeight(100)
                    .returnToService().eventually(within(ofMinutes(5))).hasRunningCount(2);
            assertThat(shop.productionListenerRule()).hasWeights("shop-blue", 100, "shop-green", 0);
            assertThat(shop.testListenerRule()).hasWeights("shop-blue", 100, "shop-green", 0);
            assertThat(Duration.between(bakeSeen, ecs.clock().instant())).isLessThan(ofMinutes(10));
            assertThat(ecs.lifecycleHooks()).invoked(Shop.SMOKE).atStage("POST_SCALE_UP")
                    .atStage("POST_TEST_TRAFFIC_SHIFT").onlyAtStages("POST_SCALE_UP", "POST_TEST_TRAFFIC_SHIFT")
                    .answered("SUCCEEDED").lastAnswered("SUCCEEDED").times(4)
                    .returnToHooks().wasNotInvoked("arn:aws:lambda:us-east-1:123456789012:function:other");
            // junit-deployment-END
        }

        @Test
        void should_report_the_whole_deployment_when_a_check_fails(EcsClusterHandle prod) {
            // given
            EcsServiceHandle shop = steadyShop(prod);

            // then
            assertThatThrownBy(() -> assertThat(shop).deployment().isInStage(POST_SCALE_UP))
                    .hasMessageContaining(String.format("Expecting service deployment:%n  latest service deployment of"
                            + " service shop in cluster prod (us-east-1)%nto have lifecycle stage:%n  \"POST_SCALE_UP\"%n"
                            + "but was:%n  SUCCESSFUL, stage "))
                    .hasMessageContaining("strategy BLUE_GREEN, production traffic 100.0 %")
                    .hasMessageContaining("seed 11 (same seed, same run)");
            assertThatThrownBy(() -> assertThat(shop).deployment().hasStatus(ServiceDeploymentStatus.ROLLBACK_SUCCESSFUL))
                    .hasMessageContaining(String.format("to have status:%n  \"ROLLBACK_SUCCESSFUL\"%nbut was:%n  SUCCESSFUL"));
            assertThatThrownBy(() -> assertThat(shop).deployment().wasRolledBack())
                    .hasMessageContaining(String.format("to have rolled back:%n  \"a rollback\"%nbut was:%n  SUCCESSFUL"));
            assertThatThrownBy(() -> assertThat(shop).deployment().hasProductionTrafficWeight(10))
                    .hasMessageContaining(String.format("to have production traffic weight:%n  \"10.0 %%\"%nbut was:"));
            assertThatThrownBy(() -> assertThat(shop).deployment().hasTriggeredAlarms("shop-5xx"))
                    .hasMessageContaining(String.format("to have triggered alarms:%n  [\"shop-5xx\"]%nbut was:"));
            assertThatThrownBy(() -> assertThat(shop).deployment().isAwaitingAction())
                    .hasMessageContaining("to have a hook awaiting action:");
            assertThatThrownBy(() -> assertThat(prod.service("missing")).deployment())
                    .hasMessageContaining("Expecting service:");
            assertThatThrownBy(() -> new dev.fakeecs.junit.assertions.ServiceDeploymentAssert(prod.service("missing"))
                    .exists())
                    .hasMessageContaining(String.format("to have a service deployment:%n  \"one\"%nbut was:%n"
                            + "  (no such service)"));
            new dev.fakeecs.junit.assertions.ServiceDeploymentAssert(shop).exists();
            Instant before = prod.clock().instant();
            assertThatThrownBy(() -> assertThat(shop).deployment().eventually(within(ofMinutes(2))).isInStage(BAKE_TIME))
                    .hasMessageContaining("[eventually] within PT2M of virtual time")
                    .hasMessageContaining(String.format("to have lifecycle stage:%n  \"BAKE_TIME\"%nbut at the deadline was:"));
            assertThat(Duration.between(before, prod.clock().instant())).isEqualTo(ofMinutes(2));
        }

        @Test
        void should_see_a_failed_hook_roll_the_deployment_back(EcsClusterHandle prod, FakeEcs ecs) {
            // given
            EcsServiceHandle shop = steadyShop(prod);

            // when: the next revision, its smoke test failing (answered after the declaration is re-applied)
            Shop.deploy(spec, ecs, "shop:2");
            ecs.lifecycleHooks().answer(Shop.SMOKE, "FAILED", Duration.ofSeconds(5));

            // then
            assertThat(shop).deployment().eventually(within(ofMinutes(30)))
                    .hasStatus(ServiceDeploymentStatus.ROLLBACK_SUCCESSFUL).wasRolledBack();
            assertThat(shop.latestServiceDeployment().rollback().reason()).contains("failed at POST_SCALE_UP");
            assertThat(ecs.lifecycleHooks()).invoked(Shop.SMOKE).answered("FAILED").lastAnswered("FAILED");
            assertThatThrownBy(() -> assertThat(shop).deployment().wasNotRolledBack())
                    .hasMessageContaining(String.format("to have no rollback:%n  \"none\"%nbut was:%n  ROLLBACK_SUCCESSFUL"));
            assertThatThrownBy(() -> assertThat(ecs.lifecycleHooks()).invoked(Shop.SMOKE).lastAnswered("SUCCEEDED"))
                    .hasMessageContaining(String.format("Expecting hook function:%n  " + Shop.SMOKE
                            + "%nto have a last invocation answering:%n  \"SUCCEEDED\"%nbut was:"))
                    .hasMessageContaining("at POST_SCALE_UP -> FAILED");
        }

        @Test
        void should_wait_on_a_pause_hook_until_continued(EcsClusterHandle prod) {
            // given: the service's hooks plus a PAUSE after scale-up
            EcsServiceHandle shop = steadyShop(prod);
            var config = shop.describe().deploymentConfiguration();
            List<DeploymentLifecycleHook> hooks = new ArrayList<>(config.lifecycleHooks());
            hooks.add(DeploymentLifecycleHook.builder().targetType("PAUSE")
                    .lifecycleStages(DeploymentLifecycleHookStage.POST_SCALE_UP).build());
            String next = prod.api().registerTaskDefinition(r -> r.family("shop").networkMode("awsvpc")
                    .requiresCompatibilities(software.amazon.awssdk.services.ecs.model.Compatibility.FARGATE)
                    .cpu("256").memory("512").containerDefinitions(c -> c.name("app").image("shop:3").essential(true)
                            .portMappings(p -> p.containerPort(8080)))).taskDefinition().taskDefinitionArn();

            // when
            prod.api().updateService(r -> r.cluster("prod").service("shop").taskDefinition(next)
                    .deploymentConfiguration(config.toBuilder().lifecycleHooks(hooks).build()));

            // then
            assertThat(shop).deployment().eventually(within(ofMinutes(30))).isAwaitingAction().isInStage(POST_SCALE_UP);
            ServiceDeployment waiting = shop.latestServiceDeployment();
            String hookId = waiting.lifecycleHookDetails().stream().filter(h -> "AWAITING_ACTION".equals(h.statusAsString()))
                    .findFirst().orElseThrow().hookId();
            assertThatThrownBy(() -> assertThat(shop).deployment().eventually(within(ofMinutes(5))).isInStage(BAKE_TIME))
                    .hasMessageContaining("AWAITING_ACTION");
            prod.api().continueServiceDeployment(r -> r.serviceDeploymentArn(waiting.serviceDeploymentArn()).hookId(hookId));
            assertThat(shop).deployment().eventually().hasStatus(ServiceDeploymentStatus.SUCCESSFUL);
        }

        @Test
        void should_assert_alarm_states_and_reasons(EcsClusterHandle prod, CloudWatchClient cloudWatch) {
            // given
            EcsAlarmHandle fiveXx = prod.alarm("shop-5xx");

            // then: INSUFFICIENT_DATA until its first evaluation, then OK (no 5XX)
            assertThat(fiveXx).exists().hasInsufficientData();
            assertThat(fiveXx).exists().eventually(within(ofMinutes(5))).isOk();
            assertThatThrownBy(() -> assertThat(fiveXx).isInAlarm())
                    .hasMessageContaining(String.format("Expecting alarm:%n  alarm shop-5xx (us-east-1)%nto have state:%n"
                            + "  \"ALARM\"%nbut was:%n  OK since"))
                    .hasMessageContaining("Sum of AWS/ApplicationELB/HTTPCode_Target_5XX_Count"
                            + " GreaterThanOrEqualToThreshold 1.0 for 1 x 60 s");

            // when
            cloudWatch.setAlarmState(r -> r.alarmName("shop-5xx").stateValue(StateValue.ALARM).stateReason("errors spiked"));

            // then
            assertThat(fiveXx).isInAlarm().hasState("ALARM").hasStateReasonContaining("errors spiked");
            assertThatThrownBy(() -> assertThat(fiveXx).isOk())
                    .hasMessageContaining(String.format("to have state:%n  \"OK\"%nbut was:%n  ALARM since"))
                    .hasMessageContaining("(\"errors spiked\")")
                    .hasMessageContaining("recent journal about alarm shop-5xx (us-east-1):");
            assertThat(fiveXx.state()).isEqualTo(cloudWatch.describeAlarms(r -> r.alarmNames("shop-5xx"))
                    .metricAlarms().get(0).stateValueAsString());
            assertThatThrownBy(() -> assertThat(fiveXx).hasStateReasonContaining("Threshold Crossed"))
                    .hasMessageContaining(String.format("to have a state reason containing:%n  \"Threshold Crossed\"%n"
                            + "but was:%n  ALARM since"));
            assertThatThrownBy(() -> assertThat(fiveXx).hasInsufficientData())
                    .hasMessageContaining("INSUFFICIENT_DATA");
            assertThatThrownBy(() -> assertThat(prod.alarm("nope")).isOk())
                    .hasMessageContaining("Expecting alarm:").hasMessageContaining("alarm nope (us-east-1)");
            assertThat(fiveXx).eventually(within(ofMinutes(3))).isOk();   // the next evaluation sees no 5XX
        }

        @Test
        void should_collect_soft_assertion_failures_on_alarms_and_hooks(EcsClusterHandle prod, FakeEcs ecs) {
            steadyShop(prod);
            assertThatThrownBy(() -> EcsSoftAssertions.softly(softly -> {
                softly.assertThat(prod.alarm("shop-5xx")).isInAlarm();
                softly.assertThat(ecs.lifecycleHooks()).wasNotInvoked(Shop.SMOKE);
            })).hasMessageContaining("to have state:").hasMessageContaining("to have no invocation of:");
            assertThatThrownBy(() -> assertThat(ecs.lifecycleHooks()).invoked("arn:aws:lambda:us-east-1:1:function:x"))
                    .hasMessageContaining(String.format("to have an invocation of:%n  \"arn:aws:lambda:us-east-1:1:"
                            + "function:x\"%nbut was:")).hasMessageContaining(Shop.SMOKE + " at POST_SCALE_UP");
            assertThatThrownBy(() -> assertThat(ecs.lifecycleHooks()).invoked(Shop.SMOKE).atStage("PRE_SCALE_UP"))
                    .hasMessageContaining(String.format("to have an invocation at stage:%n  \"PRE_SCALE_UP\""));
            assertThatThrownBy(() -> assertThat(ecs.lifecycleHooks()).invoked(Shop.SMOKE).times(7))
                    .hasMessageContaining(String.format("to have invocations count:%n  7"));
            assertThatThrownBy(() -> assertThat(ecs.lifecycleHooks()).invoked(Shop.SMOKE).onlyAtStages("POST_SCALE_UP"))
                    .hasMessageContaining("to have invocations only at stages:");
            assertThatThrownBy(() -> assertThat(ecs.lifecycleHooks()).invoked(Shop.SMOKE).answered("FAILED"))
                    .hasMessageContaining("to have an invocation answering:");
        }
    }

    @Nested
    @EcsCluster(spec = ShopCanary.class, reportOnFailure = false)
    class Canary {

        @Test
        void should_see_a_bad_canary_caught_by_its_alarm_and_rolled_back(EcsClusterHandle prod, FakeEcs ecs) {
            // given
            EcsServiceHandle shop = prod.service("shop");
            assertThat(shop).deployment().eventually(within(ofMinutes(30))).hasStatus(ServiceDeploymentStatus.SUCCESSFUL);

            // when
            Shop.deploy(new ShopCanary().spec(), ecs, "shop:broken");

            // then: the canary's 10 % is visible on the production rule (the first deployment went to shop-green)
            assertThat(shop).deployment().eventually(within(ofMinutes(15))).hasProductionTrafficWeight(10);
            assertThat(shop.productionListenerRule()).exists().hasWeights("shop-blue", 10, "shop-green", 90)
                    .hasWeight("shop-blue", 10);
            assertThatThrownBy(() -> assertThat(shop.productionListenerRule()).hasWeights("shop-blue", 100, "shop-green", 0))
                    .hasMessageContaining(String.format("Expecting listener rule:%n  listener rule "))
                    .hasMessageContaining(String.format("to have weights:%n  {\"shop-blue\"=100, \"shop-green\"=0}%n"
                            + "but was:%n  {\"shop-blue\"=10, \"shop-green\"=90}"));
            assertThat(prod.alarm("shop-5xx")).eventually(within(ofMinutes(15))).isInAlarm()
                    .hasStateReasonContaining("Threshold Crossed");
            assertThat(shop).deployment().eventually(within(ofMinutes(30)))
                    .hasStatus(ServiceDeploymentStatus.ROLLBACK_SUCCESSFUL).wasRolledBack().hasTriggeredAlarms("shop-5xx");
            assertThat(shop.productionListenerRule()).hasWeights("shop-green", 100, "shop-blue", 0);
            assertThatThrownBy(() -> assertThat(shop.productionListenerRule()).hasWeight("shop-blue", 10))
                    .hasMessageContaining(String.format("to have weight of shop-blue:%n  10%nbut was:%n  {"));
            assertThatThrownBy(() -> assertThat(new dev.fakeecs.junit.handle.EcsListenerRuleHandle(ecs, "us-east-1",
                    "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/x/1/2/3")).exists())
                    .hasMessageContaining("Expecting listener rule:");
            assertThatThrownBy(() -> assertThat(shop).deployment().hasTriggeredAlarms("other"))
                    .hasMessageContaining("alarms TRIGGERED [shop-5xx]");
        }
    }
}
