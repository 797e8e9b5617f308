package dev.fakeecs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code aws elbv2} and {@code aws ecs create-service --load-balancers} against the runnable jar in manual clock
 * mode, the clock moved through {@code POST /_fake-ecs/clock/advance}. Subnets are named after their zones
 * ({@code subnet-us-east-1a}) so the load balancer and the Fargate tasks agree on zones.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AwsCliLoadBalancerIT {

    private static final String SUBNETS_ECS = "awsvpcConfiguration={subnets=[subnet-us-east-1a,subnet-us-east-1b]}";
    private static ServerJar server;
    private static String loadBalancerArn;
    private static String targetGroupArn;
    private static String listenerArn;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Commands.available(Commands.aws(), "--version"), "the AWS CLI is not installed (apt-get install awscli)");
        server = ServerJar.start("--clock", "manual");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static List<String> command(String service, String... args) {
        List<String> command = new ArrayList<>(List.of(Commands.aws(), "--endpoint-url", server.endpoint().toString(),
                "--output", "json", service));
        command.addAll(List.of(args));
        return command;
    }

    private static JsonNode elbv2(String... args) throws Exception {
        return Commands.json(Commands.run(command("elbv2", args)));
    }

    private static JsonNode ecs(String... args) throws Exception {
        return Commands.json(Commands.run(command("ecs", args)));
    }

    private static void advance(int seconds) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server.endpoint() + "/_fake-ecs/clock/advance"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"seconds\": " + seconds + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @Test
    @Order(1)
    void should_create_a_load_balancer_a_target_group_and_two_listeners() throws Exception {
        JsonNode lb = elbv2("create-load-balancer", "--name", "web-alb", "--subnets", "subnet-us-east-1a",
                "subnet-us-east-1b").get("LoadBalancers").get(0);
        loadBalancerArn = lb.get("LoadBalancerArn").asText();
        assertThat(loadBalancerArn).matches("arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web-alb/[0-9a-f]{16}");
        assertThat(lb.get("State").get("Code").asText()).isEqualTo("provisioning");
        assertThat(lb.get("AvailabilityZones").toString()).contains("us-east-1a", "us-east-1b");

        JsonNode tg = elbv2("create-target-group", "--name", "web-tg", "--protocol", "HTTP", "--port", "80",
                "--vpc-id", "vpc-1", "--target-type", "ip", "--health-check-path", "/health",
                "--health-check-interval-seconds", "10", "--healthy-threshold-count", "2").get("TargetGroups").get(0);
        targetGroupArn = tg.get("TargetGroupArn").asText();
        assertThat(tg.get("HealthCheckIntervalSeconds").asInt()).isEqualTo(10);
        assertThat(tg.get("UnhealthyThresholdCount").asInt()).isEqualTo(2);
        assertThat(tg.get("Matcher").get("HttpCode").asText()).isEqualTo("200");

        listenerArn = elbv2("create-listener", "--load-balancer-arn", loadBalancerArn, "--protocol", "HTTP", "--port", "80",
                "--default-actions", "Type=forward,TargetGroupArn=" + targetGroupArn).get("Listeners").get(0)
                .get("ListenerArn").asText();
        elbv2("create-listener", "--load-balancer-arn", loadBalancerArn, "--protocol", "HTTP", "--port", "8080",
                "--default-actions", "Type=fixed-response,FixedResponseConfig={StatusCode=404}");

        JsonNode described = elbv2("describe-target-groups", "--names", "web-tg").get("TargetGroups").get(0);
        assertThat(described.get("LoadBalancerArns").toString()).isEqualTo("[\"" + loadBalancerArn + "\"]");
    }

    @Test
    @Order(2)
    void should_page_listeners_by_marker_and_describe_the_default_rule() throws Exception {
        // the CLI hands --page-size to ELB's own PageSize and does not follow NextMarker itself
        JsonNode first = elbv2("describe-listeners", "--load-balancer-arn", loadBalancerArn, "--page-size", "1");
        assertThat(first.get("Listeners")).hasSize(1);
        assertThat(first.get("Listeners").get(0).get("Port").asInt()).isEqualTo(80);
        String marker = first.get("NextMarker").asText();
        JsonNode second = elbv2("describe-listeners", "--load-balancer-arn", loadBalancerArn, "--page-size", "1",
                "--marker", marker);
        assertThat(second.get("Listeners").get(0).get("Port").asInt()).isEqualTo(8080);
        assertThat(second.has("NextMarker")).isFalse();
        assertThat(elbv2("describe-listeners", "--load-balancer-arn", loadBalancerArn).get("Listeners")).hasSize(2);

        JsonNode rule = elbv2("describe-rules", "--listener-arn", listenerArn).get("Rules").get(0);
        assertThat(rule.get("Priority").asText()).isEqualTo("default");
        assertThat(rule.get("IsDefault").asBoolean()).isTrue();
        assertThat(rule.get("Actions").get(0).get("TargetGroupArn").asText()).isEqualTo(targetGroupArn);
        assertThat(rule.get("Actions").get(0).get("ForwardConfig").get("TargetGroups").get(0).get("Weight").asInt())
                .isEqualTo(1);
    }

    @Test
    @Order(3)
    void should_modify_attributes_and_give_elbs_errors() throws Exception {
        JsonNode attributes = elbv2("modify-target-group-attributes", "--target-group-arn", targetGroupArn,
                "--attributes", "Key=deregistration_delay.timeout_seconds,Value=30").get("Attributes");
        assertThat(attributes.toString()).contains("{\"Key\":\"deregistration_delay.timeout_seconds\",\"Value\":\"30\"}")
                .contains("slow_start.duration_seconds");

        assertThat(Commands.runFailing(command("elbv2", "modify-target-group-attributes", "--target-group-arn",
                targetGroupArn, "--attributes", "Key=deregistration_delay.timeout_seconds,Value=5000")))
                .contains("An error occurred (ValidationError) when calling the ModifyTargetGroupAttributes operation: "
                        + "'deregistration_delay.timeout_seconds' value '5000' must be between '0-3600' inclusive");
        assertThat(Commands.runFailing(command("elbv2", "delete-target-group", "--target-group-arn", targetGroupArn)))
                .contains("An error occurred (ResourceInUse) when calling the DeleteTargetGroup operation: The target group '"
                        + targetGroupArn + "' is currently in use by a listener or a rule");
        assertThat(Commands.runFailing(command("elbv2", "describe-target-groups", "--names", "nope")))
                .contains("(TargetGroupNotFound)", "One or more target groups not found");
    }

    @Test
    @Order(4)
    void should_run_a_service_behind_the_target_group_until_its_targets_are_in_service() throws Exception {
        ecs("create-cluster", "--cluster-name", "prod");
        ecs("register-task-definition", "--family", "web", "--requires-compatibilities", "FARGATE",
                "--network-mode", "awsvpc", "--cpu", "256", "--memory", "512", "--container-definitions",
                "[{\"name\":\"web\",\"image\":\"nginx:1\",\"essential\":true,\"portMappings\":[{\"containerPort\":80}]}]");
        assertThat(Commands.runFailing(command("ecs", "create-service", "--cluster", "prod", "--service-name", "bad",
                "--task-definition", "web", "--desired-count", "1", "--launch-type", "FARGATE",
                "--network-configuration", SUBNETS_ECS, "--load-balancers",
                "targetGroupArn=" + targetGroupArn + ",containerName=web,containerPort=81")))
                .contains("(InvalidParameterException)", "The container web did not have a container port 81 defined.");

        JsonNode service = ecs("create-service", "--cluster", "prod", "--service-name", "web", "--task-definition", "web",
                "--desired-count", "2", "--launch-type", "FARGATE", "--network-configuration", SUBNETS_ECS,
                "--health-check-grace-period-seconds", "30", "--load-balancers",
                "targetGroupArn=" + targetGroupArn + ",containerName=web,containerPort=80").get("service");
        assertThat(service.get("loadBalancers").get(0).get("targetGroupArn").asText()).isEqualTo(targetGroupArn);
        assertThat(service.get("healthCheckGracePeriodSeconds").asInt()).isEqualTo(30);

        // aws elbv2 wait target-in-service polls every 15 s of wall time; here the clock moves instead
        JsonNode health = null;
        for (int step = 0; step < 30; step++) {
            advance(15);
            health = elbv2("describe-target-health", "--target-group-arn", targetGroupArn).get("TargetHealthDescriptions");
            if (health.size() == 2 && health.get(0).get("TargetHealth").get("State").asText().equals("healthy")
                    && health.get(1).get("TargetHealth").get("State").asText().equals("healthy")) {
                break;
            }
        }
        assertThat(health).hasSize(2).allSatisfy(d -> assertThat(d.get("TargetHealth").get("State").asText()).isEqualTo("healthy"));
        Commands.run(command("elbv2", "wait", "target-in-service", "--target-group-arn", targetGroupArn)); // first poll passes

        JsonNode tasks = ecs("describe-tasks", "--cluster", "prod", "--tasks",
                ecs("list-tasks", "--cluster", "prod").get("taskArns").get(0).asText()).get("tasks");
        String ip = null;
        for (JsonNode detail : tasks.get(0).get("attachments").get(0).get("details")) {
            if (detail.get("name").asText().equals("privateIPv4Address")) {
                ip = detail.get("value").asText();
            }
        }
        assertThat(health.toString()).contains("\"Id\":\"" + ip + "\"", "\"Port\":80");
        JsonNode described = ecs("describe-services", "--cluster", "prod", "--services", "web").get("services").get(0);
        assertThat(described.get("runningCount").asInt()).isEqualTo(2);
        assertThat(described.get("events").toString())
                .contains("(service web) registered 2 targets in (target-group " + targetGroupArn + ")");
    }
}
