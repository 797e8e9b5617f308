package dev.fakeecs.internal.containerinstance;

import dev.fakeecs.FakeEcs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ContainerInstanceStatus;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.UpdateContainerInstancesStateResponse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Fidelity audit of container instances against the ECS developer guide and API reference (rules the fake picks are in docs/fidelity.md),
 * 10, 11 and 12: counters, state changes, draining, listing and describing.
 */
class ContainerInstanceFidelityAuditTest {

    private final FakeEcs ecs = FakeEcs.builder().seed(21).build();
    private final EcsClient api = ecs.api();

    @BeforeEach
    void setUp() {
        api.createCluster(r -> r.clusterName("prod"));
        api.registerTaskDefinition(r -> r.family("web").networkMode(NetworkMode.BRIDGE)
                .containerDefinitions(ContainerDefinition.builder().name("app").image("acme/web:1").cpu(128)
                        .memory(256).build()));
    }

    private ContainerInstance host(String zone) {
        return ecs.defaultRegion().engine().containerInstances().launchHost("prod", "m5.large", zone, null);
    }

    private software.amazon.awssdk.services.ecs.model.ContainerInstance describe(ContainerInstance ci) {
        return api.describeContainerInstances(r -> r.cluster("prod").containerInstances(ci.arn()))
                .containerInstances().get(0);
    }

    @Test
    void should_count_tasks_whose_desired_status_is_running_as_running_tasks() {
        ContainerInstance ci = host("us-east-1a");

        api.runTask(r -> r.cluster("prod").taskDefinition("web").count(2));
        ecs.clock().advance(Duration.ofSeconds(5)); // PENDING: pulling the image

        var pending = describe(ci);
        assertThat(pending.runningTasksCount()).as("desiredStatus RUNNING, per the model").isEqualTo(2);
        assertThat(pending.pendingTasksCount()).isEqualTo(2);

        ecs.clock().advance(Duration.ofMinutes(2));
        var running = describe(ci);
        assertThat(running.runningTasksCount()).isEqualTo(2);
        assertThat(running.pendingTasksCount()).isZero();
    }

    @Test
    void should_accept_only_active_or_draining_as_a_target_status() {
        ContainerInstance ci = host("us-east-1a");

        assertThatThrownBy(() -> api.updateContainerInstancesState(r -> r.cluster("prod")
                .containerInstances(ci.id()).status("INACTIVE")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> api.updateContainerInstancesState(r -> r.cluster("prod")
                .containerInstances(ci.id()).status(ContainerInstanceStatus.DEREGISTERING)))
                .isInstanceOf(InvalidParameterException.class);
        assertThat(ci.status()).isEqualTo("ACTIVE");
    }

    @Test
    void should_drain_only_from_active_and_report_a_deregistered_host_as_a_failure() {
        ContainerInstance ci = host("us-east-1a");
        api.deregisterContainerInstance(r -> r.cluster("prod").containerInstance(ci.arn()));

        UpdateContainerInstancesStateResponse r = api.updateContainerInstancesState(b -> b.cluster("prod")
                .containerInstances(ci.arn()).status(ContainerInstanceStatus.DRAINING));

        assertThat(r.containerInstances()).isEmpty();
        assertThat(r.failures()).singleElement().satisfies(f -> assertThat(f.arn()).isEqualTo(ci.arn()));
        assertThat(ci.status()).isEqualTo("INACTIVE");
    }

    @Test
    void should_place_nothing_on_a_draining_host_and_leave_its_standalone_tasks_running() {
        ContainerInstance ci = host("us-east-1a");
        String arn = api.runTask(r -> r.cluster("prod").taskDefinition("web")).tasks().get(0).taskArn();
        ecs.clock().advance(Duration.ofMinutes(2));

        api.updateContainerInstancesState(r -> r.cluster("prod").containerInstances(ci.id())
                .status(ContainerInstanceStatus.DRAINING));
        RunTaskResponse refused = api.runTask(r -> r.cluster("prod").taskDefinition("web"));
        ecs.clock().advance(Duration.ofMinutes(10));

        assertThat(refused.tasks()).isEmpty();
        assertThat(refused.failures()).singleElement().satisfies(f -> assertThat(f.arn()).isEqualTo(ci.arn()));
        assertThat(api.describeTasks(r -> r.cluster("prod").tasks(arn)).tasks().get(0).lastStatus())
                .isEqualTo("RUNNING");
        assertThat(describe(ci).status()).isEqualTo("DRAINING");
    }

    @Test
    void should_filter_list_container_instances_with_the_query_language_and_page_through_it() {
        ContainerInstance a = host("us-east-1a");
        host("us-east-1b");
        ContainerInstance c = host("us-east-1a");
        ContainerInstance d = host("us-east-1a");

        var first = api.listContainerInstances(r -> r.cluster("prod")
                .filter("attribute:ecs.availability-zone == us-east-1a").maxResults(2));
        var second = api.listContainerInstances(r -> r.cluster("prod")
                .filter("attribute:ecs.availability-zone == us-east-1a").maxResults(2).nextToken(first.nextToken()));

        assertThat(first.containerInstanceArns()).containsExactly(a.arn(), c.arn());
        assertThat(second.containerInstanceArns()).containsExactly(d.arn());
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void should_refuse_more_than_one_hundred_instances_in_describe() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add(String.format("%032x", i));
        }

        assertThatThrownBy(() -> api.describeContainerInstances(r -> r.cluster("prod").containerInstances(many)))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void should_report_a_missing_instance_by_id_with_its_full_arn() {
        var r = api.describeContainerInstances(b -> b.cluster("prod").containerInstances("0123456789abcdef0123456789abcdef"));

        assertThat(r.failures()).singleElement().satisfies(f -> {
            assertThat(f.reason()).isEqualTo("MISSING");
            assertThat(f.arn()).isEqualTo("arn:aws:ecs:us-east-1:" + ecs.accountId()
                    + ":container-instance/prod/0123456789abcdef0123456789abcdef");
        });
    }

    @Test
    void should_use_the_long_container_instance_arn_format() {
        ContainerInstance ci = host("us-east-1a");

        assertThat(describe(ci).containerInstanceArn()).matches(Pattern.quote("arn:aws:ecs:us-east-1:"
                + ecs.accountId() + ":container-instance/prod/") + "[0-9a-f]{32}");
    }

    @Test
    void should_leave_the_default_reserved_ports_in_the_registered_resources() {
        ContainerInstance ci = host("us-east-1a");

        var ports = describe(ci).registeredResources().stream().filter(r -> r.name().equals("PORTS")).findFirst()
                .orElseThrow();

        assertThat(ports.type()).isEqualTo("STRINGSET");
        assertThat(ports.stringSetValue()).containsExactlyInAnyOrder("22", "2375", "2376", "51678", "51679");
    }
}
