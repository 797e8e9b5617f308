package dev.fakeecs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The four Express Gateway operations with the AWS CLI against the runnable jar (manual clock, moved through
 * {@code POST /_fake-ecs/clock/advance}): create, the load balancer and scaling it made as {@code aws elbv2} and
 * {@code aws application-autoscaling} see them, describe, update, delete, and an error as the CLI prints it. It needs
 * a CLI whose model has the Express operations (botocore 1.42 or later: the {@code aws} on the PATH here; Debian's
 * {@code /usr/bin/aws} 2.9 predates them), and is skipped with the reason otherwise.
 */
class ExpressGatewayCliIT {

    private static final String EXEC = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole";
    private static final String INFRA = "arn:aws:iam::123456789012:role/ecsInfrastructureRoleForExpressServices";

    private static ServerJar server;
    private static String aws;

    @BeforeAll
    static void start() throws Exception {
        aws = expressCapableCli();
        assumeTrue(aws != null, "no AWS CLI with the Express Gateway operations (aws ecs create-express-gateway-service)");
        server = ServerJar.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static String expressCapableCli() {
        for (String candidate : List.of("aws", "/usr/bin/aws")) {
            if (Commands.available(candidate, "ecs", "create-express-gateway-service", "help")) {
                return candidate;
            }
        }
        return null;
    }

    private static Commands.Result cli(String service, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(aws, "--endpoint-url", server.endpoint().toString(),
                "--region", "us-east-1", "--output", "json", service));
        command.addAll(List.of(args));
        return Commands.exec(command);
    }

    private static JsonNode ok(Commands.Result result) throws Exception {
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        return Commands.json(result.stdout());
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
    void should_create_describe_update_and_delete_an_express_service() throws Exception {
        // create
        JsonNode created = ok(cli("ecs", "create-express-gateway-service", "--execution-role-arn", EXEC,
                "--infrastructure-role-arn", INFRA, "--service-name", "shop",
                "--primary-container", "{\"image\": \"acme/shop:1\", \"containerPort\": 8080}",
                "--scaling-target", "{\"minTaskCount\": 2, \"maxTaskCount\": 4}")).get("service");
        String arn = created.get("serviceArn").asText();
        assertThat(arn).endsWith(":service/default/shop");
        assertThat(created.get("status").get("statusCode").asText()).isEqualTo("ACTIVE");
        String endpoint = created.get("activeConfigurations").get(0).get("ingressPaths").get(0).get("endpoint").asText();
        assertThat(endpoint).matches("https://sh-[0-9a-f]{32}\\.ecs\\.us-east-1\\.on\\.aws");

        // what it made, through the neighbours' own APIs
        JsonNode groups = ok(cli("elbv2", "describe-target-groups")).get("TargetGroups");
        assertThat(groups).hasSize(2);
        assertThat(groups.get(0).get("Port").asInt()).isEqualTo(8080);
        assertThat(groups.get(0).get("TargetType").asText()).isEqualTo("ip");
        JsonNode targets = ok(cli("application-autoscaling", "describe-scalable-targets", "--service-namespace", "ecs"))
                .get("ScalableTargets");
        assertThat(targets.get(0).get("ResourceId").asText()).isEqualTo("service/default/shop");
        assertThat(targets.get(0).get("MinCapacity").asInt()).isEqualTo(2);

        // describe, after the resources are provisioned and the tasks run
        advance(900);
        JsonNode described = ok(cli("ecs", "describe-express-gateway-service", "--service-arn", arn)).get("service");
        assertThat(described.get("currentDeployment").asText()).contains(":service-deployment/default/shop/");
        JsonNode service = ok(cli("ecs", "describe-services", "--cluster", "default", "--services", "shop"))
                .get("services").get(0);
        assertThat(service.get("runningCount").asInt()).isEqualTo(2);
        JsonNode revision = ok(cli("ecs", "describe-service-revisions", "--service-revision-arns",
                described.get("activeConfigurations").get(0).get("serviceRevisionArn").asText()))
                .get("serviceRevisions").get(0);
        assertThat(revision.get("ecsManagedResources").get("ingressPaths").get(0).get("loadBalancer").get("status")
                .asText()).isEqualTo("ACTIVE");

        // update: a new revision
        JsonNode updated = ok(cli("ecs", "update-express-gateway-service", "--service-arn", arn,
                "--primary-container", "{\"image\": \"acme/shop:2\", \"containerPort\": 8080}")).get("service");
        assertThat(updated.get("targetConfiguration").get("primaryContainer").get("image").asText())
                .isEqualTo("acme/shop:2");
        assertThat(updated.get("targetConfiguration").get("serviceRevisionArn").asText())
                .isNotEqualTo(described.get("activeConfigurations").get(0).get("serviceRevisionArn").asText());

        // delete
        JsonNode deleted = ok(cli("ecs", "delete-express-gateway-service", "--service-arn", arn)).get("service");
        assertThat(deleted.get("status").get("statusCode").asText()).isEqualTo("DRAINING");
        advance(1200);
        assertThat(ok(cli("ecs", "describe-express-gateway-service", "--service-arn", arn)).get("service")
                .get("status").get("statusCode").asText()).isEqualTo("INACTIVE");
        assertThat(ok(cli("elbv2", "describe-load-balancers")).get("LoadBalancers")).isEmpty();
    }

    @Test
    void should_print_aws_errors() throws Exception {
        Commands.Result missing = cli("ecs", "describe-express-gateway-service", "--service-arn",
                "arn:aws:ecs:us-east-1:123456789012:service/nowhere/ghost");
        Commands.Result badPath = cli("ecs", "create-express-gateway-service", "--execution-role-arn", EXEC,
                "--infrastructure-role-arn", INFRA, "--primary-container", "{\"image\": \"acme/shop:1\"}",
                "--health-check-path", "health");

        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.stderr()).contains("An error occurred (ClusterNotFoundException) when calling the "
                + "DescribeExpressGatewayService operation: Cluster not found.");
        assertThat(badPath.stderr()).contains("(InvalidParameterException) when calling the "
                + "CreateExpressGatewayService operation: healthCheckPath must start with a forward slash");
    }
}
