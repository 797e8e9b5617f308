package dev.fakeecs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * boto3 scripts (src/test/resources/cli/elb_*.py) against the runnable jar in manual clock mode, the clock moved
 * through the control API: a rolling deployment behind an ALB target group, and a deployment of an image whose
 * application answers 500 rolled back by the circuit breaker after failing ELB health checks.
 */
class Boto3LoadBalancerIT {

    private static final Path SCRIPTS = Path.of("src/test/resources/cli");

    @BeforeEach
    void needsBoto3() {
        assumeTrue(Commands.available(Commands.python(), "-c", "import boto3"),
                "boto3 is not installed (apt-get install python3-boto3)");
    }

    private static JsonNode script(String name) throws Exception {
        try (ServerJar server = ServerJar.start("--clock", "manual")) {
            return Commands.json(Commands.run(List.of(Commands.python(), SCRIPTS.resolve(name).toString(),
                    server.endpoint().toString())));
        }
    }

    @Test
    void should_complete_a_rolling_deployment_behind_a_target_group() throws Exception {
        JsonNode result = script("elb_rolling_deployment.py");

        assertThat(result.get("rolloutState").asText()).isEqualTo("COMPLETED");
        assertThat(result.get("sawInProgress").asBoolean()).isTrue();
        assertThat(result.get("taskDefinition").asText()).endsWith("task-definition/web:2");
        assertThat(result.get("deploymentCount").asInt()).isEqualTo(1);
        assertThat(result.get("images").toString()).isEqualTo("[\"nginx:2\"]");
        assertThat(result.get("healthy")).as("every running task is a healthy target").isEqualTo(result.get("taskIps"));
        assertThat(result.get("healthy")).hasSize(3);
        assertThat(result.get("events").toString()).contains("deregistered 3 targets in (target-group",
                "has begun draining connections on 3 tasks.");
    }

    @Test
    void should_roll_back_an_image_answering_500_after_it_fails_elb_health_checks() throws Exception {
        JsonNode result = script("elb_bad_image_rollback.py");

        assertThat(result.get("primaryTaskDefinition").asText()).endsWith("task-definition/web:1");
        assertThat(result.get("primaryState").asText()).isEqualTo("COMPLETED");
        assertThat(result.get("running").asInt()).isEqualTo(2);
        assertThat(result.get("reasons").toString()).contains("Target.ResponseCodeMismatch");
        assertThat(result.get("stopReasons").get(0).asText()).startsWith("Task failed ELB health checks in (target-group ");
        assertThat(result.get("events").toString()).contains("due to (reason Health checks failed with these codes: [500])",
                "deployment failed: tasks failed to start.", "rolling back to deployment ecs-svc/");
    }
}
