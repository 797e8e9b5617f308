package dev.fakeecs.spi;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.fault.FaultInjector;
import dev.fakeecs.fault.FaultSpec;
import dev.fakeecs.fault.FaultType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerInstanceField;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.ServiceField;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskField;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineInspectorTest {

    private static final String REGION = "us-east-1";

    private final FakeEcs ecs = FakeEcs.builder().seed(5).build();
    private final EngineInspector engine = EngineInspector.of(ecs);
    private String hostArn;

    @BeforeEach
    void world() {
        ecs.api().createCluster(r -> r.clusterName("prod").capacityProviders("FARGATE")
                .tags(t -> t.key("team").value("orders")));
        String td = ecs.api().registerTaskDefinition(r -> r.family("orders")
                .requiresCompatibilities(Compatibility.FARGATE).networkMode(NetworkMode.AWSVPC).cpu("256")
                .memory("512").containerDefinitions(c -> c.name("app").image("acme/orders:1"))).taskDefinition()
                .taskDefinitionArn();
        ecs.api().createService(r -> r.cluster("prod").serviceName("orders").taskDefinition(td).desiredCount(2)
                .launchType(LaunchType.FARGATE).tags(t -> t.key("tier").value("web"))
                .networkConfiguration(n -> n.awsvpcConfiguration(AwsVpcConfiguration.builder()
                        .subnets("subnet-1").build())));
        hostArn = ecs.api().registerContainerInstance(r -> r.cluster("prod")
                        .instanceIdentityDocument("{\"instanceType\":\"m5.large\",\"availabilityZone\":\"us-east-1b\"}"))
                .containerInstance().containerInstanceArn();
        ecs.clock().advance(Duration.ofMinutes(3));
    }

    @Test
    void should_answer_what_the_describe_calls_with_tags_answer() {
        Task task = engine.serviceTasks(REGION, "prod", "orders").get(0);

        assertThat(engine.cluster(REGION, "prod")).isEqualTo(ecs.api().describeClusters(r -> r.clusters("prod")
                .include(ClusterField.TAGS)).clusters().get(0));
        assertThat(engine.service(REGION, "prod", "orders")).isEqualTo(ecs.api().describeServices(r -> r
                .cluster("prod").services("orders").include(ServiceField.TAGS)).services().get(0));
        assertThat(engine.task(REGION, task.taskArn())).isEqualTo(task).isEqualTo(ecs.api().describeTasks(r -> r
                .cluster("prod").tasks(task.taskArn()).include(TaskField.TAGS)).tasks().get(0));
        assertThat(engine.containerInstance(REGION, hostArn)).isEqualTo(ecs.api().describeContainerInstances(r -> r
                .cluster("prod").containerInstances(hostArn).include(ContainerInstanceField.TAGS))
                .containerInstances().get(0));
        assertThat(engine.service(REGION, "prod", "orders").deployments().get(0).rolloutStateAsString())
                .isEqualTo("COMPLETED");
        assertThat(engine.service(REGION, "prod", "orders").events()).isNotEmpty();
    }

    @Test
    void should_list_the_resources_of_a_cluster() {
        assertThat(engine.clusters(REGION)).extracting(c -> c.clusterName()).containsExactly("prod");
        assertThat(engine.services(REGION, "prod")).extracting(s -> s.serviceName()).containsExactly("orders");
        assertThat(engine.tasks(REGION, "prod")).hasSize(2).allMatch(t -> "RUNNING".equals(t.lastStatus()));
        assertThat(engine.containerInstances(REGION, "prod")).extracting(ci -> ci.containerInstanceArn())
                .containsExactly(hostArn);

        String stopped = engine.serviceTasks(REGION, "prod", "orders").get(0).taskArn();
        ecs.api().stopTask(r -> r.cluster("prod").task(stopped));
        ecs.clock().advance(Duration.ofMinutes(2));

        assertThat(engine.serviceTasks(REGION, "prod", "orders")).extracting(Task::taskArn).doesNotContain(stopped)
                .hasSize(2);
        assertThat(engine.serviceTaskHistory(REGION, "prod", "orders")).extracting(Task::taskArn).contains(stopped)
                .hasSize(3);
        assertThat(engine.task(REGION, stopped).lastStatus()).isEqualTo("STOPPED");
    }

    @Test
    void should_answer_null_or_empty_for_what_does_not_exist() {
        assertThat(engine.cluster(REGION, "dr")).isNull();
        assertThat(engine.service(REGION, "prod", "payments")).isNull();
        assertThat(engine.services(REGION, "dr")).isEmpty();
        assertThat(engine.serviceTasks(REGION, "prod", "payments")).isEmpty();
        assertThat(engine.task(REGION, "0123456789abcdef")).isNull();
        assertThat(engine.containerInstance(REGION, hostArn + "0")).isNull();
        assertThat(engine.clusterArn(REGION, "dr")).isEqualTo("arn:aws:ecs:us-east-1:123456789012:cluster/dr");
        assertThat(engine.serviceArn(REGION, "prod", "payments"))
                .isEqualTo("arn:aws:ecs:us-east-1:123456789012:service/prod/payments");
        // every region name is served (created on first use, empty); a name that is no region name is refused
        assertThat(engine.cluster("eu-west-1", "prod")).isNull();
        assertThatThrownBy(() -> engine.cluster("not-a-region", "prod")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("us-east-1");
    }

    @Test
    void should_read_without_an_api_call() {
        FaultInjector.of(ecs).inject(FaultSpec.of(FaultType.API_ERROR).build());
        ecs.autoAdvance(Duration.ofSeconds(5));
        Instant now = ecs.clock().instant();
        int journal = ecs.journal().size();

        assertThat(engine.service(REGION, "prod", "orders").runningCount()).isEqualTo(2);
        assertThat(engine.tasks(REGION, "prod")).hasSize(2);
        assertThat(engine.cluster(REGION, "prod").activeServicesCount()).isEqualTo(1);

        assertThat(ecs.clock().instant()).isEqualTo(now);
        assertThat(ecs.journal().size()).isEqualTo(journal);
        assertThatThrownBy(() -> ecs.api().listClusters()).isInstanceOf(EcsException.class);
    }

    @Test
    void should_hold_the_engine_still_across_several_reads() {
        List<Boolean> held = engine.read(() -> List.of(ecs.engine().lock().isHeldByCurrentThread(),
                engine.tasks(REGION, "prod").size() == engine.service(REGION, "prod", "orders").runningCount()));

        assertThat(held).containsExactly(true, true);
        assertThat(ecs.engine().lock().isHeldByCurrentThread()).isFalse();
    }
}
