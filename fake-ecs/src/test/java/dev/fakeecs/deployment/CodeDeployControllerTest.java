package dev.fakeecs.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakeecs.FakeEcs;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Service;

/**
 * A service with the CODE_DEPLOY deployment controller, through the real ECS client: ECS runs it on a PRIMARY task
 * set (no deployments), scales it with desiredCount, refuses what only CodeDeploy may change with ECS's messages,
 * lets no caller manage its task sets, and says in its events that CodeDeploy itself is not simulated.
 */
class CodeDeployControllerTest {

    private FakeEcs ecs;
    private EcsClient client;

    @BeforeEach
    void setUp() {
        ecs = FakeEcs.builder().seed(3).build();
        client = ecs.newClient();
        client.createCluster(r -> r.clusterName("prod"));
        for (String image : new String[] {"cd:1", "cd:2"}) {
            client.registerTaskDefinition(r -> r.family("cd").networkMode(NetworkMode.AWSVPC)
                    .requiresCompatibilities(Compatibility.FARGATE).cpu("256").memory("512")
                    .containerDefinitions(c -> c.name("app").image(image).essential(true)));
        }
        client.createService(r -> r.cluster("prod").serviceName("cd").taskDefinition("cd:1").desiredCount(2)
                .launchType(LaunchType.FARGATE)
                .deploymentController(c -> c.type(DeploymentControllerType.CODE_DEPLOY))
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1"))));
        ecs.clock().advance(Duration.ofMinutes(3));
    }

    @AfterEach
    void tearDown() {
        ecs.close();
    }

    private Service service() {
        return client.describeServices(r -> r.cluster("prod").services("cd")).services().get(0);
    }

    @Test
    void should_run_the_service_on_a_primary_task_set_without_deployments() {
        Service s = service();
        assertThat(s.deployments()).isEmpty();
        assertThat(s.taskSets()).singleElement().satisfies(t -> {
            assertThat(t.status()).isEqualTo("PRIMARY");
            assertThat(t.taskDefinition()).endsWith("cd:1");
            assertThat(t.runningCount()).isEqualTo(2);
        });
        assertThat(s.runningCount()).isEqualTo(2);
        assertThat(s.events()).anySatisfy(e -> assertThat(e.message()).contains("does not simulate AWS CodeDeploy"));
        assertThat(client.describeTaskSets(r -> r.cluster("prod").service("cd")).taskSets()).hasSize(1);
    }

    @Test
    void should_scale_the_primary_task_set_with_the_desired_count() {
        client.updateService(r -> r.cluster("prod").service("cd").desiredCount(4));
        ecs.clock().advance(Duration.ofMinutes(3));
        assertThat(service().taskSets().get(0).runningCount()).isEqualTo(4);
    }

    @Test
    void should_refuse_what_only_codedeploy_may_change_with_ecs_messages() {
        assertThatThrownBy(() -> client.updateService(r -> r.cluster("prod").service("cd").taskDefinition("cd:2")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("Unable to update task definition on services with a CODE_DEPLOY deployment "
                        + "controller. Use AWS CodeDeploy to trigger a new deployment.");
        assertThatThrownBy(() -> client.updateService(r -> r.cluster("prod").service("cd").forceNewDeployment(true)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("Cannot force a new deployment on services with a CODE_DEPLOY deployment "
                        + "controller.");
        assertThatThrownBy(() -> client.createTaskSet(r -> r.cluster("prod").service("cd").taskDefinition("cd:2")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("external deployment controllers");
        assertThat(service().taskSets()).singleElement()
                .satisfies(t -> assertThat(t.taskDefinition()).endsWith("cd:1"));
    }
}
