package dev.fakeecs.wire;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Attribute;
import software.amazon.awssdk.services.ecs.model.ContainerInstanceStatus;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskSet;

import java.time.Duration;

import static dev.fakeecs.wire.PopulatedEcs.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resource ARNs in the long format as the SDK sees them, and every operation that takes a resource by
 * name taking its ARN (or id) just as well.
 */
class ArnFormatsTest {

    private static final String P = "arn:aws:ecs:us-east-1:123456789012:";
    private static final String HEX32 = "[0-9a-f]{32}";
    private final PopulatedEcs world = new PopulatedEcs();
    private final EcsClient client = world.client;

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void resources_have_long_format_arns() {
        Task task = client.describeTasks(b -> b.cluster("prod").tasks(world.taskArns.get(0))).tasks().get(0);
        Service web = client.describeServices(b -> b.cluster("prod").services("web")).services().get(0);

        assertThat(client.describeClusters(b -> b.clusters("prod")).clusters().get(0).clusterArn())
                .isEqualTo(P + "cluster/prod");
        assertThat(web.serviceArn()).isEqualTo(P + "service/prod/web");
        assertThat(web.clusterArn()).isEqualTo(P + "cluster/prod");
        assertThat(task.taskArn()).matches(java.util.regex.Pattern.quote(P + "task/prod/") + HEX32);
        assertThat(task.clusterArn()).isEqualTo(P + "cluster/prod");
        assertThat(task.taskDefinitionArn()).matches(java.util.regex.Pattern.quote(P + "task-definition/web:") + "[1-9][0-9]*");
        String taskId = task.taskArn().substring(task.taskArn().lastIndexOf('/') + 1);
        assertThat(task.containers()).isNotEmpty().allSatisfy(c -> {
            assertThat(c.containerArn()).matches(java.util.regex.Pattern.quote(P + "container/prod/" + taskId + "/")
                    + "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
            assertThat(c.taskArn()).isEqualTo(task.taskArn());
        });
        assertThat(client.listContainerInstances(b -> b.cluster("prod")).containerInstanceArns())
                .hasSize(3).allSatisfy(a -> assertThat(a).matches(java.util.regex.Pattern.quote(P + "container-instance/prod/") + HEX32));
        assertThat(client.describeTaskDefinition(b -> b.taskDefinition("web")).taskDefinition().taskDefinitionArn())
                .isEqualTo(P + "task-definition/web:3");
        assertThat(client.describeCapacityProviders(b -> b.capacityProviders("asg-cp-0", "FARGATE")).capacityProviders())
                .extracting(c -> c.capacityProviderArn())
                .containsExactlyInAnyOrder(P + "capacity-provider/asg-cp-0", P + "capacity-provider/FARGATE");
        assertThat(web.deployments()).allSatisfy(d -> assertThat(d.id()).matches("ecs-svc/[0-9]{19}"));
    }

    @Test
    void task_sets_have_long_format_arns() {
        client.createService(b -> b.cluster("prod").serviceName("blue-green").desiredCount(2)
                .deploymentController(d -> d.type("EXTERNAL")));

        TaskSet set = client.createTaskSet(b -> b.cluster("prod").service("blue-green").taskDefinition("web")
                .launchType(LaunchType.FARGATE).networkConfiguration(PopulatedEcs.NET)).taskSet();

        assertThat(set.id()).matches("ecs-svc/[0-9]{19}");
        assertThat(set.taskSetArn()).isEqualTo(P + "task-set/prod/blue-green/" + set.id());
        assertThat(set.serviceArn()).isEqualTo(P + "service/prod/blue-green");
        assertThat(set.clusterArn()).isEqualTo(P + "cluster/prod");
        assertThat(client.describeTaskSets(b -> b.cluster(P + "cluster/prod").service(P + "service/prod/blue-green")
                .taskSets(set.taskSetArn())).taskSets()).extracting(TaskSet::id).containsExactly(set.id());
    }

    @Test
    void cluster_operations_take_the_cluster_arn() {
        String arn = world.clusterArn("extra-1");

        assertThat(client.describeClusters(b -> b.clusters(arn)).clusters()).extracting(c -> c.clusterName())
                .containsExactly("extra-1");
        client.updateClusterSettings(b -> b.cluster(arn).settings(s -> s.name("containerInsights").value("enabled")));
        client.putClusterCapacityProviders(b -> b.cluster(arn).capacityProviders("FARGATE")
                .defaultCapacityProviderStrategy(s -> s.capacityProvider("FARGATE").weight(1)));
        client.updateCluster(b -> b.cluster(arn).configuration(c -> c.executeCommandConfiguration(e -> e.logging("NONE"))));
        assertThat(client.listServices(b -> b.cluster(arn)).serviceArns()).isEmpty();
        assertThat(client.listTasks(b -> b.cluster(arn)).taskArns()).isEmpty();
        assertThat(client.listContainerInstances(b -> b.cluster(arn)).containerInstanceArns()).isEmpty();
        assertThat(client.deleteCluster(b -> b.cluster(arn)).cluster().status()).isEqualTo("INACTIVE");
    }

    @Test
    void service_operations_take_the_cluster_and_service_arns() {
        String cluster = world.clusterArn("prod");
        String service = PREFIX + "service/prod/svc-3";

        assertThat(client.describeServices(b -> b.cluster(cluster).services(service)).services())
                .extracting(Service::serviceName).containsExactly("svc-3");
        assertThat(client.updateService(b -> b.cluster(cluster).service(service).desiredCount(0)).service()
                .serviceName()).isEqualTo("svc-3");
        assertThat(client.listServiceDeployments(b -> b.cluster(cluster).service(service)).serviceDeployments())
                .isNotEmpty();
        assertThat(client.listTasks(b -> b.cluster(cluster).serviceName("svc-3")).taskArns()).isEmpty();
        client.tagResource(b -> b.resourceArn(service).tags(Tag.builder().key("k").value("v").build()));
        assertThat(client.listTagsForResource(b -> b.resourceArn(service)).tags())
                .contains(Tag.builder().key("k").value("v").build());
        assertThat(client.deleteService(b -> b.cluster(cluster).service(service)).service().status())
                .isIn("DRAINING", "INACTIVE");
    }

    @Test
    void task_operations_take_the_task_arn_or_id() {
        String arn = world.taskArns.get(1);
        String id = arn.substring(arn.lastIndexOf('/') + 1);
        String cluster = world.clusterArn("prod");

        assertThat(client.describeTasks(b -> b.cluster(cluster).tasks(id)).tasks()).extracting(Task::taskArn)
                .containsExactly(arn);
        String serviceTask = client.listTasks(b -> b.cluster(cluster).serviceName("web")).taskArns().get(0);
        String serviceTaskId = serviceTask.substring(serviceTask.lastIndexOf('/') + 1);
        assertThat(client.updateTaskProtection(b -> b.cluster(cluster).tasks(serviceTaskId).protectionEnabled(true)
                .expiresInMinutes(60)).protectedTasks()).extracting(t -> t.taskArn()).containsExactly(serviceTask);
        assertThat(client.getTaskProtection(b -> b.cluster(cluster).tasks(serviceTask)).protectedTasks())
                .singleElement().satisfies(t -> assertThat(t.protectionEnabled()).isTrue());
        assertThat(client.updateTaskProtection(b -> b.cluster(cluster).tasks(id).protectionEnabled(true)).failures())
                .as("a standalone task cannot be protected").singleElement()
                .satisfies(f -> assertThat(f.reason()).isEqualTo("TASK_NOT_VALID"));
        assertThat(client.listTagsForResource(b -> b.resourceArn(arn)).tags())
                .contains(Tag.builder().key("job").value("batch").build());
        assertThat(client.stopTask(b -> b.cluster(cluster).task(arn).reason("audit")).task().desiredStatus())
                .isEqualTo("STOPPED");
        assertThat(client.stopTask(b -> b.cluster("prod").task(world.taskArns.get(2).substring(
                world.taskArns.get(2).lastIndexOf('/') + 1))).task().taskArn()).isEqualTo(world.taskArns.get(2));
    }

    @Test
    void container_instance_operations_take_the_instance_arn_or_id() {
        String arn = world.hosts.get(1).arn();
        String id = world.hosts.get(1).id();
        String cluster = world.clusterArn("prod");

        assertThat(client.describeContainerInstances(b -> b.cluster(cluster).containerInstances(id))
                .containerInstances()).extracting(c -> c.containerInstanceArn()).containsExactly(arn);
        client.putAttributes(b -> b.cluster(cluster).attributes(Attribute.builder().name("zone-tag").value("blue")
                .targetType("container-instance").targetId(arn).build()));
        assertThat(client.listAttributes(b -> b.cluster(cluster).targetType("container-instance")
                .attributeName("zone-tag")).attributes()).extracting(Attribute::targetId).containsExactly(arn);
        client.deleteAttributes(b -> b.cluster(cluster).attributes(Attribute.builder().name("zone-tag")
                .targetId(id).build()));
        assertThat(client.updateContainerInstancesState(b -> b.cluster(cluster).containerInstances(arn)
                .status(ContainerInstanceStatus.DRAINING)).containerInstances().get(0).status()).isEqualTo("DRAINING");
        client.tagResource(b -> b.resourceArn(arn).tags(Tag.builder().key("rack").value("r2").build()));
        assertThat(client.listTagsForResource(b -> b.resourceArn(arn)).tags()).hasSize(1);
        world.ecs.clock().advance(Duration.ofSeconds(1));
        assertThat(client.deregisterContainerInstance(b -> b.cluster(cluster).containerInstance(arn).force(true))
                .containerInstance().status()).isEqualTo("INACTIVE");
    }

    @Test
    void task_definition_operations_take_the_task_definition_arn() {
        String arn = P + "task-definition/fam-1:1";

        assertThat(client.describeTaskDefinition(b -> b.taskDefinition(arn)).taskDefinition().family()).isEqualTo("fam-1");
        assertThat(client.runTask(b -> b.cluster("prod").taskDefinition(P + "task-definition/web:2")
                .launchType(LaunchType.FARGATE).networkConfiguration(PopulatedEcs.NET)).tasks().get(0).taskDefinitionArn())
                .isEqualTo(P + "task-definition/web:2");
        assertThat(client.createService(b -> b.cluster("prod").serviceName("by-arn").taskDefinition(P + "task-definition/web:1")
                .desiredCount(0).launchType(LaunchType.FARGATE).networkConfiguration(PopulatedEcs.NET)).service()
                .taskDefinition()).isEqualTo(P + "task-definition/web:1");
        assertThat(client.listTagsForResource(b -> b.resourceArn(P + "task-definition/web:3")).tags())
                .containsExactly(Tag.builder().key("tier").value("front").build());
        assertThat(client.deregisterTaskDefinition(b -> b.taskDefinition(arn)).taskDefinition().statusAsString())
                .isEqualTo("INACTIVE");
        assertThat(client.deleteTaskDefinitions(b -> b.taskDefinitions(arn)).taskDefinitions())
                .extracting(t -> t.taskDefinitionArn()).containsExactly(arn);
    }

    @Test
    void capacity_provider_operations_take_the_provider_arn() {
        String arn = P + "capacity-provider/asg-cp-2";

        assertThat(client.describeCapacityProviders(b -> b.capacityProviders(arn)).capacityProviders())
                .extracting(c -> c.name()).containsExactly("asg-cp-2");
        assertThat(client.updateCapacityProvider(b -> b.name("asg-cp-2").autoScalingGroupProvider(p -> p
                .managedScaling(s -> s.targetCapacity(90)))).capacityProvider().name()).isEqualTo("asg-cp-2");
        assertThat(client.listTagsForResource(b -> b.resourceArn(arn)).tags()).hasSize(1);
        assertThat(client.deleteCapacityProvider(b -> b.capacityProvider(arn)).capacityProvider().name())
                .isEqualTo("asg-cp-2");
    }
}
