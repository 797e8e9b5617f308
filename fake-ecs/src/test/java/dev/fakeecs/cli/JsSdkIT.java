package dev.fakeecs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The AWS SDK for JavaScript v3 (node scripts in {@code src/test/js}, exact versions pinned in its
 * {@code package.json} and {@code package-lock.json}) against the runnable jar in manual clock mode: CloudWatch over
 * Smithy RPC v2 CBOR (the client built with {@code protocol: AwsSmithyRpcV2CborProtocol}) and over the client's
 * default AWS JSON 1.0, ECS over AWS JSON 1.1 and Elastic Load Balancing v2 over AWS Query. The scripts record every
 * exchange on the wire, so the tests see which protocol was really spoken.
 *
 * <p>The SDK is installed once into {@code target/js-sdk} by {@code npm install}; the tests are skipped (with the
 * reason) only when node or npm is missing or the npm registry cannot be reached.
 *
 * <pre>{@code
 * node target/js-sdk/cloudwatch.js http://127.0.0.1:4599 cbor
 * }</pre>
 */
class JsSdkIT {

    private static final Path SOURCES = Path.of("src/test/js");
    private static final Path INSTALL = Path.of("target/js-sdk");
    private static final String CBOR_PATH = "/service/GraniteServiceVersion20100801/operation/";
    /** npm's messages when it cannot reach the registry at all. */
    private static final Pattern UNREACHABLE = Pattern.compile(
            "ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|network request to .* failed");

    /** Why the SDK cannot run here (each test is then skipped with it), or null. */
    private static String unavailable;

    @BeforeAll
    static void installTheSdk() throws Exception {
        if (!Commands.available("node", "--version")) {
            unavailable = "node is not installed (apt-get install nodejs)";
        } else if (!Commands.available("npm", "--version")) {
            unavailable = "npm is not installed (apt-get install npm)";
        } else if (nodeMajor() < 18) {
            unavailable = "the AWS SDK for JavaScript v3 needs node 18 or later";
        } else {
            unavailable = install();
        }
        if (unavailable != null) {
            System.err.println("JsSdkIT skipped: " + unavailable);
        }
    }

    @BeforeEach
    void needsTheSdk() {
        assumeTrue(unavailable == null, unavailable);
    }

    /** Copies the scripts to target/js-sdk and installs the SDK there unless it already is; null, or why not. */
    private static String install() throws IOException, InterruptedException {
        Files.createDirectories(INSTALL);
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path source : files.filter(Files::isRegularFile).toList()) {
                Files.copy(source, INSTALL.resolve(source.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        // npm may rewrite the lock file it installs from: remember what was installed apart from it
        String wanted = Files.readString(SOURCES.resolve("package.json")) + Files.readString(SOURCES.resolve("package-lock.json"));
        Path installed = INSTALL.resolve("installed-from.txt");
        if (Files.isDirectory(INSTALL.resolve("node_modules/@aws-sdk/client-cloudwatch"))
                && Files.exists(installed) && Files.readString(installed).equals(wanted)) {
            return null;
        }
        String why = npmInstall();
        if (why == null) {
            Files.writeString(installed, wanted);
        }
        return why;
    }

    private static int nodeMajor() throws Exception {
        Matcher version = Pattern.compile("v(\\d+)\\.").matcher(Commands.exec(List.of("node", "--version")).stdout());
        return version.find() ? Integer.parseInt(version.group(1)) : 0;
    }

    /** {@code npm install} in target/js-sdk (from ~/.npm's cache where it can); null, or why the registry failed. */
    private static String npmInstall() throws IOException, InterruptedException {
        Path log = INSTALL.resolve("npm-install.log");
        Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--prefer-offline")
                .directory(INSTALL.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!npm.waitFor(5, TimeUnit.MINUTES)) {
            npm.destroyForcibly();
            return "npm install took over 5 minutes: the npm registry is unreachable or too slow";
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (npm.exitValue() != 0) {
            if (UNREACHABLE.matcher(output).find()) {
                return "the npm registry cannot be reached, so the AWS SDK for JavaScript cannot be installed:\n"
                        + output;
            }
            fail("npm install failed in " + INSTALL.toAbsolutePath() + ":\n" + output);
        }
        return null;
    }

    private static JsonNode node(ServerJar server, String script, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", INSTALL.resolve(script).toString(),
                server.endpoint().toString()));
        command.addAll(List.of(args));
        return Commands.json(Commands.run(command));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cbor", "json"})
    void should_put_query_and_alarm_on_metrics_through_the_js_sdk(String protocol) throws Exception {
        JsonNode result;
        try (ServerJar server = ServerJar.start("--clock", "manual")) {
            result = node(server, "cloudwatch.js", protocol);
        }

        assertThat(result.get("start").asText()).isEqualTo("2026-01-01T00:00:00.000Z");
        assertThat(result.get("statistics").toString()).isEqualTo("["
                + "{\"timestamp\":\"2025-12-31T23:57:00.000Z\",\"average\":20,\"maximum\":20,\"sampleCount\":1,\"unit\":\"Milliseconds\"},"
                + "{\"timestamp\":\"2025-12-31T23:58:00.000Z\",\"average\":40,\"maximum\":40,\"sampleCount\":1,\"unit\":\"Milliseconds\"},"
                + "{\"timestamp\":\"2025-12-31T23:59:00.000Z\",\"average\":60,\"maximum\":60,\"sampleCount\":1,\"unit\":\"Milliseconds\"},"
                + "{\"timestamp\":\"2026-01-01T00:00:00.000Z\",\"average\":250,\"maximum\":250,\"sampleCount\":1,\"unit\":\"Milliseconds\"}]");
        assertThat(result.get("statisticsLabel").asText()).isEqualTo("Latency");
        assertThat(result.get("data").toString()).as("two-minute sums cut from StartTime 23:55").isEqualTo(
                "[{\"id\":\"latency\",\"label\":\"p-latency\",\"statusCode\":\"Complete\","
                        + "\"timestamps\":[\"2025-12-31T23:57:00.000Z\",\"2025-12-31T23:59:00.000Z\"],\"values\":[60,310]}]");
        assertThat(result.get("metrics").toString()).isEqualTo("[\"App/Errors Service=web\",\"App/Latency Service=web\"]");

        JsonNode created = result.get("created");
        assertThat(created.get("state").asText()).isEqualTo("INSUFFICIENT_DATA");
        assertThat(created.get("threshold").asDouble()).isEqualTo(100.0);
        assertThat(created.get("arn").asText()).isEqualTo("arn:aws:cloudwatch:us-east-1:123456789012:alarm:latency-high");
        assertThat(created.get("actions").toString()).isEqualTo("[\"arn:aws:sns:us-east-1:123456789012:pager\"]");
        assertThat(created.get("updatedIsDate").asBoolean()).as("timestamps parse as Dates").isTrue();

        JsonNode fired = result.get("fired");
        assertThat(fired.get("state").asText()).isEqualTo("ALARM");
        assertThat(fired.get("reason").asText()).isEqualTo(
                "Threshold Crossed: 1 datapoint [250.0 (01/01/26 00:00:00)] was greater than the threshold (100.0).");
        assertThat(fired.get("updated").asText()).isEqualTo("2026-01-01T00:01:00.000Z");
        assertThat(Commands.json(fired.get("reasonData").asText()).get("evaluatedDatapoints").get(0).get("value")
                .asDouble()).isEqualTo(250.0);
        assertThat(result.get("reset").toString()).isEqualTo(
                "[{\"name\":\"latency-high\",\"state\":\"OK\",\"reason\":\"manual reset from the JS SDK\"}]");
        assertThat(result.get("history").toString()).isEqualTo("["
                + "{\"type\":\"StateUpdate\",\"summary\":\"Alarm updated from INSUFFICIENT_DATA to ALARM\",\"timestamp\":\"2026-01-01T00:01:00.000Z\"},"
                + "{\"type\":\"StateUpdate\",\"summary\":\"Alarm updated from ALARM to OK\",\"timestamp\":\"2026-01-01T00:02:00.000Z\"}]");

        JsonNode missing = result.get("missingAlarm");
        assertThat(missing.get("name").asText()).as("the Query code, recovered from x-amzn-query-error")
                .isEqualTo("ResourceNotFound");
        assertThat(missing.get("className").asText()).isEqualTo("ResourceNotFound");
        assertThat(missing.get("message").asText()).isEqualTo("Alarm no-such-alarm not found");
        assertThat(missing.get("httpStatus").asInt()).isEqualTo(404);
        assertThat(missing.get("type").asText()).isEqualTo("Sender");
        JsonNode badUnit = result.get("badUnit");
        assertThat(badUnit.get("name").asText()).isEqualTo("InvalidParameterValueException");
        assertThat(badUnit.get("code").asText()).isEqualTo("InvalidParameterValue");
        assertThat(badUnit.get("httpStatus").asInt()).isEqualTo(400);
        assertThat(badUnit.get("message").asText())
                .startsWith("1 validation error detected: Value 'Furlongs' at 'MetricData[0].Unit' failed to satisfy");
        assertThat(result.get("afterDelete").asInt()).isZero();

        assertWire(result.get("wire"), protocol);
    }

    /** Every call went over the protocol asked for, and the fake answered in it. */
    private static void assertWire(JsonNode wire, String protocol) {
        List<String> operations = new ArrayList<>();
        for (JsonNode exchange : wire) {
            if (protocol.equals("cbor")) {
                assertThat(exchange.get("path").asText()).startsWith(CBOR_PATH);
                assertThat(exchange.get("requestContentType").asText()).isEqualTo("application/cbor");
                assertThat(exchange.get("requestProtocol").asText()).isEqualTo("rpc-v2-cbor");
                assertThat(exchange.get("responseContentType").asText()).isEqualTo("application/cbor");
                assertThat(exchange.get("responseProtocol").asText()).as(exchange.toString()).isEqualTo("rpc-v2-cbor");
                operations.add(exchange.get("path").asText().substring(CBOR_PATH.length()));
            } else {
                assertThat(exchange.get("path").asText()).isEqualTo("/");
                assertThat(exchange.get("requestContentType").asText()).isEqualTo("application/x-amz-json-1.0");
                assertThat(exchange.get("responseContentType").asText()).isEqualTo("application/x-amz-json-1.0");
                assertThat(exchange.get("responseProtocol").isNull()).isTrue();
                operations.add(exchange.get("target").asText().replace("GraniteServiceVersion20100801.", ""));
            }
        }
        assertThat(operations).containsExactly("PutMetricData", "PutMetricData", "GetMetricStatistics",
                "GetMetricData", "ListMetrics", "PutMetricAlarm", "DescribeAlarms", "DescribeAlarms", "SetAlarmState",
                "DescribeAlarms", "DescribeAlarmHistory", "SetAlarmState", "PutMetricData", "DeleteAlarms",
                "DescribeAlarms");
        assertThat(wire.get(11).get("status").asInt()).isEqualTo(404);
        assertThat(wire.get(12).get("status").asInt()).isEqualTo(400);
    }

    @Test
    void should_roll_out_a_service_behind_a_load_balancer_through_the_js_sdk() throws Exception {
        JsonNode result;
        try (ServerJar server = ServerJar.start("--clock", "manual")) {
            result = node(server, "ecs-elb.js");
        }

        JsonNode lb = result.get("loadBalancer");
        assertThat(lb.get("arn").asText()).startsWith(
                "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web-alb/");
        assertThat(lb.get("type").asText()).isEqualTo("application");
        assertThat(lb.get("zones").toString()).isEqualTo("[\"us-east-1a\",\"us-east-1b\"]");
        assertThat(lb.get("createdIsDate").asBoolean()).isTrue();
        assertThat(result.get("listener").get("forwardTo").asText()).isEqualTo(result.get("targetGroup").get("arn").asText());
        assertThat(result.get("cluster").get("status").asText()).isEqualTo("ACTIVE");
        assertThat(result.get("taskDefinition").get("arn").asText())
                .isEqualTo("arn:aws:ecs:us-east-1:123456789012:task-definition/web:1");

        JsonNode service = result.get("service");
        assertThat(service.get("rolloutState").asText()).isEqualTo("COMPLETED");
        assertThat(service.get("running").asInt()).isEqualTo(2);
        assertThat(service.get("createdIsDate").asBoolean()).isTrue();
        assertThat(service.get("events").toString()).contains("has reached a steady state.", "registered 2 targets in");
        assertThat(result.get("seconds").asInt()).as("virtual seconds until stable").isBetween(30, 300);
        assertThat(result.get("health")).hasSize(2);
        for (JsonNode target : result.get("health")) {
            assertThat(target.get("state").asText()).isEqualTo("healthy");
            assertThat(target.get("port").asInt()).isEqualTo(80);
            assertThat(target.get("id").asText()).matches("10\\.0\\.\\d+\\.\\d+");
        }
        JsonNode deployments = result.get("deployments");
        assertThat(deployments).hasSize(1);
        assertThat(deployments.get(0).get("status").asText()).isEqualTo("SUCCESSFUL");
        assertThat(deployments.get(0).get("arn").asText())
                .startsWith("arn:aws:ecs:us-east-1:123456789012:service-deployment/prod/web/");

        JsonNode missingCluster = result.get("missingCluster");
        assertThat(missingCluster.get("name").asText()).isEqualTo("ClusterNotFoundException");
        assertThat(missingCluster.get("isClusterNotFound").asBoolean()).isTrue();
        assertThat(missingCluster.get("message").asText()).isEqualTo("Cluster not found.");
        assertThat(missingCluster.get("httpStatus").asInt()).isEqualTo(400);
        JsonNode missingTargetGroup = result.get("missingTargetGroup");
        assertThat(missingTargetGroup.get("name").asText()).isEqualTo("TargetGroupNotFoundException");
        assertThat(missingTargetGroup.get("isTargetGroupNotFound").asBoolean()).isTrue();
        assertThat(missingTargetGroup.get("message").asText()).isEqualTo("One or more target groups not found");

        for (JsonNode exchange : result.get("ecsWire")) {
            assertThat(exchange.get("target").asText()).startsWith("AmazonEC2ContainerServiceV20141113.");
            assertThat(exchange.get("requestContentType").asText()).isEqualTo("application/x-amz-json-1.1");
        }
        for (JsonNode exchange : result.get("elbWire")) {
            assertThat(exchange.get("requestContentType").asText()).isEqualTo("application/x-www-form-urlencoded");
            assertThat(exchange.get("responseContentType").asText()).isEqualTo("text/xml");
        }
    }

    @Test
    void should_create_update_and_delete_an_express_service_through_the_js_sdk() throws Exception {
        JsonNode result;
        try (ServerJar server = ServerJar.start("--clock", "manual")) {
            result = node(server, "express.js");
        }

        JsonNode created = result.get("created");
        assertThat(created.get("arn").asText()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:service/default/api");
        assertThat(created.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(created.get("endpoint").asText()).matches("https://ap-[0-9a-f]{32}\\.ecs\\.us-east-1\\.on\\.aws");
        assertThat(created.get("createdIsDate").asBoolean()).isTrue();
        assertThat(result.get("targetGroups")).hasSize(2);
        for (JsonNode group : result.get("targetGroups")) {
            assertThat(group.get("port").asInt()).isEqualTo(3000);
            assertThat(group.get("type").asText()).isEqualTo("ip");
            assertThat(group.get("path").asText()).isEqualTo("/health");
        }
        assertThat(result.get("listeners").get(0).get("protocol").asText()).isEqualTo("HTTPS");
        assertThat(result.get("listeners").get(0).get("port").asInt()).isEqualTo(443);
        assertThat(result.get("described").get("currentDeployment").asText())
                .contains(":service-deployment/default/api/");
        assertThat(result.get("updated").get("image").asText()).isEqualTo("acme/api:2");
        assertThat(result.get("updated").get("revision").asText())
                .isNotEqualTo(result.get("described").get("revision").asText());
        assertThat(result.get("deleted").asText()).isEqualTo("DRAINING");
        assertThat(result.get("gone").asText()).isEqualTo("INACTIVE");
        assertThat(result.get("missing").get("name").asText()).isEqualTo("ResourceNotFoundException");
        assertThat(result.get("missing").get("httpStatus").asInt()).isEqualTo(400);
    }

    @Test
    void should_run_the_managed_daemons_and_gateway_operations_through_a_2026_js_sdk() throws Exception {
        assumeTrue(nodeMajor() >= 20, "@aws-sdk/client-ecs 3.1178.0 (the Managed Daemons and Gateway commands) needs "
                + "node 20 or later");
        JsonNode result;
        try (ServerJar server = ServerJar.start("--clock", "manual")) {
            result = node(server, "daemons-gateways.js");
        }

        assertThat(result.get("provider").get("type").asText()).isEqualTo("MANAGED_INSTANCES");
        assertThat(result.get("daemonTd").asText()).endsWith(":daemon-task-definition/log-router:1");
        assertThat(result.get("describedTdFamily").asText()).isEqualTo("log-router");
        assertThat(result.get("daemon").get("arn").asText()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:daemon/prod/log-router");
        assertThat(result.get("daemon").get("status").asText()).isEqualTo("ACTIVE");
        // one daemon task on each instance ECS launched for the two web tasks
        assertThat(result.get("daemon").get("running").asInt()).isPositive();
        assertThat(result.get("daemons").asInt()).isEqualTo(1);
        assertThat(result.get("deploymentStatus").asText()).isEqualTo("SUCCESSFUL");
        assertThat(result.get("revisions").asInt()).isEqualTo(1);
        assertThat(result.get("updatedDeployment").asText()).contains(":daemon-deployment/prod/");
        assertThat(result.get("missingDaemon").get("name").asText()).isEqualTo("DaemonNotFoundException");
        assertThat(result.get("gateway").get("arn").asText()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:gateway/edge");
        assertThat(result.get("associated").asText()).isEqualTo("ACTIVE");
        assertThat(result.get("associations").asInt()).isEqualTo(1);
        assertThat(result.get("routes").asInt()).isEqualTo(1);
        assertThat(result.get("routeStatus").asText()).isEqualTo("ACTIVE");
        assertThat(result.get("describedGateway").asText()).isEqualTo("edge");
        assertThat(result.get("gateways").asInt()).isEqualTo(1);
        assertThat(result.get("refused").get("httpStatus").asInt()).isEqualTo(400);
        assertThat(result.get("leaving").asText()).isEqualTo("DISASSOCIATING");
        assertThat(result.get("deletedGateway").asText()).isEqualTo("DELETED");
        assertThat(result.get("missingGateway").get("name").asText()).isEqualTo("GatewayNotFoundException");
        assertThat(result.get("deletedDaemon").asText()).isEqualTo("DELETE_IN_PROGRESS");
        assertThat(result.get("deletedTd").asText()).isEqualTo(result.get("daemonTd").asText());
    }

    @Test
    void should_run_a_canary_deployment_with_a_hook_and_roll_back_on_an_alarm_through_the_js_sdk() throws Exception {
        JsonNode result;
        try (ServerJar server = ServerJar.start("--clock", "manual")) {
            result = node(server, "deployments.js");
        }

        // the first deployment goes green into the alternate target group and takes production in two steps
        JsonNode first = result.get("first");
        assertThat(first.get("status").asText()).isEqualTo("SUCCESSFUL");
        assertThat(first.get("greenWeights").toString()).isEqualTo("[0,10,100]");
        assertThat(first.get("stages").toString()).contains("\"SCALE_UP\"", "\"PRODUCTION_TRAFFIC_SHIFT\"",
                "\"BAKE_TIME\"", "\"CLEAN_UP\"");
        // the second lands in the service's own group: the groups swap roles
        JsonNode good = result.get("good");
        assertThat(good.get("status").asText()).isEqualTo("SUCCESSFUL");
        assertThat(good.get("strategy").asText()).isEqualTo("CANARY");
        assertThat(good.get("blueWeights").toString()).isEqualTo("[0,10,100]");
        // the third waits at its hook, then the alarm fires at 10 % and ECS rolls back
        JsonNode bad = result.get("bad");
        assertThat(bad.get("waitingAtGate").get("stage").asText()).isEqualTo("POST_SCALE_UP");
        assertThat(bad.get("waitingAtGate").get("status").asText()).isEqualTo("IN_PROGRESS");
        // (lifecycleHookDetails came with PAUSE hooks in 2026; the pinned JS SDK does not know the field yet)
        assertThat(bad.get("alarmSet").asBoolean()).isTrue();
        assertThat(bad.get("status").asText()).isEqualTo("ROLLBACK_SUCCESSFUL");
        assertThat(bad.get("alarms").get("status").asText()).isEqualTo("TRIGGERED");
        assertThat(bad.get("alarms").get("triggeredAlarmNames").toString()).isEqualTo("[\"shop-5xx\"]");
        assertThat(bad.get("rollbackReason").asText()).contains("alarm(s) shop-5xx in ALARM state.");
        assertThat(bad.get("blueWeights").toString()).isEqualTo("[100,90,100]");
        // a hook answering FAILED rolls back before any traffic moves; a user's StopServiceDeployment at 10 % too
        JsonNode hookFailed = result.get("hookFailed");
        assertThat(hookFailed.get("status").asText()).isEqualTo("ROLLBACK_SUCCESSFUL");
        assertThat(hookFailed.get("rollbackReason").asText()).contains("lifecycle hook " + "arn:aws:lambda:us-east-1:"
                + "123456789012:function:gate failed at POST_SCALE_UP.");
        JsonNode userStopped = result.get("userStopped");
        assertThat(userStopped.get("stopped").asBoolean()).isTrue();
        assertThat(userStopped.get("status").asText()).isEqualTo("ROLLBACK_SUCCESSFUL");
        assertThat(userStopped.get("blueWeights").toString()).isEqualTo("[100,90,100]");
        assertThat(result.get("finalWeights").get("blue").asInt()).isEqualTo(100);
        assertThat(result.get("runningTaskDefinitions").toString()).isEqualTo("[\"shop:2\"]");
        assertThat(result.get("events").toString()).contains("rolling back to deployment ecs-svc/");
    }
}
