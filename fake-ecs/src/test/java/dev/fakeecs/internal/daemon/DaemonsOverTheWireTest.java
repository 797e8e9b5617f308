package dev.fakeecs.internal.daemon;

import dev.fakeecs.FakeEcs;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.CapacityOptionType;
import software.amazon.awssdk.services.ecs.model.CapacityProvider;
import software.amazon.awssdk.services.ecs.model.CapacityProviderType;
import software.amazon.awssdk.services.ecs.model.DaemonDeploymentStatus;
import software.amazon.awssdk.services.ecs.model.DaemonNotFoundException;
import software.amazon.awssdk.services.ecs.model.DaemonStatus;
import software.amazon.awssdk.services.ecs.model.DaemonTaskDefinitionStatus;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every Managed Instances and Managed Daemons operation through a real SDK client (JSON 1.1, in process). */
class DaemonsOverTheWireTest {

    private final FakeEcs ecs = FakeEcs.create();
    private final EcsClient wire = ecs.newClient();

    @Test
    void should_answer_every_daemon_operation_over_the_json_protocol() {
        // given a Managed Instances provider created over the wire
        wire.createCluster(r -> r.clusterName("prod"));
        CapacityProvider cp = wire.createCapacityProvider(r -> r.name("mi").cluster("prod").managedInstancesProvider(p -> p
                .infrastructureRoleArn("arn:aws:iam::123456789012:role/infra")
                .instanceLaunchTemplate(t -> t.ec2InstanceProfileArn("arn:aws:iam::123456789012:instance-profile/ecs")
                        .networkConfiguration(n -> n.subnets("subnet-us-east-1a"))
                        .capacityOptionType(CapacityOptionType.SPOT)
                        .instanceRequirements(q -> q.vCpuCount(v -> v.min(2)).memoryMiB(m -> m.min(4096))))
                .infrastructureOptimization(o -> o.scaleInAfter(600)))).capacityProvider();
        assertThat(cp.type()).isEqualTo(CapacityProviderType.MANAGED_INSTANCES);
        assertThat(wire.describeCapacityProviders(r -> r.capacityProviders("mi")).capacityProviders().get(0)
                .managedInstancesProvider().infrastructureOptimization().scaleInAfter()).isEqualTo(600);
        ecs.clock().advance(Duration.ofSeconds(10));

        // when / then: the twelve operations
        String td = wire.registerDaemonTaskDefinition(r -> r.family("agent").cpu("256").memory("256")
                .containerDefinitions(c -> c.name("agent").image("agent:1"))).daemonTaskDefinitionArn();
        assertThat(wire.describeDaemonTaskDefinition(r -> r.daemonTaskDefinition(td)).daemonTaskDefinition().status())
                .isEqualTo(DaemonTaskDefinitionStatus.ACTIVE);
        assertThat(wire.listDaemonTaskDefinitions(r -> r.family("agent")).daemonTaskDefinitions()).hasSize(1);

        var created = wire.createDaemon(r -> r.daemonName("agent").clusterArn("prod").daemonTaskDefinitionArn(td)
                .capacityProviderArns(cp.capacityProviderArn())
                .deploymentConfiguration(c -> c.drainPercent(50.0).alarms(a -> a.alarmNames("cpu").enable(false))));
        ecs.clock().advance(Duration.ofSeconds(1));
        assertThat(wire.describeDaemon(r -> r.daemonArn(created.daemonArn())).daemon().status())
                .isEqualTo(DaemonStatus.ACTIVE);
        assertThat(wire.listDaemons(r -> r.capacityProviderArns(cp.capacityProviderArn())).daemonSummariesList())
                .hasSize(1);
        var deployment = wire.describeDaemonDeployments(r -> r.daemonDeploymentArns(created.deploymentArn()))
                .daemonDeployments().get(0);
        assertThat(deployment.status()).isEqualTo(DaemonDeploymentStatus.SUCCESSFUL);
        assertThat(deployment.deploymentConfiguration().drainPercent()).isEqualTo(50.0);
        assertThat(deployment.createdAt()).isEqualTo(ecs.clock().instant().minusSeconds(1));
        assertThat(wire.listDaemonDeployments(r -> r.daemonArn(created.daemonArn())
                .status(DaemonDeploymentStatus.SUCCESSFUL)).daemonDeployments()).hasSize(1);
        assertThat(wire.describeDaemonRevisions(r -> r.daemonRevisionArns(deployment.targetDaemonRevision().arn()))
                .daemonRevisions().get(0).daemonTaskDefinitionArn()).isEqualTo(td);

        String td2 = wire.registerDaemonTaskDefinition(r -> r.family("agent")
                .containerDefinitions(c -> c.name("agent").image("agent:2"))).daemonTaskDefinitionArn();
        var updated = wire.updateDaemon(r -> r.daemonArn(created.daemonArn()).daemonTaskDefinitionArn(td2)
                .capacityProviderArns("mi"));
        assertThat(updated.deploymentArn()).isNotEqualTo(created.deploymentArn());
        ecs.clock().advance(Duration.ofSeconds(1));
        assertThat(wire.deleteDaemon(r -> r.daemonArn(created.daemonArn())).status())
                .isEqualTo(DaemonStatus.DELETE_IN_PROGRESS);
        ecs.clock().advance(Duration.ofSeconds(1));
        assertThat(wire.deleteDaemonTaskDefinition(r -> r.daemonTaskDefinition(td)).daemonTaskDefinitionArn())
                .isEqualTo(td);

        // errors keep their types over the wire
        assertThatThrownBy(() -> wire.describeDaemon(r -> r.daemonArn(created.daemonArn())))
                .isInstanceOf(DaemonNotFoundException.class);
        assertThatThrownBy(() -> wire.createDaemon(r -> r.daemonName("x").clusterArn("prod")
                .daemonTaskDefinitionArn(td2).capacityProviderArns("FARGATE")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> wire.createDaemon(r -> r.daemonName("x").clusterArn("prod")
                .daemonTaskDefinitionArn(td2).capacityProviderArns("mi")
                .deploymentConfiguration(c -> c.drainPercent(120.0))))
                .isInstanceOf(InvalidParameterException.class);
    }
}
