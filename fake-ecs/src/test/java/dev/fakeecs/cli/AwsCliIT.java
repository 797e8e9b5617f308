package dev.fakeecs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The seed's own AWS CLI commands against the runnable jar in auto clock mode (every request moves
 * virtual time 120 s, so {@code aws ecs wait services-stable} succeeds on its first poll).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AwsCliIT {

    private static final String ACCOUNT = "arn:aws:ecs:us-east-1:123456789012:";
    private static ServerJar server;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Commands.available(Commands.aws(), "--version"), "the AWS CLI is not installed (apt-get install awscli)");
        server = ServerJar.start("--clock", "auto:120");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static String aws(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Commands.aws(), "--endpoint-url", server.endpoint().toString(),
                "--output", "json", "ecs"));
        command.addAll(List.of(args));
        return Commands.run(command);
    }

    @Test
    @Order(1)
    void should_create_the_production_cluster_with_fargate_and_spot_and_the_default_strategy() throws Exception {
        JsonNode cluster = Commands.json(aws("create-cluster", "--cluster-name", "production",
                "--capacity-providers", "FARGATE", "FARGATE_SPOT",
                "--default-capacity-provider-strategy", "capacityProvider=FARGATE,weight=1,base=2",
                "capacityProvider=FARGATE_SPOT,weight=4")).get("cluster");

        assertThat(cluster.get("clusterArn").asText()).isEqualTo(ACCOUNT + "cluster/production");
        assertThat(cluster.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(cluster.get("capacityProviders").toString()).isEqualTo("[\"FARGATE\",\"FARGATE_SPOT\"]");
        JsonNode strategy = cluster.get("defaultCapacityProviderStrategy");
        assertThat(strategy.get(0).get("capacityProvider").asText()).isEqualTo("FARGATE");
        assertThat(strategy.get(0).get("base").asInt()).isEqualTo(2);
        assertThat(strategy.get(1).get("capacityProvider").asText()).isEqualTo("FARGATE_SPOT");
        assertThat(strategy.get(1).get("weight").asInt()).isEqualTo(4);
    }

    @Test
    @Order(2)
    void should_list_and_describe_the_cluster_with_every_include() throws Exception {
        JsonNode list = Commands.json(aws("list-clusters"));
        assertThat(list.get("clusterArns").toString()).contains(ACCOUNT + "cluster/production");

        JsonNode described = Commands.json(aws("describe-clusters", "--clusters", "production",
                "--include", "ATTACHMENTS", "CONFIGURATIONS", "SETTINGS", "STATISTICS", "TAGS"));
        JsonNode cluster = described.get("clusters").get(0);
        assertThat(cluster.get("clusterName").asText()).isEqualTo("production");
        assertThat(cluster.get("statistics").isArray()).isTrue();
        assertThat(cluster.get("statistics").toString()).contains("runningFargateTasksCount");
        assertThat(cluster.get("settings").toString()).contains("containerInsights");
        assertThat(described.get("failures").size()).isZero();
    }

    @Test
    @Order(3)
    void should_run_a_service_and_wait_until_it_is_stable() throws Exception {
        aws("register-task-definition", "--family", "myapp", "--requires-compatibilities", "FARGATE",
                "--network-mode", "awsvpc", "--cpu", "256", "--memory", "512",
                "--container-definitions", "[{\"name\":\"myapp\",\"image\":\"nginx:latest\",\"essential\":true}]");
        JsonNode service = Commands.json(aws("create-service", "--cluster", "production", "--service-name", "web",
                "--task-definition", "myapp", "--desired-count", "2",
                "--network-configuration", "awsvpcConfiguration={subnets=[subnet-a],assignPublicIp=ENABLED}"))
                .get("service");
        assertThat(service.get("serviceArn").asText()).isEqualTo(ACCOUNT + "service/production/web");

        aws("wait", "services-stable", "--cluster", "production", "--services", "web");

        JsonNode after = Commands.json(aws("describe-services", "--cluster", "production", "--services", "web"))
                .get("services").get(0);
        assertThat(after.get("runningCount").asInt()).isEqualTo(2);
        assertThat(after.get("deployments").size()).isEqualTo(1);
    }

    @Test
    @Order(4)
    void should_list_services_and_tasks_and_describe_a_task_with_query() throws Exception {
        JsonNode services = Commands.json(aws("list-services", "--cluster", "production"));
        assertThat(services.get("serviceArns").toString()).isEqualTo("[\"" + ACCOUNT + "service/production/web\"]");

        JsonNode tasks = Commands.json(aws("list-tasks", "--cluster", "production"));
        assertThat(tasks.get("taskArns").size()).isEqualTo(2);

        String taskArn = aws("list-tasks", "--cluster", "production", "--query", "taskArns[0]", "--output", "text")
                .trim();
        assertThat(taskArn).matches("arn:aws:ecs:us-east-1:123456789012:task/production/[0-9a-f]{32}");

        JsonNode task = Commands.json(aws("describe-tasks", "--cluster", "production", "--tasks", taskArn))
                .get("tasks").get(0);
        assertThat(task.get("taskArn").asText()).isEqualTo(taskArn);
        assertThat(task.get("lastStatus").asText()).isEqualTo("RUNNING");
        assertThat(task.get("group").asText()).isEqualTo("service:web");
        assertThat(task.get("capacityProviderName").asText()).isIn("FARGATE", "FARGATE_SPOT");

        String status = aws("describe-tasks", "--cluster", "production", "--tasks", taskArn,
                "--query", "tasks[0].lastStatus", "--output", "text").trim();
        assertThat(status).isEqualTo("RUNNING");
    }

    @Test
    @Order(5)
    void should_report_the_real_error_for_an_unknown_cluster() throws Exception {
        JsonNode described = Commands.json(aws("describe-clusters", "--clusters", "nope"));
        assertThat(described.get("failures").get(0).get("reason").asText()).isEqualTo("MISSING");
        assertThat(described.get("failures").get(0).get("arn").asText()).isEqualTo(ACCOUNT + "cluster/nope");
    }
}
