package dev.fakeecs.internal.service;

import dev.fakeecs.FakeEcs;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.PropagateTags;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceRegistry;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskField;

import java.time.Duration;
import java.util.List;

import static dev.fakeecs.internal.service.ServiceFixtures.createFargateService;
import static dev.fakeecs.internal.service.ServiceFixtures.describe;
import static dev.fakeecs.internal.service.ServiceFixtures.fargateFamily;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceStoredSettingsTest {

    private static final ServiceRegistry REGISTRY = ServiceRegistry.builder()
            .registryArn("arn:aws:servicediscovery:us-east-1:123456789012:service/srv-abc").build();

    @Test
    void should_store_and_return_load_balancers_registries_role_and_tag_settings() {
        FakeEcs ecs = ServiceFixtures.world();
        LoadBalancer lb = LoadBalancerFixtures.lb(FakeTargetGroups.install(ecs).manual().add("web", "ip", 300), 8080);
        String td = LoadBalancerFixtures.awsvpcFamily(ecs, "app", "acme/app:1");

        Service created = ecs.api().createService(r -> r.cluster("prod").serviceName("web").taskDefinition(td)
                .desiredCount(1).launchType(LaunchType.FARGATE).networkConfiguration(ServiceFixtures.NETWORK)
                .loadBalancers(lb).serviceRegistries(REGISTRY)
                .enableECSManagedTags(true).propagateTags(PropagateTags.SERVICE)).service();

        for (Service s : List.of(created, describe(ecs, "web"))) {
            assertThat(s.loadBalancers()).containsExactly(lb);
            assertThat(s.serviceRegistries()).containsExactly(REGISTRY);
            assertThat(s.roleArn()).isEqualTo("arn:aws:iam::" + ecs.accountId()
                    + ":role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS");
            assertThat(s.enableECSManagedTags()).isTrue();
            assertThat(s.propagateTags()).isEqualTo(PropagateTags.SERVICE);
        }
        Service plain = ecs.api().createService(r -> r.cluster("prod").serviceName("plain").taskDefinition(td)
                .desiredCount(0).launchType(LaunchType.FARGATE).networkConfiguration(ServiceFixtures.NETWORK))
                .service();
        assertThat(plain.loadBalancers()).isEmpty();
        assertThat(plain.roleArn()).isNull();
        assertThat(plain.enableECSManagedTags()).isFalse();
        assertThat(plain.propagateTags()).isEqualTo(PropagateTags.NONE);
    }

    @Test
    void should_replace_load_balancers_and_registries_through_update_service_with_a_new_deployment() {
        FakeEcs ecs = ServiceFixtures.world();
        LoadBalancer lb = LoadBalancerFixtures.lb(FakeTargetGroups.install(ecs).manual().add("web", "ip", 300), 8080);
        String td = LoadBalancerFixtures.awsvpcFamily(ecs, "app", "acme/app:1");
        createFargateService(ecs, "web", td, 1, r -> { });
        ecs.clock().advance(Duration.ofMinutes(5));

        Service updated = ecs.api().updateService(r -> r.cluster("prod").service("web").loadBalancers(lb)
                .serviceRegistries(REGISTRY)).service();

        assertThat(updated.loadBalancers()).containsExactly(lb);
        assertThat(updated.serviceRegistries()).containsExactly(REGISTRY);
        assertThat(updated.roleArn()).endsWith(":role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS");
        assertThat(updated.deployments()).hasSize(2);
        assertThat(describe(ecs, "web").loadBalancers()).containsExactly(lb);
    }

    @Test
    void should_apply_new_tag_settings_from_update_service_to_tasks_started_afterwards() {
        FakeEcs ecs = ServiceFixtures.world();
        String td = fargateFamily(ecs, "app", "acme/app:1", false);
        createFargateService(ecs, "orders", td, 1, r -> r.tags(Tag.builder().key("team").value("orders").build()));
        ecs.clock().advance(Duration.ofSeconds(1));
        String first = ecs.api().listTasks(b -> b.cluster("prod").serviceName("orders")).taskArns().get(0);

        Service updated = ecs.api().updateService(r -> r.cluster("prod").service("orders").desiredCount(2)
                .enableECSManagedTags(true).propagateTags(PropagateTags.SERVICE)).service();
        ecs.clock().advance(Duration.ofSeconds(1));

        assertThat(updated.enableECSManagedTags()).isTrue();
        assertThat(updated.propagateTags()).isEqualTo(PropagateTags.SERVICE);
        assertThat(describe(ecs, "orders").enableECSManagedTags()).isTrue();
        List<String> arns = ecs.api().listTasks(b -> b.cluster("prod").serviceName("orders")).taskArns();
        String second = arns.stream().filter(a -> !a.equals(first)).findFirst().orElseThrow();
        assertThat(ecs.api().listTagsForResource(r -> r.resourceArn(first)).tags()).isEmpty();
        assertThat(ecs.api().listTagsForResource(r -> r.resourceArn(second)).tags()).containsExactly(
                tag("team", "orders"), tag("aws:ecs:clusterName", "prod"), tag("aws:ecs:serviceName", "orders"));
        assertThat(ecs.api().describeTasks(b -> b.cluster("prod").tasks(second).include(TaskField.TAGS)).tasks()
                .get(0).tags()).contains(tag("aws:ecs:serviceName", "orders"));
    }

    @Test
    void should_give_service_tasks_the_ecs_managed_tags() {
        FakeEcs ecs = ServiceFixtures.world();
        String td = fargateFamily(ecs, "app", "acme/app:1", false);
        createFargateService(ecs, "orders", td, 2, r -> r.enableECSManagedTags(true));
        ecs.clock().advance(Duration.ofSeconds(1));

        List<String> arns = ecs.api().listTasks(b -> b.cluster("prod").serviceName("orders")).taskArns();
        assertThat(ecs.api().describeTasks(b -> b.cluster("prod").tasks(arns).include(TaskField.TAGS)).tasks())
                .hasSize(2).allSatisfy(t -> assertThat(t.tags()).containsExactly(
                        tag("aws:ecs:clusterName", "prod"), tag("aws:ecs:serviceName", "orders")));
    }

    @Test
    void should_refuse_an_awsvpc_service_with_no_subnets_as_run_task_does() {
        FakeEcs ecs = ServiceFixtures.world();
        String td = fargateFamily(ecs, "app", "acme/app:1", false);

        assertThatThrownBy(() -> ecs.api().createService(r -> r.cluster("prod").serviceName("web").taskDefinition(td)
                .desiredCount(1).launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(List.of())))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("subnets can not be empty.");
        assertThatThrownBy(() -> ecs.api().runTask(r -> r.cluster("prod").taskDefinition(td)
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(List.of())))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("subnets can not be empty.");
        createFargateService(ecs, "ok", td, 1, r -> { });
        assertThatThrownBy(() -> ecs.api().updateService(r -> r.cluster("prod").service("ok")
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(List.of())))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("subnets can not be empty.");
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }
}
