package dev.fakeecs.internal.managedinstances;

import dev.fakeecs.FakeEcs;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.CapacityOptionType;
import software.amazon.awssdk.services.ecs.model.CapacityProvider;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStatus;
import software.amazon.awssdk.services.ecs.model.CapacityProviderType;
import software.amazon.awssdk.services.ecs.model.CapacityProviderUpdateStatus;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.CreateManagedInstancesProviderConfiguration;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.ManagedInstancesMonitoringOptions;
import software.amazon.awssdk.services.ecs.model.PropagateMITags;

import java.time.Duration;
import java.util.List;

import static dev.fakeecs.internal.managedinstances.ManagedInstancesFixtures.PROFILE;
import static dev.fakeecs.internal.managedinstances.ManagedInstancesFixtures.ROLE;
import static dev.fakeecs.internal.managedinstances.ManagedInstancesFixtures.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManagedInstancesProviderApiTest {

    private final FakeEcs ecs = ManagedInstancesFixtures.world();
    private final EcsClient api = ecs.api();

    private CapacityProvider describe(String name) {
        return api.describeCapacityProviders(r -> r.capacityProviders(name)).capacityProviders().get(0);
    }

    @Test
    void should_create_a_provider_provisioning_then_active_with_ecs_defaults_and_associate_it_with_its_cluster() {
        // when
        // mi-create-provider-START
        CapacityProvider created = api.createCapacityProvider(r -> r.name("mi").cluster("prod")
                .managedInstancesProvider(config(List.of("subnet-us-east-1a"), null, null)
                        .toBuilder().propagateTags(PropagateMITags.CAPACITY_PROVIDER).build())
                .tags(t -> t.key("team").value("web"))).capacityProvider();
        // mi-create-provider-END

        // then
        assertThat(created.type()).isEqualTo(CapacityProviderType.MANAGED_INSTANCES);
        assertThat(created.status()).isEqualTo(CapacityProviderStatus.PROVISIONING);
        assertThat(created.updateStatus()).isEqualTo(CapacityProviderUpdateStatus.CREATE_IN_PROGRESS);
        assertThat(created.cluster()).isEqualTo("prod");
        assertThat(created.autoScalingGroupProvider()).isNull();
        assertThat(created.managedInstancesProvider().infrastructureRoleArn()).isEqualTo(ROLE);
        assertThat(created.managedInstancesProvider().propagateTags()).isEqualTo(PropagateMITags.CAPACITY_PROVIDER);
        assertThat(created.managedInstancesProvider().instanceLaunchTemplate().monitoring())
                .isEqualTo(ManagedInstancesMonitoringOptions.BASIC);
        assertThat(created.managedInstancesProvider().instanceLaunchTemplate().capacityOptionType())
                .isEqualTo(CapacityOptionType.ON_DEMAND);
        assertThat(created.tags()).extracting(t -> t.key()).containsExactly("team");
        assertThat(api.describeClusters(r -> r.clusters("prod")).clusters().get(0).capacityProviders())
                .containsExactly("mi");

        ecs.clock().advance(Duration.ofSeconds(10));
        CapacityProvider active = describe("mi");
        assertThat(active.status()).isEqualTo(CapacityProviderStatus.ACTIVE);
        assertThat(active.updateStatus()).isEqualTo(CapacityProviderUpdateStatus.CREATE_COMPLETE);
    }

    @Test
    void should_refuse_a_managed_instances_provider_without_a_cluster_or_with_an_unknown_one() {
        assertThatThrownBy(() -> api.createCapacityProvider(r -> r.name("mi")
                .managedInstancesProvider(config(List.of("subnet-a"), null, null))))
                .isInstanceOf(InvalidParameterException.class).hasMessageStartingWith("cluster can not be null or empty.");
        assertThatThrownBy(() -> api.createCapacityProvider(r -> r.name("mi").cluster("nope")
                .managedInstancesProvider(config(List.of("subnet-a"), null, null))))
                .isInstanceOf(ClusterNotFoundException.class);
    }

    @Test
    void should_name_the_member_that_breaks_a_rule() {
        CreateManagedInstancesProviderConfiguration good = config(List.of("subnet-a"), null, null);
        expectInvalid(good.toBuilder().infrastructureRoleArn(null).build(),
                "managedInstancesProvider.infrastructureRoleArn can not be null or empty.");
        expectInvalid(good.toBuilder().infrastructureRoleArn("role").build(),
                "managedInstancesProvider.infrastructureRoleArn is not a valid IAM role ARN: role.");
        expectInvalid(good.toBuilder().instanceLaunchTemplate(good.instanceLaunchTemplate().toBuilder()
                        .ec2InstanceProfileArn(null).build()).build(),
                "managedInstancesProvider.instanceLaunchTemplate.ec2InstanceProfileArn can not be null or empty.");
        expectInvalid(good.toBuilder().instanceLaunchTemplate(good.instanceLaunchTemplate().toBuilder()
                        .networkConfiguration(n -> n.securityGroups("sg-1")).build()).build(),
                "managedInstancesProvider.instanceLaunchTemplate.networkConfiguration.subnets can not be null or empty.");
        expectInvalid(good.toBuilder().instanceLaunchTemplate(good.instanceLaunchTemplate().toBuilder()
                        .instanceRequirements(q -> q.memoryMiB(m -> m.min(1024))).build()).build(),
                "managedInstancesProvider.instanceLaunchTemplate.instanceRequirements.vCpuCount can not be null or empty.");
        expectInvalid(good.toBuilder().instanceLaunchTemplate(good.instanceLaunchTemplate().toBuilder()
                        .instanceRequirements(q -> q.vCpuCount(v -> v.min(8).max(4)).memoryMiB(m -> m.min(1024))).build())
                        .build(),
                "managedInstancesProvider.instanceLaunchTemplate.instanceRequirements.vCpuCount.max must be greater "
                        + "than or equal to managedInstancesProvider.instanceLaunchTemplate.instanceRequirements"
                        + ".vCpuCount.min.");
        expectInvalid(good.toBuilder().infrastructureOptimization(o -> o.scaleInAfter(3601)).build(),
                "managedInstancesProvider.infrastructureOptimization.scaleInAfter must be -1 or between 0 and 3600: 3601.");
        assertThatThrownBy(() -> api.createCapacityProvider(r -> r.name("mi").cluster("prod")
                .managedInstancesProvider(good)
                .autoScalingGroupProvider(a -> a.autoScalingGroupArn("arn"))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("autoScalingGroupProvider and managedInstancesProvider can not be specified together.");
    }

    private void expectInvalid(CreateManagedInstancesProviderConfiguration c, String message) {
        assertThatThrownBy(() -> api.createCapacityProvider(r -> r.name("mi").cluster("prod").managedInstancesProvider(c)))
                .isInstanceOf(InvalidParameterException.class).hasMessageStartingWith(message);
    }

    @Test
    void should_update_the_configuration_and_complete_the_update() {
        // given
        ManagedInstancesFixtures.provider(api, "mi", List.of("subnet-a"), null, null);
        ecs.clock().advance(Duration.ofSeconds(10));

        // when
        CapacityProvider updated = api.updateCapacityProvider(r -> r.name("mi").cluster("prod")
                .managedInstancesProvider(u -> u.infrastructureRoleArn(ROLE)
                        .instanceLaunchTemplate(t -> t.monitoring(ManagedInstancesMonitoringOptions.DETAILED))
                        .infrastructureOptimization(o -> o.scaleInAfter(-1)))).capacityProvider();

        // then
        assertThat(updated.updateStatus()).isEqualTo(CapacityProviderUpdateStatus.UPDATE_IN_PROGRESS);
        assertThat(updated.managedInstancesProvider().instanceLaunchTemplate().monitoring())
                .isEqualTo(ManagedInstancesMonitoringOptions.DETAILED);
        assertThat(updated.managedInstancesProvider().instanceLaunchTemplate().ec2InstanceProfileArn())
                .isEqualTo(PROFILE);
        assertThat(updated.managedInstancesProvider().infrastructureOptimization().scaleInAfter()).isEqualTo(-1);
        ecs.clock().advance(Duration.ofSeconds(10));
        assertThat(describe("mi").updateStatus()).isEqualTo(CapacityProviderUpdateStatus.UPDATE_COMPLETE);
        assertThatThrownBy(() -> api.updateCapacityProvider(r -> r.name("mi")
                .autoScalingGroupProvider(a -> a.managedTerminationProtection("DISABLED"))))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void should_refuse_to_delete_a_provider_in_use_and_deprovision_an_unused_one() {
        // given a task waiting for the provider
        ManagedInstancesFixtures.provider(api, "mi", List.of("subnet-a"), null, null);
        String td = ManagedInstancesFixtures.taskDefinition(api, 1024, 2048);
        String task = ManagedInstancesFixtures.runTasks(api, "mi", td, 1).get(0).taskArn();

        // when / then: in use
        CapacityProvider failed = api.deleteCapacityProvider(r -> r.capacityProvider("mi").cluster("prod"))
                .capacityProvider();
        assertThat(failed.updateStatus()).isEqualTo(CapacityProviderUpdateStatus.DELETE_FAILED);
        assertThat(failed.updateStatusReason()).contains("prod");

        // when the task is gone
        api.stopTask(r -> r.cluster("prod").task(task));
        ecs.clock().advance(Duration.ofMinutes(2));
        CapacityProvider deleting = api.deleteCapacityProvider(r -> r.capacityProvider("mi")).capacityProvider();

        // then
        assertThat(deleting.status()).isEqualTo(CapacityProviderStatus.DEPROVISIONING);
        assertThat(deleting.updateStatus()).isEqualTo(CapacityProviderUpdateStatus.DELETE_IN_PROGRESS);
        assertThat(api.describeClusters(r -> r.clusters("prod")).clusters().get(0).capacityProviders()).isEmpty();
        assertThat(api.listContainerInstances(r -> r.cluster("prod")).containerInstanceArns()).isEmpty();
        ecs.clock().advance(Duration.ofSeconds(30));
        assertThat(describe("mi").status()).isEqualTo(CapacityProviderStatus.INACTIVE);
        assertThat(describe("mi").updateStatus()).isEqualTo(CapacityProviderUpdateStatus.DELETE_COMPLETE);
    }

    @Test
    void should_validate_requires_compatibilities_managed_instances() {
        assertThatThrownBy(() -> api.registerTaskDefinition(r -> r.family("bad")
                .requiresCompatibilities(Compatibility.MANAGED_INSTANCES).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("web").image("nginx"))))
                .isInstanceOf(ClientException.class).hasMessageContaining("bridge network mode");
        String td = ManagedInstancesFixtures.taskDefinition(api, 256, 512);
        assertThat(api.describeTaskDefinition(r -> r.taskDefinition(td)).taskDefinition().compatibilities())
                .contains(Compatibility.EC2, Compatibility.MANAGED_INSTANCES);
    }
}
