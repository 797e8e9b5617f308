package dev.fakeecs.internal.containerinstance;

import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.FakeEcs;
import dev.fakeecs.journal.JournalEntry;
import dev.fakeecs.journal.JournalEventType;
import dev.fakeecs.quota.Quotas;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Attribute;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ContainerInstanceField;
import software.amazon.awssdk.services.ecs.model.ContainerInstanceStatus;
import software.amazon.awssdk.services.ecs.model.DescribeContainerInstancesResponse;
import software.amazon.awssdk.services.ecs.model.InstanceHealthCheckState;
import software.amazon.awssdk.services.ecs.model.InstanceHealthCheckType;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LimitExceededException;
import software.amazon.awssdk.services.ecs.model.ListContainerInstancesResponse;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Resource;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.UpdateContainerInstancesStateResponse;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Container instances: launching and registering hosts, their attributes and resources, describing
 * and listing them, state changes and draining, deregistration.
 */
class ContainerInstancesTest {

    private static final Instant T0 = FakeEcs.DEFAULT_START;

    private FakeEcs ecs;
    private EcsClient api;
    private ContainerInstances hosts;

    @BeforeEach
    void setUp() {
        ecs = FakeEcs.create();
        api = ecs.api();
        hosts = RegionEngine.of(ecs.defaultRegion()).containerInstances();
        api.createCluster(r -> r.clusterName("prod"));
        api.registerTaskDefinition(r -> r.family("web").networkMode(NetworkMode.BRIDGE)
                .containerDefinitions(ContainerDefinition.builder().name("app").image("acme/web:1").cpu(128)
                        .memory(256).build()));
    }

    private SimulatedContainerInstance launch(String type, String zone) {
        return RegionEngine.of(ecs.defaultRegion()).read(() -> hosts.launchHost("prod", type, zone, null));
    }

    private SimulatedContainerInstance host(String zone) {
        return RegionEngine.of(ecs.defaultRegion()).containerInstances().launchHost("prod", "m5.large", zone, null);
    }

    private software.amazon.awssdk.services.ecs.model.ContainerInstance describe(SimulatedContainerInstance ci) {
        return api.describeContainerInstances(r -> r.cluster("prod").containerInstances(ci.arn()))
                .containerInstances().get(0);
    }

    private static Resource resource(List<Resource> resources, String name) {
        return resources.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void should_launch_a_host_with_built_in_attributes() {
        SimulatedContainerInstance ci = launch("c7g.large", "us-east-1b");

        assertThat(ci.id()).hasSize(32).matches("[0-9a-f]+");
        assertThat(ci.arn()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:container-instance/prod/" + ci.id());
        assertThat(ci.ec2InstanceId()).matches("i-[0-9a-f]{17}");
        assertThat(ci.status()).isEqualTo("ACTIVE");
        assertThat(ci.registeredAt()).isEqualTo(T0);
        assertThat(ci.attributes()).containsEntry("ecs.availability-zone", "us-east-1b")
                .containsEntry("ecs.instance-type", "c7g.large").containsEntry("ecs.os-type", "linux")
                .containsEntry("ecs.os-family", "LINUX").containsEntry("ecs.cpu-architecture", "arm64")
                .containsKey("ecs.capability.task-eni").containsKey("com.amazonaws.ecs.capability.ecr-auth");
        assertThat(ci.attributes().get("ecs.ami-id")).matches("ami-[0-9a-f]{17}");
        assertThat(ci.attributes().get("ecs.vpc-id")).matches("vpc-[0-9a-f]{17}");
        assertThat(ci.attributes().get("ecs.subnet-id")).matches("subnet-[0-9a-f]{17}");
        assertThat(ecs.journal().ofType(JournalEventType.CONTAINER_INSTANCE)).singleElement()
                .satisfies(e -> assertThat(e.details()).containsEntry("status", "ACTIVE")
                        .containsEntry("instanceType", "c7g.large").containsEntry("availabilityZone", "us-east-1b"));
    }

    @Test
    void should_use_the_long_container_instance_arn_format() {
        SimulatedContainerInstance ci = host("us-east-1a");

        assertThat(describe(ci).containerInstanceArn()).matches(Pattern.quote("arn:aws:ecs:us-east-1:"
                + ecs.accountId() + ":container-instance/prod/") + "[0-9a-f]{32}");
    }

    @Test
    void should_share_vpc_and_ami_per_region_and_subnet_per_zone() {
        SimulatedContainerInstance a1 = launch("m5.large", "us-east-1a");
        SimulatedContainerInstance a2 = launch("m5.xlarge", "us-east-1a");
        SimulatedContainerInstance b = launch("m5.large", "us-east-1b");
        SimulatedContainerInstance arm = launch("m6g.large", "us-east-1b");

        assertThat(a1.attributes().get("ecs.vpc-id")).isEqualTo(b.attributes().get("ecs.vpc-id"));
        assertThat(a1.attributes().get("ecs.subnet-id")).isEqualTo(a2.attributes().get("ecs.subnet-id"))
                .isNotEqualTo(b.attributes().get("ecs.subnet-id"));
        assertThat(a1.attributes().get("ecs.ami-id")).isEqualTo(b.attributes().get("ecs.ami-id"))
                .isNotEqualTo(arm.attributes().get("ecs.ami-id"));
    }

    @Test
    void should_pick_the_least_used_zone_when_none_is_given() {
        List<String> zones = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            zones.add(launch("t3.micro", null).availabilityZone());
        }
        assertThat(zones).containsExactly("us-east-1a", "us-east-1b", "us-east-1c", "us-east-1a");
    }

    @Test
    void should_refuse_unknown_types_zones_and_clusters() {
        assertThatThrownBy(() -> launch("m5.huge", "us-east-1a")).isInstanceOf(InvalidParameterException.class)
                .extracting(ErrorText::of).asString().contains("m5.huge");
        assertThatThrownBy(() -> launch("m5.large", "eu-west-1a")).isInstanceOf(InvalidParameterException.class)
                .extracting(ErrorText::of).asString().contains("eu-west-1a");
        assertThatThrownBy(() -> hosts.launchHost("nope", "m5.large", "us-east-1a", null))
                .isInstanceOf(ClusterNotFoundException.class);
    }

    @Test
    void should_enforce_the_container_instances_per_cluster_quota() {
        ecs = FakeEcs.builder().quotas(Quotas.seedDefaults().withContainerInstancesPerCluster(2)).build();
        ecs.api().createCluster(r -> r.clusterName("prod"));
        ContainerInstances limited = RegionEngine.of(ecs.defaultRegion()).containerInstances();
        limited.launchHost("prod", "t3.micro", null, null);
        limited.launchHost("prod", "t3.micro", null, null);

        assertThatThrownBy(() -> limited.launchHost("prod", "t3.micro", null, null))
                .isInstanceOf(LimitExceededException.class)
                .extracting(ErrorText::of).isEqualTo("The maximum number of container instances per cluster (2) has been reached for cluster "
                        + "prod.");
    }

    @Test
    void should_describe_resources_as_ecs_does() {
        SimulatedContainerInstance ci = launch("m5.large", "us-east-1a");
        ci.reserve(HostFixtures.task("prod"));

        var described = api.describeContainerInstances(r -> r.cluster("prod").containerInstances(ci.id()))
                .containerInstances().get(0);

        assertThat(described.containerInstanceArn()).isEqualTo(ci.arn());
        assertThat(described.ec2InstanceId()).isEqualTo(ci.ec2InstanceId());
        assertThat(described.status()).isEqualTo("ACTIVE");
        assertThat(described.agentConnected()).isTrue();
        assertThat(described.registeredAt()).isEqualTo(T0);
        assertThat(described.pendingTasksCount()).isEqualTo(1);
        assertThat(described.runningTasksCount()).as("desiredStatus RUNNING counts, per the model").isEqualTo(1);
        assertThat(described.versionInfo().agentVersion()).isEqualTo("1.88.0");
        assertThat(described.versionInfo().dockerVersion()).isEqualTo("DockerVersion: 25.0.8");
        assertThat(described.registeredResources()).extracting(Resource::name)
                .containsExactly("CPU", "MEMORY", "PORTS", "PORTS_UDP");
        assertThat(resource(described.registeredResources(), "CPU").type()).isEqualTo("INTEGER");
        assertThat(resource(described.registeredResources(), "CPU").integerValue()).isEqualTo(2048);
        assertThat(resource(described.registeredResources(), "MEMORY").integerValue()).isEqualTo(7680);
        assertThat(resource(described.registeredResources(), "PORTS").type()).isEqualTo("STRINGSET");
        assertThat(resource(described.registeredResources(), "PORTS").stringSetValue())
                .containsExactly("22", "2375", "2376", "51678", "51679");
        assertThat(resource(described.registeredResources(), "PORTS_UDP").stringSetValue()).isEmpty();
        assertThat(resource(described.remainingResources(), "CPU").integerValue()).isEqualTo(1536);
        assertThat(resource(described.remainingResources(), "MEMORY").integerValue()).isEqualTo(6656);
        assertThat(resource(described.remainingResources(), "PORTS").stringSetValue())
                .containsExactly("22", "2375", "2376", "51678", "51679", "8080");
        assertThat(described.tags()).isEmpty();
        assertThat(described.healthStatus()).isNull();
    }

    @Test
    void should_leave_the_default_reserved_ports_in_the_registered_resources() {
        SimulatedContainerInstance ci = host("us-east-1a");

        var ports = describe(ci).registeredResources().stream().filter(r -> r.name().equals("PORTS")).findFirst()
                .orElseThrow();

        assertThat(ports.type()).isEqualTo("STRINGSET");
        assertThat(ports.stringSetValue()).containsExactlyInAnyOrder("22", "2375", "2376", "51678", "51679");
    }

    @Test
    void should_count_tasks_whose_desired_status_is_running_as_running_tasks() {
        SimulatedContainerInstance ci = host("us-east-1a");

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
    void should_list_gpu_ids_on_gpu_hosts() {
        SimulatedContainerInstance ci = launch("g4dn.12xlarge", "us-east-1a");

        var described = api.describeContainerInstances(r -> r.cluster("prod").containerInstances(ci.arn()))
                .containerInstances().get(0);

        assertThat(ci.gpuIds()).hasSize(4).allMatch(id -> id.startsWith("GPU-"));
        assertThat(resource(described.registeredResources(), "GPU").stringSetValue())
                .containsExactlyElementsOf(ci.gpuIds());
        assertThat(resource(described.remainingResources(), "GPU").stringSetValue()).hasSize(4);
    }

    @Test
    void should_include_tags_and_health_on_request_and_report_missing_with_full_arn() {
        SimulatedContainerInstance ci = launch("m5.large", "us-east-1a");
        RegionEngine.of(ecs.defaultRegion()).read(() -> {
            RegionEngine.of(ecs.defaultRegion()).tags().put(ci.arn(), List.of(Tag.builder().key("k").value("v").build()));
            return null;
        });

        DescribeContainerInstancesResponse response = api.describeContainerInstances(r -> r.cluster("prod")
                .containerInstances(ci.id(), "0123456789abcdef0123456789abcdef")
                .include(ContainerInstanceField.TAGS, ContainerInstanceField.CONTAINER_INSTANCE_HEALTH));

        var described = response.containerInstances().get(0);
        assertThat(described.tags()).containsExactly(Tag.builder().key("k").value("v").build());
        assertThat(described.healthStatus().overallStatus()).isEqualTo(InstanceHealthCheckState.OK);
        assertThat(described.healthStatus().details()).singleElement().satisfies(d -> {
            assertThat(d.type()).isEqualTo(InstanceHealthCheckType.CONTAINER_RUNTIME);
            assertThat(d.lastStatusChange()).isEqualTo(T0);
        });
        assertThat(response.failures()).singleElement().satisfies(f -> {
            assertThat(f.arn()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:container-instance/prod/"
                    + "0123456789abcdef0123456789abcdef");
            assertThat(f.reason()).isEqualTo("MISSING");
        });
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
    void should_refuse_more_than_one_hundred_instances_in_describe() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add(String.format("%032x", i));
        }

        assertThatThrownBy(() -> api.describeContainerInstances(r -> r.cluster("prod").containerInstances(many)))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void should_register_from_an_identity_document_with_total_resources_attributes_and_tags() {
        String doc = "{\"instanceId\":\"i-0123456789abcdef0\",\"instanceType\":\"c5.xlarge\","
                + "\"availabilityZone\":\"us-east-1c\",\"region\":\"us-east-1\"}";

        var registered = api.registerContainerInstance(r -> r.cluster("prod").instanceIdentityDocument(doc)
                .totalResources(Resource.builder().name("CPU").type("INTEGER").integerValue(4000).build(),
                        Resource.builder().name("MEMORY").type("INTEGER").integerValue(7000).build(),
                        Resource.builder().name("PORTS").type("STRINGSET").stringSetValue("22", "9000").build())
                .attributes(Attribute.builder().name("stack").value("blue").build())
                .tags(Tag.builder().key("team").value("core").build())).containerInstance();

        assertThat(registered.ec2InstanceId()).isEqualTo("i-0123456789abcdef0");
        assertThat(resource(registered.registeredResources(), "CPU").integerValue()).isEqualTo(4000);
        assertThat(resource(registered.registeredResources(), "MEMORY").integerValue()).isEqualTo(7000);
        assertThat(resource(registered.registeredResources(), "PORTS").stringSetValue()).containsExactly("22", "9000");
        assertThat(registered.attributes()).contains(Attribute.builder().name("stack").value("blue").build(),
                Attribute.builder().name("ecs.availability-zone").value("us-east-1c").build(),
                Attribute.builder().name("ecs.instance-type").value("c5.xlarge").build());
        assertThat(api.listTagsForResource(r -> r.resourceArn(registered.containerInstanceArn())).tags())
                .containsExactly(Tag.builder().key("team").value("core").build());
    }

    @Test
    void should_register_any_type_of_the_full_table_with_its_figures() {
        String doc = "{\"instanceType\":\"m7i.4xlarge\",\"availabilityZone\":\"us-east-1a\"}";

        var registered = api.registerContainerInstance(r -> r.cluster("prod").instanceIdentityDocument(doc))
                .containerInstance();

        assertThat(resource(registered.registeredResources(), "CPU").integerValue()).isEqualTo(16 * 1024);
        assertThat(resource(registered.registeredResources(), "MEMORY").integerValue()).isEqualTo(65536 - 2048);
        assertThat(registered.attributes()).contains(Attribute.builder().name("ecs.instance-type")
                .value("m7i.4xlarge").build());
    }

    @Test
    void should_register_an_unknown_type_with_the_total_resources_the_agent_sends() {
        String doc = "{\"instanceType\":\"m8g.large\",\"availabilityZone\":\"us-east-1b\"}";

        var registered = api.registerContainerInstance(r -> r.cluster("prod").instanceIdentityDocument(doc)
                .totalResources(Resource.builder().name("CPU").type("INTEGER").integerValue(2048).build(),
                        Resource.builder().name("MEMORY").type("INTEGER").integerValue(7680).build()))
                .containerInstance();

        assertThat(resource(registered.registeredResources(), "CPU").integerValue()).isEqualTo(2048);
        assertThat(resource(registered.registeredResources(), "MEMORY").integerValue()).isEqualTo(7680);
        assertThat(registered.attributes()).contains(Attribute.builder().name("ecs.instance-type")
                .value("m8g.large").build());
    }

    @Test
    void should_refuse_an_unknown_type_without_total_resources() {
        String doc = "{\"instanceType\":\"m8g.large\",\"availabilityZone\":\"us-east-1b\"}";

        assertThatThrownBy(() -> api.registerContainerInstance(r -> r.cluster("prod").instanceIdentityDocument(doc)))
                .isInstanceOf(InvalidParameterException.class)
                .extracting(ErrorText::of).asString().startsWith("The instance type m8g.large is not supported.");
    }

    @Test
    void should_refuse_a_bad_identity_document() {
        assertThatThrownBy(() -> api.registerContainerInstance(r -> r.cluster("prod").instanceIdentityDocument("{")))
                .isInstanceOf(InvalidParameterException.class)
                .extracting(ErrorText::of).isEqualTo("instanceIdentityDocument is not a valid instance identity document.");
    }

    @Test
    void should_refuse_to_deregister_a_host_with_running_tasks_unless_forced() {
        SimulatedContainerInstance ci = launch("m5.large", "us-east-1a");
        ci.reserve(HostFixtures.task("prod"));

        assertThatThrownBy(() -> api.deregisterContainerInstance(r -> r.cluster("prod").containerInstance(ci.id())))
                .isInstanceOf(InvalidParameterException.class).extracting(ErrorText::of).isEqualTo("Found running tasks on the instance.");

        var gone = api.deregisterContainerInstance(r -> r.cluster("prod").containerInstance(ci.id()).force(true))
                .containerInstance();

        assertThat(gone.status()).isEqualTo("INACTIVE");
        assertThat(ci.tasks()).hasSize(1);
        assertThat(hosts.inCluster("prod")).isEmpty();
        assertThat(api.describeContainerInstances(r -> r.cluster("prod").containerInstances(ci.id()))
                .containerInstances().get(0).status()).isEqualTo("INACTIVE");
        JournalEntry last = ecs.journal().ofType(JournalEventType.CONTAINER_INSTANCE).get(1);
        assertThat(last.details()).containsEntry("status", "INACTIVE").containsEntry("reason", "deregistered (force)")
                .containsEntry("orphanedTasks", "1");
    }

    @Test
    void should_tell_listeners_about_draining_and_deregistration() {
        List<String> events = new ArrayList<>();
        hosts.addListener(new ContainerInstanceListener() {
            @Override
            public void onDraining(SimulatedContainerInstance instance) {
                events.add("draining");
            }

            @Override
            public void onActivated(SimulatedContainerInstance instance) {
                events.add("active");
            }

            @Override
            public void onDeregistered(SimulatedContainerInstance instance, boolean terminated) {
                events.add(terminated ? "terminated" : "deregistered");
            }
        });
        SimulatedContainerInstance ci = launch("m5.large", "us-east-1a");

        api.updateContainerInstancesState(r -> r.cluster("prod").containerInstances(ci.id()).status("DRAINING"));
        api.updateContainerInstancesState(r -> r.cluster("prod").containerInstances(ci.id()).status("ACTIVE"));
        RegionEngine.of(ecs.defaultRegion()).read(() -> {
            hosts.terminateHost(ci);
            return null;
        });

        assertThat(events).containsExactly("draining", "active", "terminated");
        assertThat(ci.status()).isEqualTo("INACTIVE");
        assertThat(ci.statusReason()).isEqualTo("Instance terminated");
    }

    @Test
    void should_update_state_with_failures_for_missing_hosts() {
        SimulatedContainerInstance ci = launch("m5.large", "us-east-1a");

        UpdateContainerInstancesStateResponse response = api.updateContainerInstancesState(r -> r.cluster("prod")
                .containerInstances(ci.arn(), "ffffffffffffffffffffffffffffffff").status(ContainerInstanceStatus.DRAINING));

        assertThat(response.containerInstances()).singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo("DRAINING"));
        assertThat(response.failures()).singleElement().satisfies(f -> assertThat(f.reason()).isEqualTo("MISSING"));
        assertThat(hosts.inCluster("prod")).containsExactly(ci);
        assertThatThrownBy(() -> api.updateContainerInstancesState(r -> r.cluster("prod").containerInstances(ci.id())
                .status(ContainerInstanceStatus.REGISTERING))).isInstanceOf(InvalidParameterException.class)
                .extracting(ErrorText::of).isEqualTo("Container instances status should be one of [ACTIVE, DRAINING]: status REGISTERING");
        List<String> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(ci.id());
        }
        assertThatThrownBy(() -> api.updateContainerInstancesState(r -> r.cluster("prod").containerInstances(eleven)
                .status(ContainerInstanceStatus.ACTIVE))).isInstanceOf(InvalidParameterException.class)
                .extracting(ErrorText::of).isEqualTo("containerInstances can have at most 10 items.");
    }

    @Test
    void should_accept_only_active_or_draining_as_a_target_status() {
        SimulatedContainerInstance ci = host("us-east-1a");

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
        SimulatedContainerInstance ci = host("us-east-1a");
        api.deregisterContainerInstance(r -> r.cluster("prod").containerInstance(ci.arn()));

        UpdateContainerInstancesStateResponse r = api.updateContainerInstancesState(b -> b.cluster("prod")
                .containerInstances(ci.arn()).status(ContainerInstanceStatus.DRAINING));

        assertThat(r.containerInstances()).isEmpty();
        assertThat(r.failures()).singleElement().satisfies(f -> assertThat(f.arn()).isEqualTo(ci.arn()));
        assertThat(ci.status()).isEqualTo("INACTIVE");
    }

    @Test
    void should_place_nothing_on_a_draining_host_and_leave_its_standalone_tasks_running() {
        SimulatedContainerInstance ci = host("us-east-1a");
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
    void should_list_by_status_and_filter_and_page() {
        SimulatedContainerInstance a = launch("t3.micro", "us-east-1a");
        SimulatedContainerInstance b = launch("m5.large", "us-east-1b");
        SimulatedContainerInstance c = launch("t3.small", "us-east-1c");
        api.updateContainerInstancesState(r -> r.cluster("prod").containerInstances(b.id()).status("DRAINING"));

        assertThat(api.listContainerInstances(r -> r.cluster("prod")).containerInstanceArns())
                .containsExactly(a.arn(), b.arn(), c.arn());
        assertThat(api.listContainerInstances(r -> r.cluster("prod").status(ContainerInstanceStatus.DRAINING))
                .containerInstanceArns()).containsExactly(b.arn());
        assertThat(api.listContainerInstances(r -> r.cluster("prod").filter("attribute:ecs.instance-type =~ t3.*"))
                .containerInstanceArns()).containsExactly(a.arn(), c.arn());
        ListContainerInstancesResponse first = api.listContainerInstances(r -> r.cluster("prod").maxResults(2));
        assertThat(first.containerInstanceArns()).containsExactly(a.arn(), b.arn());
        ListContainerInstancesResponse second = api.listContainerInstances(r -> r.cluster("prod").maxResults(2)
                .nextToken(first.nextToken()));
        assertThat(second.containerInstanceArns()).containsExactly(c.arn());
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void should_filter_list_container_instances_with_the_query_language_and_page_through_it() {
        SimulatedContainerInstance a = host("us-east-1a");
        host("us-east-1b");
        SimulatedContainerInstance c = host("us-east-1a");
        SimulatedContainerInstance d = host("us-east-1a");

        var first = api.listContainerInstances(r -> r.cluster("prod")
                .filter("attribute:ecs.availability-zone == us-east-1a").maxResults(2));
        var second = api.listContainerInstances(r -> r.cluster("prod")
                .filter("attribute:ecs.availability-zone == us-east-1a").maxResults(2).nextToken(first.nextToken()));

        assertThat(first.containerInstanceArns()).containsExactly(a.arn(), c.arn());
        assertThat(second.containerInstanceArns()).containsExactly(d.arn());
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void should_discover_the_poll_endpoint_of_the_region() {
        var endpoint = api.discoverPollEndpoint(r -> r.cluster("prod"));

        assertThat(endpoint.endpoint()).isEqualTo("https://ecs-a-1.us-east-1.amazonaws.com/");
        assertThat(endpoint.telemetryEndpoint()).isEqualTo("https://ecs-t-1.us-east-1.amazonaws.com/");
        assertThat(endpoint.serviceConnectEndpoint()).isEqualTo("https://ecs-sc.us-east-1.api.aws");
    }
}
