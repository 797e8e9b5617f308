package dev.fakeecs.internal.service;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.fault.FaultInjector;
import dev.fakeecs.fault.FaultSpec;
import dev.fakeecs.fault.FaultType;
import dev.fakeecs.image.ImageBehavior;
import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.internal.targets.ApplicationAnswer;
import dev.fakeecs.internal.targets.Target;
import dev.fakeecs.internal.targets.TargetApplications;
import dev.fakeecs.internal.task.SimulatedTask;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.LaunchType;

import java.time.Duration;

import static dev.fakeecs.internal.service.LoadBalancerFixtures.awsvpcFamily;
import static dev.fakeecs.internal.service.LoadBalancerFixtures.bridgeFamily;
import static dev.fakeecs.internal.service.LoadBalancerFixtures.tasksOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What answers at a load balancer target: the image's httpStatus, 503 before healthyAfter, nothing when down. */
class TargetApplicationsTest {

    private final FakeEcs ecs = ServiceFixtures.world();
    private final RegionEngine region = RegionEngine.of(ecs.defaultRegion());
    private final TargetApplications applications = region.neighbourhood().applications();

    @Test
    void should_answer_with_the_image_status_at_a_task_ip_and_container_port_and_503_before_healthy_after() {
        // given
        ecs.declareImage("acme/web:1", ImageBehavior.DEFAULT.healthyAfter(Duration.ofSeconds(60)));
        ecs.declareImage("acme/web:2", ImageBehavior.DEFAULT.withHttpStatus(500));
        String v1 = awsvpcFamily(ecs, "web", "acme/web:1");
        String v2 = awsvpcFamily(ecs, "broken", "acme/web:2");
        ServiceFixtures.createFargateService(ecs, "web", v1, 1, r -> { });
        ServiceFixtures.createFargateService(ecs, "broken", v2, 1, r -> { });
        ecs.clock().advance(Duration.ZERO);
        SimulatedTask web = tasksOf(ecs, "web").get(0);
        SimulatedTask broken = tasksOf(ecs, "broken").get(0);
        Target target = new Target(web.privateIp(), 8080);

        // when / then
        assertThat(applications.answer(target)).as("not yet ACTIVATING").isEqualTo(ApplicationAnswer.NO_ANSWER);
        ecs.clock().advanceUntil(() -> web.isRunning(), Duration.ofMinutes(5));
        ecs.clock().advance(Duration.ofSeconds(59));
        assertThat(applications.answer(target)).isEqualTo(new ApplicationAnswer(503, web.availabilityZone()));
        ecs.clock().advance(Duration.ofSeconds(1));
        assertThat(applications.answer(target)).isEqualTo(new ApplicationAnswer(200, web.availabilityZone()));
        assertThat(applications.answer(new Target(web.privateIp(), 9090)))
                .isEqualTo(new ApplicationAnswer(0, web.availabilityZone()));
        assertThat(applications.answer(new Target(broken.privateIp(), 8080)).status()).isEqualTo(500);
        assertThat(applications.answer(new Target("192.168.77.77", 8080))).isEqualTo(ApplicationAnswer.NO_ANSWER);

        ecs.api().stopTask(r -> r.cluster("prod").task(web.arn()));
        ecs.clock().advance(Duration.ZERO);
        assertThat(applications.answer(target).answered()).as("DEACTIVATING: the application is going away")
                .isFalse();
    }

    @Test
    void should_answer_at_an_instance_and_host_port_and_stop_answering_when_the_zone_is_out() {
        // given
        ecs.api().createCluster(r -> r.clusterName("prod"));
        SimulatedContainerInstance host = region.containerInstances().launchHost("prod", "m5.large", "us-east-1b",
                null);
        String td = bridgeFamily(ecs, "classic", "acme/classic:1");
        ecs.api().createService(r -> r.cluster("prod").serviceName("classic").taskDefinition(td).desiredCount(1)
                .launchType(LaunchType.EC2));
        ecs.clock().advance(Duration.ofMinutes(2));
        SimulatedTask task = tasksOf(ecs, "classic").get(0);
        Target target = new Target(host.ec2InstanceId(), task.hostPortBindings().get("app").get(0));

        // when / then
        assertThat(applications.answer(target)).isEqualTo(new ApplicationAnswer(200, "us-east-1b"));
        assertThat(applications.answer(new Target(host.ec2InstanceId(), 1))).isEqualTo(new ApplicationAnswer(0,
                "us-east-1b"));
        assertThat(applications.instanceZone(host.ec2InstanceId())).isEqualTo("us-east-1b");
        assertThat(applications.instanceZone("i-00000000000000000")).isNull();

        FaultInjector.of(ecs).inject(FaultSpec.of(FaultType.AZ_OUTAGE).availabilityZone("us-east-1b").build());
        ecs.clock().advance(Duration.ZERO);

        assertThat(applications.answer(target).answered()).isFalse();
        assertThat(applications.instanceZone(host.ec2InstanceId())).isNull();
    }

    @Test
    void should_refuse_an_http_status_outside_100_to_599() {
        assertThat(ImageBehavior.DEFAULT.httpStatus()).isEqualTo(200);
        assertThat(ImageBehavior.DEFAULT.withHttpStatus(418).exitAfter(Duration.ofSeconds(5), 1).httpStatus())
                .isEqualTo(418);
        assertThatThrownBy(() -> ImageBehavior.DEFAULT.withHttpStatus(600))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("httpStatus must be between 100 and 599: 600");
    }
}
