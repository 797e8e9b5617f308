package dev.fakeecs.spi;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fakeecs.FakeEcs;
import dev.fakeecs.autoscaling.LoadModel;
import dev.fakeecs.autoscaling.ScalingMetric;
import dev.fakeecs.autoscaling.ServiceLoad;
import dev.fakeecs.autoscaling.TargetTrackingPolicy;
import dev.fakeecs.journal.JournalEventType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineSetupTest {

    private static final String REGION = "us-east-1";

    private final FakeEcs ecs = FakeEcs.builder().seed(7).build();
    private final EngineSetup setup = EngineSetup.of(ecs);

    @AfterEach
    void close() {
        ecs.close();
    }

    @Test
    void an_auto_scaling_group_boots_its_hosts_into_the_cluster_and_put_again_only_resizes_it() {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        AutoScalingGroupConfig kitchen = new AutoScalingGroupConfig("kitchen", "m5.large", 0, 4, 2, List.of(),
                false, "prod");

        String arn = setup.putAutoScalingGroup(REGION, kitchen);
        ecs.clock().advance(EngineSetup.AUTO_SCALING_GROUP_BOOT_DELAY);

        assertThat(arn).startsWith("arn:aws:autoscaling:us-east-1:").endsWith(":autoScalingGroupName/kitchen");
        List<ContainerInstance> hosts = setup.autoScalingGroupInstances(REGION, "kitchen");
        assertThat(hosts).hasSize(2).allSatisfy(h -> assertThat(h.status()).isEqualTo("ACTIVE"));
        assertThat(setup.containerInstances(REGION, "prod")).extracting(ContainerInstance::ec2InstanceId)
                .containsExactlyElementsOf(hosts.stream().map(ContainerInstance::ec2InstanceId).toList());

        assertThat(setup.putAutoScalingGroup(REGION, new AutoScalingGroupConfig("kitchen", "c5.large", 0, 4, 3,
                List.of(), true, "other"))).isEqualTo(arn);
        ecs.clock().advance(EngineSetup.AUTO_SCALING_GROUP_BOOT_DELAY);
        assertThat(setup.containerInstances(REGION, "prod")).hasSize(3).allSatisfy(h -> assertThat(h.attributes())
                .anySatisfy(a -> assertThat(a.name() + "=" + a.value()).isEqualTo("ecs.instance-type=m5.large")));
        assertThatThrownBy(() -> setup.autoScalingGroupInstances(REGION, "nope"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
    }

    @Test
    void reads_neither_advance_the_clock_in_auto_mode_nor_show_engine_objects() {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        ContainerInstance host = setup.launchHost(REGION, "prod", "m5.large", "us-east-1b", null);
        ecs.autoAdvance(Duration.ofSeconds(15));
        Instant before = ecs.clock().instant();

        assertThat(setup.cluster(REGION, "prod")).get().extracting(c -> c.status()).isEqualTo("ACTIVE");
        assertThat(setup.cluster(REGION, "missing")).isEmpty();
        assertThat(setup.containerInstances(REGION, "prod")).containsExactly(host);
        assertThat(setup.capacityProvider(REGION, "FARGATE")).get().extracting(c -> c.statusAsString())
                .isEqualTo("ACTIVE");
        assertThat(setup.capacityProvider(REGION, "kitchen")).isEmpty();
        assertThat(setup.serviceExists(REGION, "prod", "orders")).isFalse();
        assertThat(setup.taskDefinition(REGION, "orders")).isEmpty();
        assertThat(setup.task("0123456789abcdef")).isEmpty();

        assertThat(ecs.clock().instant()).isEqualTo(before);
        // every region name is served (created on first use, empty); a name that is no region name is refused
        assertThat(setup.cluster("eu-west-1", "prod")).isEmpty();
        assertThatThrownBy(() -> setup.cluster("not-a-region", "prod")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("us-east-1");
    }

    @Test
    void listeners_see_task_transitions_and_host_terminations_as_sdk_objects() {
        List<String> seen = new ArrayList<>();
        setup.addListener(new EngineListener() {
            @Override
            public void onTaskTransition(TaskSnapshot task, String from, String to) {
                seen.add(task.taskDefinition().family() + " " + from + "->" + to + " " + task.task().lastStatus());
            }

            @Override
            public void onHostTerminated(String region, ContainerInstance host) {
                seen.add("terminated " + host.ec2InstanceId() + " " + host.status() + " in " + region);
            }
        });
        ecs.api().createCluster(r -> r.clusterName("prod"));
        ContainerInstance host = setup.launchHost(REGION, "prod", "m5.large", null, null);
        ecs.api().registerTaskDefinition(r -> r.family("web").networkMode(NetworkMode.BRIDGE)
                .containerDefinitions(c -> c.name("app").image("acme/web:1").cpu(256).memory(256)));
        String taskArn = ecs.api().runTask(r -> r.cluster("prod").taskDefinition("web").launchType(LaunchType.EC2))
                .tasks().get(0).taskArn();
        ecs.clock().advance(Duration.ofMinutes(1));

        TaskSnapshot running = setup.task(taskArn).orElseThrow();
        assertThat(running.arn()).isEqualTo(taskArn);
        assertThat(taskArn).endsWith("/" + running.id());
        assertThat(running.isFargate()).isFalse();
        assertThat(running.isStopped()).isFalse();
        assertThat(running.task().containerInstanceArn()).isEqualTo(host.containerInstanceArn());
        assertThat(seen).anyMatch(s -> s.startsWith("web ") && s.endsWith("->RUNNING RUNNING"));

        // a plain deregistration is no termination; an Auto Scaling scale-in is
        ecs.api().deregisterContainerInstance(r -> r.cluster("prod").containerInstance(host.containerInstanceArn())
                .force(true));
        assertThat(seen).noneMatch(s -> s.startsWith("terminated"));
        setup.putAutoScalingGroup(REGION, new AutoScalingGroupConfig("kitchen", "m5.large", 0, 1, 1, List.of(),
                false, "prod"));
        ecs.clock().advance(EngineSetup.AUTO_SCALING_GROUP_BOOT_DELAY);
        String booted = setup.autoScalingGroupInstances(REGION, "kitchen").get(0).ec2InstanceId();
        setup.putAutoScalingGroup(REGION, new AutoScalingGroupConfig("kitchen", "m5.large", 0, 1, 0, List.of(),
                false, "prod"));
        assertThat(seen).filteredOn(s -> s.startsWith("terminated"))
                .containsExactly("terminated " + booted + " INACTIVE in us-east-1");
    }

    @Test
    void service_auto_scaling_takes_its_target_policies_and_load() {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        ecs.api().registerTaskDefinition(r -> r.family("api").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("api").image("acme/api:1")));
        ecs.api().createService(r -> r.cluster("prod").serviceName("api").taskDefinition("api").desiredCount(2)
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-a"))));
        ecs.clock().advance(Duration.ofMinutes(2));
        assertThat(setup.serviceLoad(REGION, "prod", "api")).isEmpty();

        List<TargetTrackingPolicy> policies = List.of(TargetTrackingPolicy.cpu(60), TargetTrackingPolicy.cpu(60));
        setup.registerScalableTarget(REGION, "prod", "api", 1, 10, policies);
        setup.registerScalableTarget(REGION, "prod", "api", 1, 10, policies);
        ServiceLoad load = new ServiceLoad(LoadModel.constant(30), 50);
        setup.setServiceLoad(REGION, "prod", "api", load);

        assertThat(setup.serviceExists(REGION, "prod", "api")).isTrue();
        assertThat(setup.serviceLoad(REGION, "prod", "api")).containsSame(load);
        // 30 rps over 2 tasks of 50 rps at full CPU
        assertThat(setup.scalingMetric(REGION, "prod", "api", ScalingMetric.ECS_SERVICE_AVERAGE_CPU_UTILIZATION))
                .isEqualTo(30.0);
        // one scalable target with one policy in Application Auto Scaling: an equal policy is the same policy
        var aas = ecs.newApplicationAutoScalingClient();
        assertThat(aas.describeScalableTargets(r -> r.serviceNamespace("ecs")).scalableTargets()).hasSize(1);
        assertThat(aas.describeScalingPolicies(r -> r.serviceNamespace("ecs")).scalingPolicies())
                .extracting(p -> p.policyName()).containsExactly("ECSServiceAverageCPUUtilization-60");
    }

    @Test
    void catalogues_and_json_are_the_engines() throws Exception {
        assertThat(EngineSetup.instanceTypes()).contains("m5.large", "g4dn.xlarge").doesNotContain("z9.huge");
        assertThat(EngineSetup.fargateSizes().get(256)).containsExactly(512, 1024, 2048);
        assertThat(EngineSetup.fargateSizes().keySet()).first().isEqualTo(256);
        assertThat(EngineSetup.taskCpuUnits("0.5 vCPU")).isEqualTo(512);
        assertThat(EngineSetup.taskMemoryMiB("2 GB")).isEqualTo(2048);
        assertThat(EngineSetup.taskCpuUnits("lots")).isNull();

        RegisterTaskDefinitionRequest request = RegisterTaskDefinitionRequest.builder().family("orders")
                .containerDefinitions(c -> c.name("app").image("acme/orders:1")).build();
        assertThat(EngineSetup.fromJson(EngineSetup.toJson(request), RegisterTaskDefinitionRequest.class))
                .isEqualTo(request);
        assertThatThrownBy(() -> EngineSetup.fromJson(new ObjectMapper().readTree("{\"desiredCount\":\"two\"}"),
                CreateServiceRequest.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("desiredCount");
    }
}
