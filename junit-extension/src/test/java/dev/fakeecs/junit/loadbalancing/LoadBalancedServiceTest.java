package dev.fakeecs.junit.loadbalancing;

import dev.fakeecs.fault.FaultInjector;
import dev.fakeecs.fault.FaultSpec;
import dev.fakeecs.fault.FaultType;
import dev.fakeecs.junit.EcsCluster;
import dev.fakeecs.junit.EcsSoftAssertions;
import dev.fakeecs.junit.handle.EcsClusterHandle;
import dev.fakeecs.junit.handle.EcsServiceHandle;
import dev.fakeecs.junit.handle.EcsTargetGroupHandle;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

import java.time.Duration;

import static dev.fakeecs.junit.EcsAssertions.assertThat;
import static dev.fakeecs.junit.EcsAssertions.assertThatThrownBy;
import static dev.fakeecs.junit.EcsAssertions.within;
import static java.time.Duration.ofMinutes;

/** A service behind a load balancer under @EcsCluster, checked through target group handles and assertions. */
@EcsCluster(spec = WebBehindAlb.class, reportOnFailure = false)
class LoadBalancedServiceTest {

    @Test
    void should_reach_two_healthy_targets_behind_the_alb(EcsClusterHandle prod, ElasticLoadBalancingV2Client elb) {
        // given
        EcsTargetGroupHandle web = prod.targetGroup("web-tg");

        // then
        assertThat(web).exists().eventually(within(ofMinutes(5))).hasHealthyTargets(2).hasNoUnhealthyTargets()
                .hasOnlyHealthyTargets().hasTargets(2);
        assertThat(web.describe().healthCheckPath()).isEqualTo("/health");
        assertThat(web.arn()).contains(":targetgroup/web-tg/");
        assertThat(web.targets()).extracting(t -> t.target().port()).containsOnly(8080);
        assertThat(prod.service("web").targetGroups()).singleElement()
                .satisfies(tg -> assertThat(tg.arn()).isEqualTo(web.arn()));
        assertThat(prod.loadBalancingClient().describeTargetGroups(r -> r.names("web-tg")).targetGroups())
                .singleElement().satisfies(tg -> assertThat(tg.targetGroupArn()).isEqualTo(web.arn()));
        assertThat(elb.describeTargetHealth(r -> r.targetGroupArn(web.arn())).targetHealthDescriptions())
                .as("the injected client sees what the handle sees").isEqualTo(web.targets());
    }

    @Test
    void should_catch_a_bad_image_answering_500_and_roll_it_back(EcsClusterHandle prod) {
        // given: steady on the good revision
        EcsTargetGroupHandle web = prod.targetGroup("web-tg");
        EcsServiceHandle service = prod.service("web");
        assertThat(web).eventually(within(ofMinutes(5))).hasHealthyTargets(2);
        assertThat(service).eventually(within(ofMinutes(10))).isSteady();

        // when: a revision whose application answers 500
        TaskDefinition current = prod.api().describeTaskDefinition(r -> r.taskDefinition("web")).taskDefinition();
        ContainerDefinition broken = current.containerDefinitions().get(0).toBuilder().image("acme/web:broken").build();
        String brokenArn = prod.api().registerTaskDefinition(r -> r.family("web").networkMode(current.networkMode())
                        .requiresCompatibilities(current.requiresCompatibilities()).cpu(current.cpu())
                        .memory(current.memory()).containerDefinitions(broken))
                .taskDefinition().taskDefinitionArn();
        prod.api().updateService(r -> r.cluster("prod").service("web").taskDefinition(brokenArn));

        // then: its targets turn unhealthy, the breaker rolls back, and only the good revision serves
        // bad-image-assertions-START
        assertThat(web).eventually(within(ofMinutes(10))).hasTargetsInState("unhealthy", 1);
        assertThat(service).eventually(within(ofMinutes(30))).hasEvent("rolling back to deployment");
        assertThat(web).eventually(within(ofMinutes(30))).hasHealthyTargets(2).hasNoUnhealthyTargets();
        assertThat(service.describe().taskDefinition()).endsWith("web:1");
        assertThat(service).hasEvent("due to (reason Health checks failed with these codes: [500])");
        // bad-image-assertions-END
    }

    @Test
    void should_show_draining_targets_during_a_rolling_deployment(EcsClusterHandle prod) {
        // given
        EcsTargetGroupHandle web = prod.targetGroup("web-tg");
        assertThat(web).eventually(within(ofMinutes(5))).hasHealthyTargets(2);

        // when: a new revision of the same image
        TaskDefinition current = prod.api().describeTaskDefinition(r -> r.taskDefinition("web")).taskDefinition();
        String next = prod.api().registerTaskDefinition(r -> r.family("web").networkMode(current.networkMode())
                        .requiresCompatibilities(current.requiresCompatibilities()).cpu(current.cpu())
                        .memory(current.memory()).containerDefinitions(current.containerDefinitions()))
                .taskDefinition().taskDefinitionArn();
        prod.api().updateService(r -> r.cluster("prod").service("web").taskDefinition(next));

        // then: both replaced targets drain for the 30 s deregistration delay, then are gone
        assertThat(web).eventually(within(ofMinutes(5))).hasTargetsInState("draining", 2).hasHealthyTargets(2);
        assertThat(web).eventually(within(ofMinutes(10))).hasTargets(2).hasHealthyTargets(2);
    }

    @Test
    void should_fail_with_every_target_state_reason_and_description(EcsClusterHandle prod) {
        // given
        EcsTargetGroupHandle web = prod.targetGroup("web-tg");
        assertThat(web).eventually(within(ofMinutes(5))).hasHealthyTargets(2);
        TargetHealthDescription first = web.targets().get(0);
        String line = first.target().id() + ":8080 in " + first.target().availabilityZone() + " healthy";

        // then
        assertThatThrownBy(() -> assertThat(web).hasHealthyTargets(4))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(String.format("Expecting target group:%n  target group web-tg (us-east-1)%n"
                        + "to have healthy targets:%n  4%nbut was:%n  2%ntargets (2):%n  " + line))
                .hasMessageContaining("seed 11")
                .hasMessageContaining("TARGET_HEALTH");
        assertThatThrownBy(() -> assertThat(web).eventually(Duration.ofMinutes(2)).hasTargetsInState("draining", 1))
                .hasMessageContaining("[eventually] within PT2M of virtual time")
                .hasMessageContaining(String.format("to have draining targets:%n  1%nbut at the deadline was:%n  0"));
        assertThatThrownBy(() -> assertThat(prod.targetGroup("api-tg")).hasHealthyTargets(1))
                .hasMessageContaining(String.format("Expecting target group:%n  target group api-tg (us-east-1)%n"
                        + "to exist"));
    }

    @Test
    void should_report_unhealthy_targets_with_the_reason_when_health_checks_fail(EcsClusterHandle prod) {
        // given
        EcsTargetGroupHandle web = prod.targetGroup("web-tg");
        assertThat(web).eventually(within(ofMinutes(5))).hasHealthyTargets(2);

        // when: the health endpoint breaks (the fake's TARGET_HEALTH_FAILURE fault)
        FaultInjector.of(prod.ecs()).inject(FaultSpec.of(FaultType.TARGET_HEALTH_FAILURE).targetGroup("web-tg")
                .duration(Duration.ofMinutes(10)).build());

        // then
        assertThat(web).eventually(within(ofMinutes(2))).hasTargetsInState("unhealthy", 2);
        EcsSoftAssertions.softly(softly -> softly.assertThat(web).hasTargets(2));
        assertThatThrownBy(() -> assertThat(web).hasNoUnhealthyTargets())
                .hasMessageContaining("unhealthy (Target.ResponseCodeMismatch: Health checks failed with these codes:"
                        + " [503])");
    }
}
