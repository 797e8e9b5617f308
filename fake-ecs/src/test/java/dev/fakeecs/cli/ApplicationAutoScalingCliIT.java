package dev.fakeecs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code aws application-autoscaling} (botocore: AWS JSON 1.1, {@code AnyScaleFrontendService}) against the runnable
 * jar, with both CLIs this machine may have (the one on the PATH, and Debian's {@code /usr/bin/aws} 2.9, whose model
 * predates {@code ScalableTargetARN} and so prints nothing for RegisterScalableTarget): registering an ECS service, a target tracking policy whose two alarms {@code aws cloudwatch} then sees, the
 * describes, and AWS's errors as the CLI prints them.
 */
class ApplicationAutoScalingCliIT {

    private static ServerJar server;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Commands.available(Commands.aws(), "--version"), "the AWS CLI is not installed");
        server = ServerJar.start();
        String aws = Commands.aws();
        cli(aws, "ecs", "create-cluster", "--cluster-name", "prod");
        cli(aws, "ecs", "register-task-definition", "--family", "orders", "--requires-compatibilities", "FARGATE",
                "--network-mode", "awsvpc", "--cpu", "256", "--memory", "512",
                "--container-definitions", "[{\"name\":\"orders\",\"image\":\"acme/orders:1\",\"essential\":true}]");
        cli(aws, "ecs", "create-service", "--cluster", "prod", "--service-name", "orders", "--task-definition", "orders",
                "--desired-count", "1", "--launch-type", "FARGATE",
                "--network-configuration", "awsvpcConfiguration={subnets=[subnet-a]}");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static Commands.Result cli(String aws, String service, String... args) throws Exception {
        assumeTrue(Commands.available(aws, "--version"), aws + " is not installed");
        List<String> command = new ArrayList<>(List.of(aws, "--endpoint-url", server.endpoint().toString(),
                "--region", "us-east-1", "--output", "json", service));
        command.addAll(List.of(args));
        return Commands.exec(command);
    }

    private static JsonNode ok(Commands.Result result) throws Exception {
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        return result.stdout().isBlank() ? Commands.json("{}") : Commands.json(result.stdout());
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws", "/usr/bin/aws"})
    void should_register_a_service_and_create_a_target_tracking_policy_with_its_alarms(String aws) throws Exception {
        JsonNode registered = ok(cli(aws, "application-autoscaling", "register-scalable-target", "--service-namespace", "ecs",
                "--resource-id", "service/prod/orders", "--scalable-dimension", "ecs:service:DesiredCount",
                "--min-capacity", "2", "--max-capacity", "10"));
        JsonNode policy = ok(cli(aws, "application-autoscaling", "put-scaling-policy", "--service-namespace", "ecs",
                "--resource-id", "service/prod/orders", "--scalable-dimension", "ecs:service:DesiredCount",
                "--policy-name", "cpu60", "--policy-type", "TargetTrackingScaling",
                "--target-tracking-scaling-policy-configuration",
                "{\"TargetValue\": 60.0, \"PredefinedMetricSpecification\": "
                        + "{\"PredefinedMetricType\": \"ECSServiceAverageCPUUtilization\"}}"));
        JsonNode targets = ok(cli(aws, "application-autoscaling", "describe-scalable-targets", "--service-namespace", "ecs"));
        JsonNode alarms = ok(cli(aws, "cloudwatch", "describe-alarms", "--alarm-name-prefix", "TargetTracking-service/prod/orders"));
        JsonNode service = ok(cli(aws, "ecs", "describe-services", "--cluster", "prod", "--services", "orders"));

        if (registered.has("ScalableTargetARN")) {
            assertThat(registered.get("ScalableTargetARN").asText()).startsWith("arn:aws:application-autoscaling:us-east-1:");
        }
        assertThat(policy.get("PolicyARN").asText()).endsWith(":resource/ecs/service/prod/orders:policyName/cpu60");
        assertThat(policy.get("Alarms")).hasSize(2);
        assertThat(targets.get("ScalableTargets").get(0).get("MinCapacity").asInt()).isEqualTo(2);
        assertThat(alarms.get("MetricAlarms")).hasSize(2);
        assertThat(alarms.get("MetricAlarms").get(0).get("AlarmActions").get(0).asText())
                .isEqualTo(policy.get("PolicyARN").asText());
        assertThat(service.get("services").get(0).get("desiredCount").asInt()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws", "/usr/bin/aws"})
    void should_print_aws_errors(String aws) throws Exception {
        Commands.Result noService = cli(aws, "application-autoscaling", "register-scalable-target", "--service-namespace",
                "ecs", "--resource-id", "service/prod/ghost", "--scalable-dimension", "ecs:service:DesiredCount",
                "--min-capacity", "1", "--max-capacity", "2");
        Commands.Result noTarget = cli(aws, "application-autoscaling", "deregister-scalable-target", "--service-namespace",
                "ecs", "--resource-id", "service/prod/none", "--scalable-dimension", "ecs:service:DesiredCount");

        assertThat(noService.exitCode()).isNotZero();
        assertThat(noService.stderr()).contains("An error occurred (ValidationException) when calling the "
                + "RegisterScalableTarget operation: ECS service doesn't exist: service/prod/ghost");
        assertThat(noTarget.stderr()).contains("An error occurred (ObjectNotFoundException) when calling the "
                + "DeregisterScalableTarget operation: No scalable target registered for service namespace: ecs, "
                + "resource ID: service/prod/none, scalable dimension: ecs:service:DesiredCount");
    }
}
