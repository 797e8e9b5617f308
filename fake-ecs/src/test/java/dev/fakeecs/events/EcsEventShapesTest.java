package dev.fakeecs.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fakeecs.FakeEcs;
import dev.fakeecs.events.EventShapes.Shape;
import dev.fakeecs.image.ImageBehavior;
import dev.fakeecs.internal.region.RegionEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHook;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHookStage;
import software.amazon.awssdk.services.ecs.model.DeploymentStrategy;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.ScaleUnit;
import software.amazon.awssdk.services.ecs.model.SchedulingStrategy;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskSet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static dev.fakeecs.events.EventShapes.exampleShape;
import static dev.fakeecs.events.EventShapes.json;
import static dev.fakeecs.events.EventShapes.of;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each ECS event's exact shape against the examples in AWS's documentation (test resources
 * {@code events/aws-examples}, sources in their README): every field of the example is in the fake's event with the
 * same JSON type, recursively, and the fake adds no field AWS does not have (service actions and deployment changes:
 * none beyond the example and the optional fields of AWS's event schema; tasks and container instances: none beyond
 * the members of the API's Task, Container and ContainerInstance). The envelope has exactly AWS's fields in AWS's
 * order, {@code time} has no milliseconds and detail timestamps have them.
 */
class EcsEventShapesTest {

    /** The optional fields of a service action's detail in AWS's event schema (aws.ecs@ECSServiceAction). */
    private static final Set<String> SERVICE_ACTION_FIELDS = Set.of("eventType", "eventName", "clusterArn",
            "createdAt", "reason", "capacityProviderArns", "containerInstanceArns", "desiredCount", "taskArns",
            "taskSetArns", "ec2InstanceIds", "targetGroupArns", "serviceRegistryArns", "containerPort", "targets");

    private final FakeEcs ecs = FakeEcs.builder().seed(21).build();
    private final EcsClient api = ecs.api();

    @AfterEach
    void close() {
        ecs.close();
    }

    private void fargateFamily(String family, String image) {
        api.registerTaskDefinition(r -> r.family(family).requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(ContainerDefinition.builder().name("app").image(image).build()));
    }

    private void fargateService(String name, String taskDefinition, int desired) {
        api.createService(r -> r.cluster("prod").serviceName(name).taskDefinition(taskDefinition).desiredCount(desired)
                .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1")))
                .deploymentConfiguration(d -> d.deploymentCircuitBreaker(b -> b.enable(true).rollback(true))));
    }

    private void hosts(int count) {
        RegionEngine.of(ecs.defaultRegion()).capacityProviders().autoScalingGroups()
                .createGroup("hosts", "m5.large", 0, 10, count, List.of(), false).clusterName("prod");
    }

    private List<EcsEvent> serviceActions(String eventName) {
        return ecs.events().ofType(EcsEvent.SERVICE_ACTION).stream()
                .filter(e -> eventName.equals(e.detailText("eventName"))).toList();
    }

    private static EcsEvent first(List<EcsEvent> events, Predicate<EcsEvent> which) {
        return events.stream().filter(which).findFirst().orElseThrow(() -> new AssertionError("no such event in "
                + events.stream().map(EcsEvent::toJson).collect(Collectors.joining("\n"))));
    }

    private static Set<String> members(List<SdkField<?>> fields) {
        return fields.stream().map(SdkField::locationName).collect(Collectors.toSet());
    }

    /** The example's fields are all in the event, with the same types, and the event adds none. */
    private static void assertSameShape(String example, EcsEvent event) {
        Shape aws = exampleShape(example);
        Shape ours = of(json(event));
        assertThat(aws.missingFrom(ours)).as("fields of %s missing or of another type in %s", example, event)
                .isEmpty();
        assertThat(aws.extraIn(ours, Set.of())).as("fields %s lacks in %s", example, event).isEmpty();
    }

    private static void assertEnvelope(EcsEvent event) {
        JsonNode json = json(event);
        assertThat(json.fieldNames()).toIterable().containsExactly("version", "id", "detail-type", "source", "account",
                "time", "region", "resources", "detail");
        assertThat(json.get("version").asText()).isEqualTo("0");
        assertThat(json.get("source").asText()).isEqualTo("aws.ecs");
        assertThat(json.get("account").asText()).isEqualTo("123456789012");
        assertThat(json.get("region").asText()).isEqualTo("us-east-1");
        assertThat(json.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(json.get("id").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(json.get("detail-type").asText()).isEqualTo(event.detailType());
        assertThat(json.get("resources")).hasSize(1);
    }

    // ---- ECS Task State Change ----------------------------------------------------------------

    @Test
    void should_render_a_running_task_state_change_like_aws_example() {
        // given
        api.createCluster(r -> r.clusterName("prod"));
        fargateFamily("web", "acme/web:1");
        fargateService("web", "web", 1);

        // when
        ecs.clock().advance(Duration.ofMinutes(3));

        // then
        List<EcsEvent> changes = ecs.events().ofType(EcsEvent.TASK_STATE_CHANGE);
        EcsEvent running = first(changes, e -> "RUNNING".equals(e.detailText("lastStatus")));
        assertEnvelope(running);
        Shape ours = of(json(running));
        assertThat(exampleShape("task-state-change.json").missingFrom(ours)).isEmpty();
        JsonNode detail = json(running).get("detail");
        assertThat(detail.fieldNames()).toIterable().isSubsetOf(union(members(Task.builder().sdkFields()),
                Set.of("updatedAt", "version")));
        assertThat(detail.get("containers").get(0).fieldNames()).toIterable()
                .isSubsetOf(members(Container.builder().sdkFields()));
        assertThat(json(running).get("resources").get(0).asText()).isEqualTo(detail.get("taskArn").asText());
        assertThat(detail.get("attachments").get(0).get("type").asText()).isEqualTo("eni");
        assertThat(detail.get("createdAt").asText()).matches(".*T\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(detail.get("group").asText()).isEqualTo("service:web");
        assertThat(detail.has("stopCode")).isFalse();
        assertThat(detail.has("tags")).isFalse();
        // the first event is the task's creation (PROVISIONING), versions count up from 1
        assertThat(changes.get(0).detailText("lastStatus")).isEqualTo("PROVISIONING");
        assertThat(changes).extracting(e -> e.detail().get("version")).startsWith(1, 2, 3);
    }

    @Test
    void should_render_a_stopped_task_with_its_stop_code_reason_and_container_exit_code() {
        // given: a task whose only (essential) container exits with code 3 after a minute
        api.createCluster(r -> r.clusterName("prod"));
        fargateFamily("job", "acme/job:1");
        ecs.declareImage("acme/job:1", ImageBehavior.DEFAULT.exitAfter(Duration.ofMinutes(1), 3));
        String taskArn = api.runTask(r -> r.cluster("prod").taskDefinition("job").launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1")))).tasks().get(0).taskArn();

        // when
        ecs.clock().advance(Duration.ofMinutes(5));

        // then: every transition down to STOPPED, each one event, versions counting up
        List<EcsEvent> changes = ecs.events().about(taskArn).stream()
                .filter(e -> e.detailType().equals(EcsEvent.TASK_STATE_CHANGE)).toList();
        assertThat(changes).extracting(e -> e.detailText("lastStatus")).startsWith("PROVISIONING")
                .contains("PENDING", "RUNNING", "DEPROVISIONING").endsWith("STOPPED");
        assertThat(changes).extracting(e -> ((Number) e.detail().get("version")).intValue()).isSorted()
                .doesNotHaveDuplicates();
        EcsEvent stopped = changes.get(changes.size() - 1);
        assertThat(exampleShape("task-state-change.json").missingFrom(of(json(stopped))))
                .as("a stopped task keeps the running task's fields").allMatch(d -> d.contains("networkInterfaces")
                        || d.contains("attachments") || d.contains("connectivity"));
        assertThat(stopped.detail()).containsEntry("desiredStatus", "STOPPED")
                .containsEntry("stopCode", "EssentialContainerExited")
                .containsKeys("stoppedReason", "stoppingAt", "executionStoppedAt", "stoppedAt");
        JsonNode container = json(stopped).get("detail").get("containers").get(0);
        assertThat(container.get("lastStatus").asText()).isEqualTo("STOPPED");
        assertThat(container.get("exitCode").isIntegralNumber()).isTrue();
        assertThat(container.get("exitCode").asInt()).isEqualTo(3);
        assertThat(json(stopped).get("detail").get("stoppedAt").asText()).matches(".*\\.\\d{3}Z");
    }

    // ---- ECS Container Instance State Change ---------------------------------------------------

    @Test
    void should_render_a_container_instance_state_change_like_aws_example_and_one_per_attribute_change() {
        // given
        api.createCluster(r -> r.clusterName("prod"));

        // when
        hosts(1);
        ecs.clock().advance(Duration.ofMinutes(2));

        // then
        EcsEvent registered = ecs.events().ofType(EcsEvent.CONTAINER_INSTANCE_STATE_CHANGE).get(0);
        assertEnvelope(registered);
        assertThat(exampleShape("container-instance-state-change.json").missingFrom(of(json(registered)))).isEmpty();
        assertThat(json(registered).get("detail").fieldNames()).toIterable().isSubsetOf(union(
                members(ContainerInstance.builder().sdkFields()), Set.of("clusterArn", "updatedAt")));
        assertThat(registered.detail()).containsEntry("status", "ACTIVE").containsEntry("agentConnected", true);
        assertThat(registered.resources()).containsExactly(registered.detailText("containerInstanceArn"));

        // when: one PutAttributes call with two attributes
        long mark = ecs.events().mark();
        String host = registered.detailText("containerInstanceArn");
        api.putAttributes(r -> r.cluster("prod").attributes(
                a -> a.name("stack").value("blue").targetId(host),
                a -> a.name("tier").value("web").targetId(host)));

        // then: one event, a new version, the attributes in it
        List<EcsEvent> changed = ecs.events().since(mark, EcsEvent.CONTAINER_INSTANCE_STATE_CHANGE);
        assertThat(changed).hasSize(1);
        assertThat(((Number) changed.get(0).detail().get("version")).longValue())
                .isGreaterThan(((Number) ecs.events().about(host).get(ecs.events().about(host).size() - 2).detail()
                        .get("version")).longValue());
        assertThat(changed.get(0).toJson()).contains("{\"name\":\"stack\",\"value\":\"blue\"}");
    }

    // ---- ECS Service Action and ECS Deployment State Change -------------------------------------

    @Test
    void should_render_steady_state_and_the_deployment_moments_like_aws_examples() {
        // given
        api.createCluster(r -> r.clusterName("prod"));
        fargateFamily("web", "acme/web:1");

        // when
        fargateService("web", "web", 1);
        ecs.clock().advance(Duration.ofMinutes(5));

        // then
        String serviceArn = "arn:aws:ecs:us-east-1:123456789012:service/prod/web";
        EcsEvent steady = serviceActions("SERVICE_STEADY_STATE").get(0);
        assertEnvelope(steady);
        assertSameShape("service-action-steady-state.json", steady);
        assertThat(steady.detail()).containsEntry("eventType", "INFO")
                .containsEntry("clusterArn", "arn:aws:ecs:us-east-1:123456789012:cluster/prod");
        assertThat(steady.resources()).containsExactly(serviceArn);
        assertThat(serviceActions("CAPACITY_PROVIDER_STEADY_STATE")).as("a launch type service has no provider")
                .isEmpty();

        List<EcsEvent> deployments = ecs.events().ofType(EcsEvent.DEPLOYMENT_STATE_CHANGE);
        assertThat(deployments).extracting(e -> e.detailText("eventName"))
                .containsExactly("SERVICE_DEPLOYMENT_IN_PROGRESS", "SERVICE_DEPLOYMENT_COMPLETED");
        EcsEvent inProgress = deployments.get(0);
        String id = inProgress.detailText("deploymentId");
        assertThat(id).startsWith("ecs-svc/");
        assertEnvelope(inProgress);
        assertSameShape("deployment-state-change-in-progress.json", inProgress);
        assertSameShape("deployment-state-change-completed.json", deployments.get(1));
        assertThat(inProgress.detail()).containsEntry("eventType", "INFO")
                .containsEntry("reason", "ECS deployment " + id + " in progress.");
        assertThat(deployments.get(1).detail()).containsEntry("reason", "ECS deployment " + id + " completed.");
        assertThat(ecs.events().ofType(EcsEvent.SERVICE_ACTION)).extracting(e -> e.detailText("eventName"))
                .contains("SERVICE_DEPLOYMENT_IN_PROGRESS", "SERVICE_DEPLOYMENT_COMPLETED", "SERVICE_STEADY_STATE");
    }

    @Test
    void should_report_a_capacity_provider_steady_state_with_the_providers_like_aws_example() {
        // given
        api.createCluster(r -> r.clusterName("prod").capacityProviders("FARGATE", "FARGATE_SPOT"));
        fargateFamily("couriers", "acme/couriers:1");

        // when
        api.createService(r -> r.cluster("prod").serviceName("couriers").taskDefinition("couriers").desiredCount(2)
                .capacityProviderStrategy(CapacityProviderStrategyItem.builder().capacityProvider("FARGATE_SPOT")
                        .weight(1).build())
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1"))));
        ecs.clock().advance(Duration.ofMinutes(5));

        // then: right after the service's steady state
        List<EcsEvent> actions = ecs.events().ofType(EcsEvent.SERVICE_ACTION);
        EcsEvent providers = serviceActions("CAPACITY_PROVIDER_STEADY_STATE").get(0);
        assertSameShape("service-action-capacity-provider-steady-state.json", providers);
        assertThat(providers.detail()).containsEntry("eventType", "INFO").containsEntry("capacityProviderArns",
                List.of("arn:aws:ecs:us-east-1:123456789012:capacity-provider/FARGATE_SPOT"));
        assertThat(actions.get(actions.indexOf(providers) - 1).detailText("eventName"))
                .isEqualTo("SERVICE_STEADY_STATE");
    }

    @Test
    void should_report_a_circuit_breaker_failure_and_the_rollback_like_aws_examples() {
        // given
        api.createCluster(r -> r.clusterName("prod"));
        fargateFamily("web", "acme/web:1");
        fargateFamily("web", "acme/web:broken");
        ecs.declareImage("acme/web:broken", ImageBehavior.DEFAULT.failingToPull());
        fargateService("web", "web:1", 2);
        ecs.clock().advance(Duration.ofMinutes(5));
        long mark = ecs.events().mark();

        // when
        api.updateService(r -> r.cluster("prod").service("web").taskDefinition("web:2"));
        ecs.clock().advance(Duration.ofMinutes(30));

        // then
        List<EcsEvent> deployments = ecs.events().since(mark, EcsEvent.DEPLOYMENT_STATE_CHANGE);
        assertThat(deployments).extracting(e -> e.detailText("eventName")).containsSubsequence(
                "SERVICE_DEPLOYMENT_IN_PROGRESS", "SERVICE_DEPLOYMENT_FAILED", "SERVICE_DEPLOYMENT_IN_PROGRESS",
                "SERVICE_DEPLOYMENT_COMPLETED");
        EcsEvent failed = first(deployments, e -> "SERVICE_DEPLOYMENT_FAILED".equals(e.detailText("eventName")));
        assertSameShape("deployment-state-change-failed.json", failed);
        assertThat(failed.detail()).containsEntry("eventType", "ERROR")
                .containsEntry("reason", "ECS deployment circuit breaker: task failed to start.");
        EcsEvent rollback = deployments.get(deployments.indexOf(failed) + 1);
        assertSameShape("deployment-state-change-rollback-in-progress.json", rollback);
        assertThat(rollback.detailText("reason"))
                .isEqualTo("ECS deployment circuit breaker: rolling back to deploymentId "
                        + rollback.detailText("deploymentId") + ".");
        EcsEvent impaired = first(ecs.events().since(mark, EcsEvent.SERVICE_ACTION),
                e -> "SERVICE_TASK_START_IMPAIRED".equals(e.detailText("eventName")));
        assertSameShape("service-action-task-start-impaired.json", impaired);
        assertThat(impaired.detail()).containsEntry("eventType", "WARN");
    }

    @Test
    void should_report_a_placement_failure_with_the_resource_and_the_closest_container_instance() {
        // given: one m5.large host (2048 CPU units) and a task that needs more
        api.createCluster(r -> r.clusterName("prod"));
        hosts(1);
        ecs.clock().advance(Duration.ofMinutes(2));
        api.registerTaskDefinition(r -> r.family("big").networkMode(NetworkMode.BRIDGE)
                .containerDefinitions(ContainerDefinition.builder().name("app").image("acme/big:1").cpu(4096)
                        .memory(512).build()));

        // when
        api.createService(r -> r.cluster("prod").serviceName("big").taskDefinition("big").desiredCount(1)
                .launchType(LaunchType.EC2));
        ecs.clock().advance(Duration.ofMinutes(1));

        // then
        EcsEvent failure = serviceActions("SERVICE_TASK_PLACEMENT_FAILURE").get(0);
        assertSameShape("service-action-placement-failure-cpu.json", failure);
        String host = api.listContainerInstances(r -> r.cluster("prod")).containerInstanceArns().get(0);
        assertThat(failure.detail()).containsEntry("eventType", "ERROR").containsEntry("reason", "RESOURCE:CPU")
                .containsEntry("containerInstanceArns", List.of(host));
    }

    @Test
    void should_report_a_fargate_placement_failure_like_aws_example_while_spot_capacity_is_out() {
        // given
        api.createCluster(r -> r.clusterName("prod").capacityProviders("FARGATE", "FARGATE_SPOT"));
        fargateFamily("couriers", "acme/couriers:1");
        dev.fakeecs.fault.FaultInjector faults = dev.fakeecs.fault.FaultInjector.of(ecs);
        faults.inject(dev.fakeecs.fault.FaultSpec.of(dev.fakeecs.fault.FaultType.SPOT_CAPACITY_UNAVAILABLE)
                .duration(Duration.ofMinutes(10)).build());

        // when
        api.createService(r -> r.cluster("prod").serviceName("couriers").taskDefinition("couriers").desiredCount(1)
                .capacityProviderStrategy(CapacityProviderStrategyItem.builder().capacityProvider("FARGATE_SPOT")
                        .weight(1).build())
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1"))));
        ecs.clock().advance(Duration.ofMinutes(2));

        // then
        EcsEvent failure = serviceActions("SERVICE_TASK_PLACEMENT_FAILURE").get(0);
        assertSameShape("service-action-placement-failure-fargate.json", failure);
        assertThat(failure.detail()).containsEntry("reason", "RESOURCE:FARGATE").containsEntry("capacityProviderArns",
                List.of("arn:aws:ecs:us-east-1:123456789012:capacity-provider/FARGATE_SPOT"));
    }

    @Test
    void should_report_task_set_steady_state_and_the_computed_desired_counts_of_task_sets() {
        // given: an EXTERNAL service of 4 tasks
        api.createCluster(r -> r.clusterName("prod").capacityProviders("FARGATE", "FARGATE_SPOT"));
        fargateFamily("web", "acme/web:1");
        api.createService(r -> r.cluster("prod").serviceName("web").desiredCount(4)
                .deploymentController(c -> c.type(DeploymentControllerType.EXTERNAL)));

        // when: a task set at 50 %
        TaskSet blue = api.createTaskSet(r -> r.cluster("prod").service("web").taskDefinition("web")
                .externalId("blue").launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1")))
                .scale(s -> s.unit(ScaleUnit.PERCENT).value(50.0))).taskSet();
        ecs.clock().advance(Duration.ofMinutes(3));

        // then: the scheduler computed 2 tasks, then the set became steady
        // events-task-set-START
        List<EcsEvent> counts = serviceActions("SERVICE_DESIRED_COUNT_UPDATED");
        assertThat(counts).hasSize(1);
        assertThat(counts.get(0).detail()).containsEntry("eventType", "INFO").containsEntry("desiredCount", 2)
                .containsEntry("taskSetArns", List.of(blue.taskSetArn()));
        List<EcsEvent> steady = serviceActions("TASKSET_STEADY_STATE");
        assertThat(steady).hasSize(1);
        assertThat(steady.get(0).detail()).containsEntry("eventType", "INFO")
                .containsEntry("taskSetArns", List.of(blue.taskSetArn()))
                .containsKeys("clusterArn", "createdAt");
        // events-task-set-END
        assertThat(exampleShape("service-action-steady-state.json").missingFrom(of(json(steady.get(0))))).isEmpty();

        // when: the set is scaled to 100 %
        api.updateTaskSet(r -> r.cluster("prod").service("web").taskSet(blue.id())
                .scale(s -> s.unit(ScaleUnit.PERCENT).value(100.0)));
        ecs.clock().advance(Duration.ofMinutes(3));

        // then
        assertThat(serviceActions("SERVICE_DESIRED_COUNT_UPDATED")).extracting(e -> e.detail().get("desiredCount"))
                .containsExactly(2, 4);
        assertThat(serviceActions("TASKSET_STEADY_STATE")).hasSize(2);
    }

    @Test
    void should_report_the_desired_count_a_daemon_service_computes_from_its_container_instances() {
        // given
        api.createCluster(r -> r.clusterName("prod"));
        hosts(2);
        ecs.clock().advance(Duration.ofMinutes(2));
        api.registerTaskDefinition(r -> r.family("agent").networkMode(NetworkMode.BRIDGE)
                .containerDefinitions(ContainerDefinition.builder().name("agent").image("acme/agent:1").cpu(128)
                        .memory(128).build()));

        // when
        api.createService(r -> r.cluster("prod").serviceName("agent").taskDefinition("agent")
                .schedulingStrategy(SchedulingStrategy.DAEMON));
        ecs.clock().advance(Duration.ofMinutes(3));

        // then
        List<EcsEvent> counts = serviceActions("SERVICE_DESIRED_COUNT_UPDATED");
        assertThat(counts).hasSize(1);
        assertThat(counts.get(0).detail()).containsEntry("desiredCount", 2).doesNotContainKey("taskSetArns");
        assertThat(counts.get(0).resources()).containsExactly("arn:aws:ecs:us-east-1:123456789012:service/prod/agent");
    }

    @Test
    void should_report_a_daemon_task_whose_instance_no_longer_meets_the_services_constraints() {
        // given: a daemon on the "blue" hosts of two
        api.createCluster(r -> r.clusterName("prod"));
        hosts(2);
        ecs.clock().advance(Duration.ofMinutes(2));
        List<String> hosts = api.listContainerInstances(r -> r.cluster("prod")).containerInstanceArns();
        for (String host : hosts) {
            api.putAttributes(r -> r.cluster("prod").attributes(a -> a.name("stack").value("blue").targetId(host)));
        }
        api.registerTaskDefinition(r -> r.family("agent").networkMode(NetworkMode.BRIDGE)
                .containerDefinitions(ContainerDefinition.builder().name("agent").image("acme/agent:1").cpu(128)
                        .memory(128).build()));
        api.createService(r -> r.cluster("prod").serviceName("agent").taskDefinition("agent")
                .schedulingStrategy(SchedulingStrategy.DAEMON)
                .placementConstraints(c -> c.type("memberOf").expression("attribute:stack == blue")));
        ecs.clock().advance(Duration.ofMinutes(3));
        long mark = ecs.events().mark();

        // when: one host turns green, the other gets an unrelated attribute
        api.putAttributes(r -> r.cluster("prod").attributes(a -> a.name("stack").value("green").targetId(hosts.get(0))));
        api.putAttributes(r -> r.cluster("prod").attributes(a -> a.name("rack").value("r1").targetId(hosts.get(1))));

        // then
        List<EcsEvent> violations = ecs.events().since(mark, EcsEvent.SERVICE_ACTION);
        assertThat(violations).hasSize(1);
        assertThat(violations.get(0).detail()).containsOnlyKeys("eventType", "eventName", "clusterArn",
                        "containerInstanceArns", "createdAt")
                .containsEntry("eventType", "ERROR")
                .containsEntry("eventName", "SERVICE_DAEMON_PLACEMENT_CONSTRAINT_VIOLATED")
                .containsEntry("containerInstanceArns", List.of(hosts.get(0)));
        assertThat(violations.get(0).resources()).containsExactly("arn:aws:ecs:us-east-1:123456789012:service/prod/agent");
    }

    @Test
    void should_give_every_service_action_the_documented_base_fields_and_only_fields_of_aws_event_schema() {
        // given: steady states, a stop, a placement failure, throttling-free deployments, task sets, a daemon
        api.createCluster(r -> r.clusterName("prod").capacityProviders("FARGATE", "FARGATE_SPOT"));
        hosts(1);
        fargateFamily("web", "acme/web:1");
        fargateService("web", "web", 2);
        api.registerTaskDefinition(r -> r.family("big").networkMode(NetworkMode.BRIDGE)
                .containerDefinitions(ContainerDefinition.builder().name("app").image("acme/big:1").cpu(4096)
                        .memory(512).build()));
        ecs.clock().advance(Duration.ofMinutes(3));
        api.createService(r -> r.cluster("prod").serviceName("big").taskDefinition("big").desiredCount(1)
                .launchType(LaunchType.EC2));
        api.createService(r -> r.cluster("prod").serviceName("ext").desiredCount(2)
                .deploymentController(c -> c.type(DeploymentControllerType.EXTERNAL)));
        api.createTaskSet(r -> r.cluster("prod").service("ext").taskDefinition("web").launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1")))
                .scale(s -> s.unit(ScaleUnit.PERCENT).value(100.0)));

        // when
        ecs.clock().advance(Duration.ofMinutes(5));
        api.updateService(r -> r.cluster("prod").service("web").desiredCount(1));
        ecs.clock().advance(Duration.ofMinutes(5));

        // then
        List<EcsEvent> actions = ecs.events().ofType(EcsEvent.SERVICE_ACTION);
        assertThat(actions).extracting(e -> e.detailText("eventName")).contains("SERVICE_STEADY_STATE",
                "TASKS_STOPPED", "SERVICE_TASK_PLACEMENT_FAILURE", "TASKSET_STEADY_STATE",
                "SERVICE_DESIRED_COUNT_UPDATED", "SERVICE_DEPLOYMENT_IN_PROGRESS", "SERVICE_DEPLOYMENT_COMPLETED");
        Shape base = exampleShape("service-action-steady-state.json");
        List<String> problems = new ArrayList<>();
        for (EcsEvent e : actions) {
            assertEnvelope(e);
            base.missingFrom(of(json(e))).forEach(p -> problems.add(e.detailText("eventName") + ": " + p));
            e.detail().keySet().stream().filter(k -> !SERVICE_ACTION_FIELDS.contains(k))
                    .forEach(k -> problems.add(e.detailText("eventName") + ": unknown field " + k));
            if (!e.detailText("eventType").equals(expectedType(e.detailText("eventName")))) {
                problems.add(e.detailText("eventName") + ": eventType " + e.detailText("eventType"));
            }
        }
        assertThat(problems).isEmpty();
        for (EcsEvent e : ecs.events().ofType(EcsEvent.DEPLOYMENT_STATE_CHANGE)) {
            assertThat(exampleShape("deployment-state-change-in-progress.json").extraIn(of(json(e)), Set.of()))
                    .isEmpty();
        }
    }

    /** The eventType AWS's guide lists each service action under. */
    private static String expectedType(String eventName) {
        return switch (eventName) {
            case "SERVICE_TASK_START_IMPAIRED", "SERVICE_DISCOVERY_INSTANCE_UNHEALTHY",
                 "VPC_LATTICE_TARGET_UNHEALTHY" -> "WARN";
            case "SERVICE_DAEMON_PLACEMENT_CONSTRAINT_VIOLATED", "ECS_OPERATION_THROTTLED",
                 "SERVICE_DISCOVERY_OPERATION_THROTTLED", "SERVICE_TASK_PLACEMENT_FAILURE",
                 "SERVICE_TASK_CONFIGURATION_FAILURE" -> "ERROR";
            default -> "INFO";
        };
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new java.util.HashSet<>(a);
        out.addAll(b);
        return out;
    }

    // ---- ECS Hook State Change ------------------------------------------------------------------

    @Test
    void should_announce_a_pause_hook_awaiting_action_and_its_success() {
        // given
        api.createCluster(r -> r.clusterName("prod"));
        fargateFamily("api", "api:1");
        fargateFamily("api", "api:2");
        api.createService(r -> r.cluster("prod").serviceName("api").taskDefinition("api:1").desiredCount(1)
                .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1")))
                .deploymentConfiguration(d -> d.strategy(DeploymentStrategy.BLUE_GREEN).bakeTimeInMinutes(1)
                        .lifecycleHooks(DeploymentLifecycleHook.builder().targetType("PAUSE")
                                .lifecycleStages(DeploymentLifecycleHookStage.POST_SCALE_UP).build())));
        ecs.clock().advance(Duration.ofMinutes(10));
        long mark = ecs.events().mark();

        // when
        api.updateService(r -> r.cluster("prod").service("api").taskDefinition("api:2"));
        ecs.clock().advance(Duration.ofMinutes(10));

        // then
        EcsEvent awaiting = ecs.events().since(mark, EcsEvent.HOOK_STATE_CHANGE).get(0);
        assertEnvelope(awaiting);
        assertThat(awaiting.detail()).containsOnlyKeys("eventType", "eventName", "serviceDeploymentArn", "hookId",
                        "lifecycleStage", "expiresAt")
                .containsEntry("eventType", "INFO").containsEntry("eventName", "HOOK_AWAITING_ACTION")
                .containsEntry("lifecycleStage", "POST_SCALE_UP");
        assertThat(awaiting.detailText("hookId")).startsWith("ecs-pause-");
        assertThat(ecs.events().since(mark, EcsEvent.DEPLOYMENT_STATE_CHANGE)).extracting(e -> e.detailText("eventName"))
                .containsExactly("SERVICE_DEPLOYMENT_IN_PROGRESS");

        // when
        api.continueServiceDeployment(r -> r.serviceDeploymentArn(awaiting.detailText("serviceDeploymentArn"))
                .hookId(awaiting.detailText("hookId")));
        ecs.clock().advance(Duration.ofMinutes(15));

        // then
        assertThat(ecs.events().since(mark, EcsEvent.HOOK_STATE_CHANGE)).extracting(e -> e.detailText("eventName"))
                .containsExactly("HOOK_AWAITING_ACTION", "HOOK_SUCCEEDED");
        assertThat(ecs.events().since(mark, EcsEvent.DEPLOYMENT_STATE_CHANGE)).extracting(e -> e.detailText("eventName"))
                .containsExactly("SERVICE_DEPLOYMENT_IN_PROGRESS", "SERVICE_DEPLOYMENT_COMPLETED");
    }

    // ---- ECS Daemon Deployment State Change, ECS Daemon Service Action --------------------------

    @Test
    void should_give_daemon_events_the_envelope_and_only_the_fields_of_their_rule() {
        // given: a Managed Instances provider, a daemon on it and a service that makes ECS launch an instance
        api.createCluster(r -> r.clusterName("prod"));
        api.createCapacityProvider(r -> r.name("mi").cluster("prod").managedInstancesProvider(p -> p
                .infrastructureRoleArn("arn:aws:iam::123456789012:role/ecsInfrastructureRole")
                .instanceLaunchTemplate(t -> t.ec2InstanceProfileArn(
                                "arn:aws:iam::123456789012:instance-profile/ecsInstanceRole")
                        .networkConfiguration(n -> n.subnets("subnet-us-east-1a"))
                        .instanceRequirements(q -> q.vCpuCount(v -> v.min(2).max(4)).memoryMiB(m -> m.min(4096)
                                .max(16384))))));
        ecs.clock().advance(Duration.ofSeconds(10));
        String mi = api.describeCapacityProviders(r -> r.capacityProviders("mi")).capacityProviders().get(0)
                .capacityProviderArn();
        String v1 = api.registerDaemonTaskDefinition(r -> r.family("agent").cpu("256").memory("256")
                .containerDefinitions(c -> c.name("agent").image("acme/agent:1"))).daemonTaskDefinitionArn();
        api.createDaemon(r -> r.daemonName("agent").clusterArn("prod").daemonTaskDefinitionArn(v1)
                .capacityProviderArns(mi));
        ecs.clock().advance(Duration.ofSeconds(1));
        api.registerTaskDefinition(r -> r.family("web").networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilities(Compatibility.MANAGED_INSTANCES).cpu("512").memory("1024")
                .containerDefinitions(c -> c.name("web").image("nginx")));
        api.createService(r -> r.cluster("prod").serviceName("web").taskDefinition("web").desiredCount(1)
                .capacityProviderStrategy(CapacityProviderStrategyItem.builder().capacityProvider("mi").weight(1)
                        .build())
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-us-east-1a"))));
        ecs.clock().advance(Duration.ofMinutes(5));
        ecs.declareImage("acme/agent:broken", ImageBehavior.DEFAULT.failingToPull());
        String broken = api.registerDaemonTaskDefinition(r -> r.family("agent").cpu("256").memory("256")
                .containerDefinitions(c -> c.name("agent").image("acme/agent:broken"))).daemonTaskDefinitionArn();

        // when: an update whose daemon tasks never run, rolled back by the circuit breaker
        api.updateDaemon(r -> r.daemonArn("arn:aws:ecs:us-east-1:123456789012:daemon/prod/agent")
                .daemonTaskDefinitionArn(broken).capacityProviderArns(mi));
        ecs.clock().advance(Duration.ofMinutes(40));

        // then
        List<EcsEvent> deployments = ecs.events().ofType(EcsEvent.DAEMON_DEPLOYMENT_STATE_CHANGE);
        assertThat(deployments).extracting(e -> e.detailText("eventName")).contains("DAEMON_DEPLOYMENT_PENDING",
                "DAEMON_DEPLOYMENT_IN_PROGRESS", "DAEMON_DEPLOYMENT_SUCCESSFUL", "DAEMON_DEPLOYMENT_ROLLBACK_IN_PROGRESS",
                "DAEMON_DEPLOYMENT_ROLLBACK_SUCCESSFUL");
        for (EcsEvent e : deployments) {
            assertEnvelope(e);
            assertThat(e.detail().keySet()).isSubsetOf("eventType", "eventName", "clusterArn", "daemonArn",
                    "daemonDeploymentArn", "updatedAt", "reason").contains("eventType", "eventName", "clusterArn",
                    "daemonArn", "daemonDeploymentArn", "updatedAt");
            assertThat(e.detailText("eventType")).isEqualTo(e.detailText("eventName").contains("ROLLBACK_IN_PROGRESS")
                    ? "ERROR" : "INFO");
            assertThat(e.detailText("updatedAt")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            assertThat(json(e).get("detail").fieldNames()).toIterable().first().isEqualTo("eventType");
        }
        List<EcsEvent> impaired = ecs.events().ofType(EcsEvent.DAEMON_SERVICE_ACTION);
        assertThat(impaired).isNotEmpty();
        for (EcsEvent e : impaired) {
            assertEnvelope(e);
            assertThat(e.detail()).containsOnlyKeys("eventType", "eventName", "clusterArn", "daemonArn",
                            "containerInstanceArn", "failureType", "taskArn", "reason", "createdAt")
                    .containsEntry("eventType", "WARNING").containsEntry("eventName", "DAEMON_TASK_START_IMPAIRED")
                    .containsEntry("failureType", "TASK_FAILED_TO_RUN");
            assertThat(e.detailText("createdAt")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        }
    }
}
