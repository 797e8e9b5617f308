package dev.fakeecs.dsl.json;

import dev.fakeecs.dsl.taskdefinition.TaskDefinitionConversions;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fakeecs.FakeEcs;
import dev.fakeecs.dsl.WorldSpec;
import dev.fakeecs.dsl.cloudwatch.AlarmSpec;
import dev.fakeecs.dsl.loadbalancing.ListenerRuleSpec;
import dev.fakeecs.dsl.loadbalancing.ListenerSpec;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateRuleRequest;
import dev.fakeecs.dsl.loadbalancing.LoadBalancerSpec;
import dev.fakeecs.dsl.loadbalancing.TargetGroupSpec;
import dev.fakeecs.dsl.service.ServiceSpec;
import dev.fakeecs.dsl.taskdefinition.TaskDefinitionSpec;
import dev.fakeecs.region.Region;
import dev.fakeecs.spi.EngineSetup;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionFamilyStatus;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateListenerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateLoadBalancerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateTargetGroupRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Task definitions and services in the JSON the AWS CLI speaks: the input of
 * {@code aws ecs register-task-definition --cli-input-json} and {@code create-service --cli-input-json},
 * and the output of {@code describe-task-definition} (its {@code taskDefinition} wrapper); and Elastic Load
 * Balancing declarations as {@code aws elbv2 create-target-group}, {@code create-load-balancer} and
 * {@code create-listener --cli-input-json} take them (PascalCase members, the Query protocol's names). Reads from
 * any {@link Path} (a Jimfs one included) or a classpath resource; writes a world's declared state
 * back to the same JSON. Member names are the wire protocol's (camelCase); conversion goes through
 * the engine's wire codec ({@link EngineSetup#toJson}, {@link EngineSetup#fromJson}), so every
 * member the SDK knows survives a round trip.
 *
 * <pre>{@code
 * TaskDefinitionSpec orders = EcsJson.readTaskDefinition(Path.of("ecs/order-service.json"));
 * ServiceSpec service = EcsJson.readServiceResource("ecs/order-service-service.json");
 * TargetGroupSpec tg = EcsJson.readTargetGroup("{\"Name\": \"web-tg\", \"Protocol\": \"HTTP\", \"Port\": 8080, \"TargetType\": \"ip\"}");
 * EcsJson.exportWorld(world, jimfs.getPath("/out"));   // task-definitions/*.json, services/<region>/*.json,
 *                                                      // load-balancing/<region>/{target-groups,load-balancers,listeners}/*.json
 * }</pre>
 */
public final class EcsJson {

    /** The folder of task definition files in an exported world. */
    public static final String TASK_DEFINITIONS = "task-definitions";
    /** The folder of service files (one subfolder per region) in an exported world. */
    public static final String SERVICES = "services";
    /**
     * The folder of Elastic Load Balancing files in an exported world: one subfolder per region holding
     * {@code target-groups/<name>.json}, {@code load-balancers/<name>.json} and
     * {@code listeners/<load balancer>-<port>.json}.
     */
    public static final String LOAD_BALANCING = "load-balancing";

    /** Pretty printing; exact big decimals, as the engine's codec builds its nodes (timestamps keep their millis). */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private EcsJson() {
    }

    // ------------------------------------------------------------------ task definitions

    /**
     * A task definition from register-task-definition input or describe-task-definition output.
     *
     * @throws IllegalArgumentException naming the member when the JSON is malformed or a rule is broken
     */
    public static TaskDefinitionSpec readTaskDefinition(String json) {
        JsonNode node = parse(json);
        JsonNode wrapped = node.get("taskDefinition");
        RegisterTaskDefinitionRequest request;
        if (wrapped != null && wrapped.isObject()) {
            DescribeTaskDefinitionResponse described = decode(node, DescribeTaskDefinitionResponse.class);
            request = TaskDefinitionConversions.toRegisterRequest(described.taskDefinition(),
                    described.hasTags() ? described.tags() : List.of());
        } else {
            request = decode(node, RegisterTaskDefinitionRequest.class);
        }
        return TaskDefinitionSpec.from(request);
    }

    public static TaskDefinitionSpec readTaskDefinition(Path file) {
        return readTaskDefinition(read(file));
    }

    /** Reads a classpath resource ({@code "food-delivery/order-service.json"}). */
    public static TaskDefinitionSpec readTaskDefinitionResource(String resource) {
        return readTaskDefinition(resource(resource));
    }

    /** register-task-definition input JSON, pretty printed. */
    public static String toJson(TaskDefinitionSpec spec) {
        return write(EngineSetup.toJson(spec.toRequest()));
    }

    public static void writeTaskDefinition(TaskDefinitionSpec spec, Path file) {
        writeFile(file, toJson(spec));
    }

    // ------------------------------------------------------------------ services

    /** A service from create-service input JSON. */
    public static ServiceSpec readService(String json) {
        return ServiceSpec.from(decode(parse(json), CreateServiceRequest.class));
    }

    public static ServiceSpec readService(Path file) {
        return readService(read(file));
    }

    public static ServiceSpec readServiceResource(String resource) {
        return readService(resource(resource));
    }

    /** create-service input JSON as declared (no default subnets), pretty printed. */
    public static String toJson(ServiceSpec spec) {
        return write(EngineSetup.toJson(spec.toRequest()));
    }

    /** create-service input JSON for a region with these zones (default subnets filled in). */
    public static String toJson(ServiceSpec spec, List<String> availabilityZones) {
        return write(EngineSetup.toJson(spec.toRequest(availabilityZones)));
    }

    public static void writeService(ServiceSpec spec, Path file) {
        writeFile(file, toJson(spec));
    }

    // ------------------------------------------------------------------ load balancing

    /**
     * A target group from {@code aws elbv2 create-target-group --cli-input-json} input ({@code Name},
     * {@code Protocol}, {@code Port}, {@code TargetType}, {@code HealthCheck*}, {@code Matcher}...). An extra
     * {@code Attributes} member, as {@code modify-target-group-attributes} takes it
     * ({@code [{"Key": "deregistration_delay.timeout_seconds", "Value": "30"}]}), is applied after creation.
     *
     * @throws IllegalArgumentException naming the member when the JSON is malformed or a rule is broken
     */
    public static TargetGroupSpec readTargetGroup(String json) {
        JsonNode node = parse(json);
        Map<String, String> attributes = new LinkedHashMap<>();
        JsonNode declared = node.get("Attributes");
        if (declared != null) {
            if (!declared.isArray()) {
                throw new IllegalArgumentException("CreateTargetGroupRequest JSON: Attributes must be an array of"
                        + " {\"Key\": ..., \"Value\": ...}");
            }
            for (JsonNode a : declared) {
                JsonNode key = a.get("Key");
                JsonNode value = a.get("Value");
                if (key == null || !key.isTextual() || value == null || value.isNull()) {
                    throw new IllegalArgumentException("CreateTargetGroupRequest JSON: each of Attributes needs a Key"
                            + " and a Value, was " + a);
                }
                attributes.put(key.asText(), value.asText());
            }
        }
        return TargetGroupSpec.from(decode(node, CreateTargetGroupRequest.class), attributes);
    }

    public static TargetGroupSpec readTargetGroup(Path file) {
        return readTargetGroup(read(file));
    }

    public static TargetGroupSpec readTargetGroupResource(String resource) {
        return readTargetGroup(resource(resource));
    }

    /** A load balancer (without listeners) from {@code aws elbv2 create-load-balancer --cli-input-json} input. */
    public static LoadBalancerSpec readLoadBalancer(String json) {
        return LoadBalancerSpec.from(decode(parse(json), CreateLoadBalancerRequest.class));
    }

    public static LoadBalancerSpec readLoadBalancer(Path file) {
        return readLoadBalancer(read(file));
    }

    public static LoadBalancerSpec readLoadBalancerResource(String resource) {
        return readLoadBalancer(resource(resource));
    }

    /**
     * A listener from {@code aws elbv2 create-listener --cli-input-json} input: {@code LoadBalancerArn} and the
     * forward action's target group ARNs stand for the names inside them (a plain name works too), so a file
     * written for a real account declares the same listener here. Add it with {@code world.listener(spec)}.
     */
    public static ListenerSpec readListener(String json) {
        return ListenerSpec.from(decode(parse(json), CreateListenerRequest.class));
    }

    public static ListenerSpec readListener(Path file) {
        return readListener(read(file));
    }

    public static ListenerSpec readListenerResource(String resource) {
        return readListener(resource(resource));
    }

    /**
     * A listener rule from {@code aws elbv2 create-rule --cli-input-json} input: {@code ListenerArn} names the
     * listener as {@code "<loadBalancer>:<port>"} (as {@link #toJson(ListenerRuleSpec)} writes it), target group
     * ARNs stand for their names; path-pattern and host-header conditions, one forward action.
     */
    public static ListenerRuleSpec readListenerRule(String json) {
        return ListenerRuleSpec.from(decode(parse(json), CreateRuleRequest.class));
    }

    public static ListenerRuleSpec readListenerRule(Path file) {
        return readListenerRule(read(file));
    }

    /** create-rule input JSON; the listener appears as {@code "<loadBalancer>:<port>"}, target groups by name. */
    public static String toJson(ListenerRuleSpec spec) {
        return write(EngineSetup.toJson(spec.toRequest()));
    }

    /**
     * A metric alarm from {@code aws cloudwatch put-metric-alarm --cli-input-json} input ({@code AlarmName},
     * {@code Namespace}, {@code MetricName}, {@code Dimensions}, {@code Statistic}, {@code Period},
     * {@code EvaluationPeriods}, {@code Threshold}, {@code ComparisonOperator}, {@code TreatMissingData}...).
     *
     * @throws IllegalArgumentException naming the member when the JSON is malformed or a rule is broken
     */
    public static AlarmSpec readAlarm(String json) {
        return AlarmSpec.from(decode(parse(json), PutMetricAlarmRequest.class));
    }

    public static AlarmSpec readAlarm(Path file) {
        return readAlarm(read(file));
    }

    /** put-metric-alarm input JSON, as declared (load balancer and target group dimensions by name). */
    public static String toJson(AlarmSpec spec) {
        return write(EngineSetup.toJson(spec.toRequest()));
    }

    /** create-target-group input JSON, with the declared attributes as an {@code Attributes} member. */
    public static String toJson(TargetGroupSpec spec) {
        ObjectNode node = EngineSetup.toJson(spec.toRequest());
        if (!spec.attributes().isEmpty()) {
            var attributes = node.putArray("Attributes");
            spec.attributes().forEach((k, v) -> attributes.addObject().put("Key", k).put("Value", v));
        }
        return write(node);
    }

    /** create-load-balancer input JSON for a region with these zones (default subnets filled in). */
    public static String toJson(LoadBalancerSpec spec, List<String> availabilityZones) {
        return write(EngineSetup.toJson(spec.toRequest(availabilityZones)));
    }

    /** create-listener input JSON; the load balancer and target groups appear by name where the CLI takes ARNs. */
    public static String toJson(ListenerSpec spec) {
        return write(EngineSetup.toJson(spec.toRequest(spec.loadBalancer(), name -> name)));
    }

    // ------------------------------------------------------------------ worlds

    /**
     * Writes a world's declared task definitions ({@code task-definitions/<family>.json}) and services
     * ({@code services/<region>/<service>.json}, default subnets filled in) under {@code directory}, then its
     * target groups, load balancers and listeners ({@code load-balancing/<region>/...}, see {@link #LOAD_BALANCING}).
     *
     * @return the files written, in declaration order
     */
    public static List<Path> exportWorld(WorldSpec world, Path directory) {
        List<Path> written = new ArrayList<>();
        for (TaskDefinitionSpec t : world.allTaskDefinitions()) {
            Path file = directory.resolve(TASK_DEFINITIONS).resolve(t.family() + ".json");
            writeTaskDefinition(t, file);
            written.add(file);
        }
        for (ServiceSpec s : world.services()) {
            String region = world.regionOf(s.region());
            Path file = directory.resolve(SERVICES).resolve(region).resolve(s.serviceName() + ".json");
            writeFile(file, toJson(s, world.availabilityZones(region)));
            written.add(file);
        }
        for (TargetGroupSpec t : world.targetGroups()) {
            Path file = directory.resolve(LOAD_BALANCING).resolve(world.regionOf(t.region())).resolve(TARGET_GROUPS)
                    .resolve(t.name() + ".json");
            writeFile(file, toJson(t));
            written.add(file);
        }
        for (LoadBalancerSpec lb : world.loadBalancers()) {
            String region = world.regionOf(lb.region());
            Path regionDir = directory.resolve(LOAD_BALANCING).resolve(region);
            Path file = regionDir.resolve(LOAD_BALANCERS).resolve(lb.name() + ".json");
            writeFile(file, toJson(lb, world.availabilityZones(region)));
            written.add(file);
            for (ListenerSpec l : lb.listeners()) {
                Path listener = regionDir.resolve(LISTENERS).resolve(lb.name() + "-" + l.port() + ".json");
                writeFile(listener, toJson(l));
                written.add(listener);
                for (ListenerRuleSpec r : l.rules()) {
                    Path rule = regionDir.resolve(RULES).resolve(lb.name() + "-" + l.port() + "-" + r.priority()
                            + ".json");
                    writeFile(rule, toJson(r));
                    written.add(rule);
                }
            }
        }
        for (AlarmSpec a : world.alarms()) {
            Path file = directory.resolve(CLOUDWATCH).resolve(world.regionOf(a.region())).resolve(ALARMS)
                    .resolve(a.name() + ".json");
            writeFile(file, toJson(a));
            written.add(file);
        }
        return written;
    }

    private static final String TARGET_GROUPS = "target-groups";
    private static final String LOAD_BALANCERS = "load-balancers";
    private static final String LISTENERS = "listeners";
    private static final String RULES = "rules";
    private static final String ALARMS = "alarms";
    /** The folder of CloudWatch files in an exported world: {@code <region>/alarms/<name>.json}. */
    public static final String CLOUDWATCH = "cloudwatch";

    /**
     * Reads what {@link #exportWorld} wrote (or any folder laid out the same way) into a world
     * declaration; files are read in name order so the result is deterministic.
     */
    public static WorldSpec.Builder importWorld(Path directory) {
        WorldSpec.Builder world = WorldSpec.builder();
        Path definitions = directory.resolve(TASK_DEFINITIONS);
        for (Path file : jsonFiles(definitions)) {
            world.taskDefinition(readTaskDefinition(file));
        }
        Path services = directory.resolve(SERVICES);
        if (Files.isDirectory(services)) {
            for (Path regionDir : sorted(services)) {
                if (!Files.isDirectory(regionDir)) {
                    continue;
                }
                String region = regionDir.getFileName().toString();
                world.region(region);
                for (Path file : jsonFiles(regionDir)) {
                    world.service(readService(file).toBuilder().region(region).build());
                }
            }
        }
        Path loadBalancing = directory.resolve(LOAD_BALANCING);
        if (Files.isDirectory(loadBalancing)) {
            for (Path regionDir : sorted(loadBalancing)) {
                if (Files.isDirectory(regionDir)) {
                    importLoadBalancing(world, regionDir);
                }
            }
        }
        Path cloudWatch = directory.resolve(CLOUDWATCH);
        if (Files.isDirectory(cloudWatch)) {
            for (Path regionDir : sorted(cloudWatch)) {
                if (Files.isDirectory(regionDir)) {
                    String region = regionDir.getFileName().toString();
                    world.region(region);
                    for (Path file : jsonFiles(regionDir.resolve(ALARMS))) {
                        world.alarm(readAlarm(file).toBuilder().region(region).build());
                    }
                }
            }
        }
        return world;
    }

    private static void importLoadBalancing(WorldSpec.Builder world, Path regionDir) {
        String region = regionDir.getFileName().toString();
        world.region(region);
        for (Path file : jsonFiles(regionDir.resolve(TARGET_GROUPS))) {
            world.targetGroup(readTargetGroup(file).toBuilder().region(region).build());
        }
        Map<String, LoadBalancerSpec.Builder> balancers = new LinkedHashMap<>();
        for (Path file : jsonFiles(regionDir.resolve(LOAD_BALANCERS))) {
            LoadBalancerSpec lb = readLoadBalancer(file);
            balancers.put(lb.name(), lb.toBuilder().region(region));
        }
        Map<String, List<ListenerRuleSpec>> rules = new LinkedHashMap<>();
        for (Path file : jsonFiles(regionDir.resolve(RULES))) {
            ListenerRuleSpec r = readListenerRule(file);
            rules.computeIfAbsent(r.loadBalancer() + ":" + r.port(), k -> new ArrayList<>()).add(r);
        }
        for (Path file : jsonFiles(regionDir.resolve(LISTENERS))) {
            ListenerSpec read = readListener(file);
            ListenerSpec.Builder withRules = read.toBuilder();
            rules.getOrDefault(read.loadBalancer() + ":" + read.port(), List.of()).forEach(withRules::rule);
            ListenerSpec l = withRules.build();
            LoadBalancerSpec.Builder lb = balancers.get(l.loadBalancer());
            if (lb == null) {
                throw new IllegalArgumentException(file + ": listener of load balancer " + l.loadBalancer()
                        + ", which " + regionDir.resolve(LOAD_BALANCERS) + " does not declare");
            }
            lb.listener(l);
        }
        balancers.values().forEach(b -> world.loadBalancer(b.build()));
    }

    /**
     * Writes the latest ACTIVE revision of every task definition family of a running world, per
     * region ({@code <region>/task-definitions/<family>.json}), as register-task-definition input.
     */
    public static List<Path> exportRegisteredTaskDefinitions(FakeEcs ecs, Path directory) {
        List<Path> written = new ArrayList<>();
        for (Region region : ecs.regions()) {
            List<String> families = region.api().listTaskDefinitionFamilies(r -> r
                    .status(TaskDefinitionFamilyStatus.ACTIVE)).families();
            for (String family : families.stream().sorted().toList()) {
                DescribeTaskDefinitionResponse d = region.api().describeTaskDefinition(r -> r.taskDefinition(family)
                        .include(TaskDefinitionField.TAGS));
                RegisterTaskDefinitionRequest request = TaskDefinitionConversions.toRegisterRequest(
                        d.taskDefinition(), d.hasTags() ? d.tags() : List.of());
                Path file = directory.resolve(region.name()).resolve(TASK_DEFINITIONS).resolve(family + ".json");
                writeFile(file, write(EngineSetup.toJson(request)));
                written.add(file);
            }
        }
        return written;
    }

    // ------------------------------------------------------------------ plumbing

    private static <T extends software.amazon.awssdk.core.SdkPojo> T decode(JsonNode node, Class<T> type) {
        try {
            return EngineSetup.fromJson(node, type);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(type.getSimpleName() + " JSON: " + e.getMessage(), e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String write(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void writeFile(Path file, String text) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String resource(String name) {
        String path = name.startsWith("/") ? name.substring(1) : name;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = EcsJson.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no classpath resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath resource " + path, e);
        }
    }

    private static List<Path> jsonFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        return sorted(directory).stream().filter(p -> p.getFileName().toString().endsWith(".json"))
                .filter(Files::isRegularFile).toList();
    }

    private static List<Path> sorted(Path directory) {
        List<Path> list = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            stream.forEach(list::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        list.sort(null);
        return list;
    }
}
