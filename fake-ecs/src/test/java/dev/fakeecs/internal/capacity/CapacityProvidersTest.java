package dev.fakeecs.internal.capacity;

import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.internal.containerinstance.ErrorText;
import dev.fakeecs.FakeEcs;
import dev.fakeecs.journal.JournalEventType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.CapacityProvider;
import software.amazon.awssdk.services.ecs.model.CapacityProviderField;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStatus;
import software.amazon.awssdk.services.ecs.model.CapacityProviderUpdateStatus;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.DescribeCapacityProvidersResponse;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.ManagedDraining;
import software.amazon.awssdk.services.ecs.model.ManagedScalingStatus;
import software.amazon.awssdk.services.ecs.model.ManagedTerminationProtection;
import software.amazon.awssdk.services.ecs.model.Tag;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CapacityProvidersTest {

    private FakeEcs ecs;
    private EcsClient api;
    private CapacityProviders cps;
    private AutoScalingGroup asg;

    @BeforeEach
    void setUp() {
        ecs = FakeEcs.create();
        api = ecs.api();
        cps = RegionEngine.of(ecs.defaultRegion()).capacityProviders();
        asg = cps.autoScalingGroups().createGroup("web", "m5.large", 0, 10, 0, List.of(), false);
    }

    private CapacityProvider create(String name) {
        return api.createCapacityProvider(r -> r.name(name).autoScalingGroupProvider(p -> p
                .autoScalingGroupArn(asg.arn()).managedScaling(s -> s.status(ManagedScalingStatus.ENABLED))))
                .capacityProvider();
    }

    @Test
    void should_have_fargate_and_fargate_spot_in_every_region() {
        DescribeCapacityProvidersResponse all = api.describeCapacityProviders(r -> { });

        assertThat(all.capacityProviders()).extracting(CapacityProvider::name).containsExactly("FARGATE",
                "FARGATE_SPOT");
        assertThat(all.capacityProviders().get(0).capacityProviderArn())
                .isEqualTo("arn:aws:ecs:us-east-1:123456789012:capacity-provider/FARGATE");
        assertThat(all.capacityProviders().get(1).status()).isEqualTo(CapacityProviderStatus.ACTIVE);
    }

    @Test
    void should_create_an_auto_scaling_group_provider_with_ecs_defaults() {
        CapacityProvider cp = create("web-cp");

        assertThat(cp.capacityProviderArn()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:capacity-provider/web-cp");
        assertThat(cp.status()).isEqualTo(CapacityProviderStatus.ACTIVE);
        assertThat(cp.typeAsString()).isEqualTo("EC2_AUTOSCALING");
        assertThat(cp.autoScalingGroupProvider().autoScalingGroupArn()).isEqualTo(asg.arn());
        var ms = cp.autoScalingGroupProvider().managedScaling();
        assertThat(ms.status()).isEqualTo(ManagedScalingStatus.ENABLED);
        assertThat(ms.targetCapacity()).isEqualTo(100);
        assertThat(ms.minimumScalingStepSize()).isEqualTo(1);
        assertThat(ms.maximumScalingStepSize()).isEqualTo(10_000);
        assertThat(ms.instanceWarmupPeriod()).isEqualTo(300);
        assertThat(cp.autoScalingGroupProvider().managedTerminationProtection())
                .isEqualTo(ManagedTerminationProtection.DISABLED);
        assertThat(cp.autoScalingGroupProvider().managedDraining()).isEqualTo(ManagedDraining.ENABLED);
        assertThat(ecs.journal().ofType(JournalEventType.CAPACITY_PROVIDER)).hasSize(1);
    }

    @Test
    void should_refuse_reserved_and_malformed_names() {
        for (String name : List.of("aws-x", "ECSthing", "fargate2", "FARGATE", "bad name")) {
            assertThatThrownBy(() -> create(name)).as(name).isInstanceOf(ClientException.class)
                    .extracting(ErrorText::of).isEqualTo("The specified capacity provider name is invalid. Up to 255 characters are allowed, "
                            + "including letters (upper and lowercase), numbers, underscores, and hyphens. The name "
                            + "cannot be prefixed with \"aws\", \"ecs\", or \"fargate\". Specify a valid name and "
                            + "try again.");
        }
    }

    @Test
    void should_refuse_a_duplicate_and_a_reused_group() {
        create("web-cp");
        assertThatThrownBy(() -> create("web-cp")).isInstanceOf(ClientException.class)
                .extracting(ErrorText::of).asString().startsWith("The specified capacity provider already exists.");
        assertThatThrownBy(() -> create("web-cp-2")).isInstanceOf(ClientException.class)
                .extracting(ErrorText::of).isEqualTo("The specified Auto Scaling group ARN is already being used by another capacity "
                        + "provider. Specify a unique Auto Scaling group ARN and try again.");
    }

    @Test
    void should_check_managed_scaling_bounds() {
        assertThatThrownBy(() -> api.createCapacityProvider(r -> r.name("x").autoScalingGroupProvider(p -> p
                .autoScalingGroupArn(asg.arn()).managedScaling(s -> s.targetCapacity(101)))))
                .isInstanceOf(InvalidParameterException.class)
                .extracting(ErrorText::of).isEqualTo("managedScaling.targetCapacity must be between 1 and 100: 101.");
        assertThatThrownBy(() -> api.createCapacityProvider(r -> r.name("x").autoScalingGroupProvider(p -> p
                .autoScalingGroupArn(asg.arn())
                .managedTerminationProtection(ManagedTerminationProtection.ENABLED))))
                .isInstanceOf(ClientException.class)
                .extracting(ErrorText::of).asString().startsWith("The managed termination protection setting for the capacity provider is "
                        + "invalid.");
    }

    @Test
    void should_create_a_default_group_for_an_unknown_auto_scaling_group_arn() {
        String arn = "arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:"
                + "5098c24f-d26e-4e9c-9bd8-8d88de1ec613:autoScalingGroupName/legacy";

        api.createCapacityProvider(r -> r.name("legacy-cp").autoScalingGroupProvider(p -> p.autoScalingGroupArn(arn)));

        AutoScalingGroup legacy = cps.autoScalingGroups().find(arn);
        assertThat(legacy.instanceType()).isEqualTo("m5.large");
        assertThat(legacy.max()).isEqualTo(10);
        assertThatThrownBy(() -> api.createCapacityProvider(r -> r.name("bad").autoScalingGroupProvider(p -> p
                .autoScalingGroupArn("arn:aws:autoscaling:eu-west-1:123456789012:autoScalingGroup:x:"
                        + "autoScalingGroupName/other")))).isInstanceOf(ClientException.class);
    }

    @Test
    void should_describe_by_name_or_arn_with_tags_and_report_missing() {
        api.createCapacityProvider(r -> r.name("web-cp").tags(Tag.builder().key("team").value("web").build())
                .autoScalingGroupProvider(p -> p.autoScalingGroupArn(asg.arn())));

        DescribeCapacityProvidersResponse described = api.describeCapacityProviders(r -> r
                .capacityProviders("web-cp", "arn:aws:ecs:us-east-1:123456789012:capacity-provider/FARGATE", "nope")
                .include(CapacityProviderField.TAGS));

        assertThat(described.capacityProviders()).extracting(CapacityProvider::name).containsExactly("web-cp",
                "FARGATE");
        assertThat(described.capacityProviders().get(0).tags()).containsExactly(Tag.builder().key("team")
                .value("web").build());
        assertThat(described.failures()).singleElement().satisfies(f -> {
            assertThat(f.arn()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:capacity-provider/nope");
            assertThat(f.reason()).isEqualTo("MISSING");
        });
    }

    @Test
    void should_page_through_all_providers() {
        create("web-cp");
        DescribeCapacityProvidersResponse first = api.describeCapacityProviders(r -> r.maxResults(2));
        DescribeCapacityProvidersResponse second = api.describeCapacityProviders(r -> r.maxResults(2)
                .nextToken(first.nextToken()));

        assertThat(first.capacityProviders()).extracting(CapacityProvider::name).containsExactly("FARGATE",
                "FARGATE_SPOT");
        assertThat(second.capacityProviders()).extracting(CapacityProvider::name).containsExactly("web-cp");
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void should_update_managed_scaling_and_complete_ten_seconds_later() {
        create("web-cp");

        CapacityProvider updated = api.updateCapacityProvider(r -> r.name("web-cp").autoScalingGroupProvider(p -> p
                .managedScaling(s -> s.targetCapacity(80)).managedDraining(ManagedDraining.DISABLED)))
                .capacityProvider();

        assertThat(updated.updateStatus()).isEqualTo(CapacityProviderUpdateStatus.UPDATE_IN_PROGRESS);
        assertThat(updated.autoScalingGroupProvider().managedScaling().targetCapacity()).isEqualTo(80);
        assertThat(updated.autoScalingGroupProvider().managedScaling().instanceWarmupPeriod()).isEqualTo(300);
        assertThat(updated.autoScalingGroupProvider().managedDraining()).isEqualTo(ManagedDraining.DISABLED);
        ecs.clock().advance(Duration.ofSeconds(10));
        assertThat(api.describeCapacityProviders(r -> r.capacityProviders("web-cp")).capacityProviders().get(0)
                .updateStatus()).isEqualTo(CapacityProviderUpdateStatus.UPDATE_COMPLETE);
    }

    @Test
    void should_not_update_or_delete_fargate_providers() {
        assertThatThrownBy(() -> api.deleteCapacityProvider(r -> r.capacityProvider("FARGATE")))
                .isInstanceOf(ClientException.class)
                .extracting(ErrorText::of).isEqualTo("The specified capacity provider FARGATE is reserved by Amazon ECS and cannot be deleted.");
        assertThatThrownBy(() -> api.updateCapacityProvider(r -> r.name("FARGATE_SPOT")
                .autoScalingGroupProvider(p -> p.managedDraining(ManagedDraining.ENABLED))))
                .isInstanceOf(ClientException.class)
                .extracting(ErrorText::of).isEqualTo("The specified capacity provider FARGATE_SPOT is reserved by Amazon ECS and cannot be "
                        + "updated.");
    }

    @Test
    void should_fail_the_delete_of_a_provider_associated_with_a_cluster() {
        create("web-cp");
        api.createCluster(r -> r.clusterName("prod").capacityProviders("web-cp"));

        CapacityProvider cp = api.deleteCapacityProvider(r -> r.capacityProvider("web-cp")).capacityProvider();

        assertThat(cp.status()).isEqualTo(CapacityProviderStatus.ACTIVE);
        assertThat(cp.updateStatus()).isEqualTo(CapacityProviderUpdateStatus.DELETE_FAILED);
        assertThat(cp.updateStatusReason()).isEqualTo("The capacity provider cannot be deleted because it is "
                + "associated with cluster: prod. Remove the capacity provider from the cluster and try again.");
    }

    @Test
    void should_delete_an_unused_provider_in_thirty_seconds_and_free_its_name() {
        create("web-cp");

        CapacityProvider cp = api.deleteCapacityProvider(r -> r.capacityProvider(
                "arn:aws:ecs:us-east-1:123456789012:capacity-provider/web-cp")).capacityProvider();

        assertThat(cp.status()).isEqualTo(CapacityProviderStatus.INACTIVE);
        assertThat(cp.updateStatus()).isEqualTo(CapacityProviderUpdateStatus.DELETE_IN_PROGRESS);
        ecs.clock().advance(Duration.ofSeconds(30));
        assertThat(api.describeCapacityProviders(r -> r.capacityProviders("web-cp")).capacityProviders().get(0)
                .updateStatus()).isEqualTo(CapacityProviderUpdateStatus.DELETE_COMPLETE);
        assertThatThrownBy(() -> api.deleteCapacityProvider(r -> r.capacityProvider("web-cp")))
                .isInstanceOf(ClientException.class)
                .extracting(ErrorText::of).isEqualTo("The specified capacity provider does not exist. Specify a valid name or ARN and try "
                        + "again.");
        assertThat(create("web-cp").status()).isEqualTo(CapacityProviderStatus.ACTIVE);
    }
}
