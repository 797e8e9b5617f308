package dev.fakeecs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every policy type of Application Auto Scaling scaling an ECS service, configured with the AWS CLI against the
 * runnable jar on a manual clock (moved through {@code POST /_fake-ecs/clock/advance}): target tracking driven by the
 * load the control API declares ({@code POST /_fake-ecs/load}), step scaling driven by a user alarm on a custom metric
 * the CLI publishes, and a one-time scheduled action; each visible as ECS's desired count and as scaling activities.
 */
class ApplicationAutoScalingPoliciesCliIT {

    private static ServerJar server;
    private static String aws;

    @BeforeAll
    static void start() throws Exception {
        aws = Commands.aws();
        assumeTrue(Commands.available(aws, "--version"), "the AWS CLI is not installed");
        server = ServerJar.start("--clock", "manual");
        ok(cli("ecs", "create-cluster", "--cluster-name", "prod"));
        ok(cli("ecs", "register-task-definition", "--family", "app", "--requires-compatibilities", "FARGATE",
                "--network-mode", "awsvpc", "--cpu", "256", "--memory", "512",
                "--container-definitions", "[{\"name\":\"app\",\"image\":\"acme/app:1\",\"essential\":true}]"));
        for (String service : List.of("orders", "billing", "reports")) {
            ok(cli("ecs", "create-service", "--cluster", "prod", "--service-name", service, "--task-definition", "app",
                    "--desired-count", service.equals("orders") ? "2" : "1", "--launch-type", "FARGATE",
                    "--network-configuration", "awsvpcConfiguration={subnets=[subnet-a]}"));
        }
        post("/_fake-ecs/clock/advance", "{\"seconds\": 180}");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static Commands.Result cli(String service, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(aws, "--endpoint-url", server.endpoint().toString(),
                "--region", "us-east-1", "--output", "json", service));
        command.addAll(List.of(args));
        return Commands.exec(command);
    }

    private static JsonNode ok(Commands.Result result) throws Exception {
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        return result.stdout().isBlank() ? Commands.json("{}") : Commands.json(result.stdout());
    }

    private static JsonNode post(String path, String body) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server.endpoint() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Commands.json(r.body());
    }

    private static Instant now() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.endpoint() + "/_fake-ecs/clock")).GET().build(), HttpResponse.BodyHandlers.ofString());
        return Instant.parse(Commands.json(r.body()).get("now").asText());
    }

    private static int desired(String service) throws Exception {
        return ok(cli("ecs", "describe-services", "--cluster", "prod", "--services", service))
                .get("services").get(0).get("desiredCount").asInt();
    }

    private static void register(String service, int min, int max) throws Exception {
        ok(cli("application-autoscaling", "register-scalable-target", "--service-namespace", "ecs",
                "--resource-id", "service/prod/" + service, "--scalable-dimension", "ecs:service:DesiredCount",
                "--min-capacity", Integer.toString(min), "--max-capacity", Integer.toString(max)));
    }

    private static JsonNode activities(String service) throws Exception {
        return ok(cli("application-autoscaling", "describe-scaling-activities", "--service-namespace", "ecs",
                "--resource-id", "service/prod/" + service)).get("ScalingActivities");
    }

    @Test
    void target_tracking_scales_out_on_the_load_the_control_api_declares() throws Exception {
        register("orders", 2, 10);
        ok(cli("application-autoscaling", "put-scaling-policy", "--service-namespace", "ecs",
                "--resource-id", "service/prod/orders", "--scalable-dimension", "ecs:service:DesiredCount",
                "--policy-name", "cpu60", "--policy-type", "TargetTrackingScaling",
                "--target-tracking-scaling-policy-configuration",
                "{\"TargetValue\": 60.0, \"PredefinedMetricSpecification\": "
                        + "{\"PredefinedMetricType\": \"ECSServiceAverageCPUUtilization\"}}"));

        // 120 requests a second on 2 tasks serving 50 each at full CPU: 120 % CPU
        post("/_fake-ecs/load", "{\"cluster\": \"prod\", \"service\": \"orders\", \"requestsPerSecond\": 120, "
                + "\"requestsPerTaskAtFullCpu\": 50}");
        post("/_fake-ecs/clock/advance", "{\"seconds\": 300}");

        // ceil(2 x 120 / 60)
        assertThat(desired("orders")).isEqualTo(4);
        JsonNode activity = activities("orders").get(0);
        assertThat(activity.get("StatusCode").asText()).isEqualTo("Successful");
        assertThat(activity.get("Description").asText()).isEqualTo("Setting desired count to 4.");
        assertThat(activity.get("Cause").asText()).startsWith("monitor alarm TargetTracking-service/prod/orders-AlarmHigh-")
                .endsWith(" in state ALARM triggered policy cpu60");
    }

    @Test
    void step_scaling_follows_a_user_alarm_on_a_custom_metric() throws Exception {
        register("billing", 1, 10);
        String policyArn = ok(cli("application-autoscaling", "put-scaling-policy", "--service-namespace", "ecs",
                "--resource-id", "service/prod/billing", "--scalable-dimension", "ecs:service:DesiredCount",
                "--policy-name", "queue-high", "--policy-type", "StepScaling",
                "--step-scaling-policy-configuration", "{\"AdjustmentType\": \"ChangeInCapacity\", "
                        + "\"StepAdjustments\": [{\"MetricIntervalLowerBound\": 0, \"ScalingAdjustment\": 3}], "
                        + "\"Cooldown\": 60}")).get("PolicyARN").asText();
        ok(cli("cloudwatch", "put-metric-alarm", "--alarm-name", "billing-queue-high", "--namespace", "Billing",
                "--metric-name", "QueueDepth", "--statistic", "Average", "--period", "60", "--evaluation-periods", "1",
                "--threshold", "100", "--comparison-operator", "GreaterThanThreshold", "--alarm-actions", policyArn));

        ok(cli("cloudwatch", "put-metric-data", "--namespace", "Billing", "--metric-name", "QueueDepth",
                "--value", "500", "--timestamp", now().toString()));
        post("/_fake-ecs/clock/advance", "{\"seconds\": 120}");

        assertThat(ok(cli("cloudwatch", "describe-alarms", "--alarm-names", "billing-queue-high"))
                .get("MetricAlarms").get(0).get("StateValue").asText()).isEqualTo("ALARM");
        assertThat(desired("billing")).isEqualTo(4);
        assertThat(activities("billing").get(0).get("Cause").asText())
                .isEqualTo("monitor alarm billing-queue-high in state ALARM triggered policy queue-high");
    }

    @Test
    void a_scheduled_action_raises_the_minimum_at_its_time() throws Exception {
        register("reports", 1, 10);
        Instant at = now().plusSeconds(600);
        ok(cli("application-autoscaling", "put-scheduled-action", "--service-namespace", "ecs",
                "--resource-id", "service/prod/reports", "--scalable-dimension", "ecs:service:DesiredCount",
                "--scheduled-action-name", "month-end", "--schedule",
                "at(" + at.toString().substring(0, 19) + ")",
                "--scalable-target-action", "MinCapacity=3,MaxCapacity=10"));
        assertThat(ok(cli("application-autoscaling", "describe-scheduled-actions", "--service-namespace", "ecs"))
                .get("ScheduledActions").get(0).get("Schedule").asText()).startsWith("at(");

        post("/_fake-ecs/clock/advance", "{\"seconds\": 599}");
        assertThat(desired("reports")).isEqualTo(1);
        post("/_fake-ecs/clock/advance", "{\"seconds\": 2}");

        assertThat(desired("reports")).isEqualTo(3);
        JsonNode target = ok(cli("application-autoscaling", "describe-scalable-targets", "--service-namespace", "ecs",
                "--resource-ids", "service/prod/reports")).get("ScalableTargets").get(0);
        assertThat(target.get("MinCapacity").asInt()).isEqualTo(3);
    }
}
