package dev.fakeecs.internal.taskdefinition;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.internal.client.EcsClients;
import dev.fakeecs.internal.protocol.EcsProtocolHandler;
import dev.fakeecs.internal.protocol.ProtocolRouter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;

import static dev.fakeecs.internal.taskdefinition.TaskDefinitionFixtures.assertEcsError;
import static dev.fakeecs.internal.taskdefinition.TaskDefinitionFixtures.orderService;
import static org.assertj.core.api.Assertions.assertThat;

/** The same operations through the ECS JSON 1.1 wire protocol, as an SDK client sees them. */
class TaskDefinitionsOverTheWireTest {

    private final FakeEcs ecs = FakeEcs.builder().seed(1).build();
    private final EcsProtocolHandler handler = EcsProtocolHandler.builder()
            .regions(name -> ecs.region(name).api())
            .build();
    private final EcsClient wire = EcsClients.sync(ProtocolRouter.of(handler), "us-east-1");

    @AfterEach
    void close() {
        wire.close();
    }

    @Test
    void should_register_and_describe_the_order_service_over_the_wire() {
        // when
        wire.registerTaskDefinition(orderService().toBuilder().cpu("0.5 vCPU").tags(t -> t.key("team").value("orders"))
                .build());
        var described = wire.describeTaskDefinition(r -> r.taskDefinition("order-service")
                .include(TaskDefinitionField.TAGS));

        // then
        TaskDefinition td = described.taskDefinition();
        assertThat(td.taskDefinitionArn()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:task-definition/order-service:1");
        assertThat(td.cpu()).isEqualTo("512");
        assertThat(td.networkMode()).isEqualTo(NetworkMode.AWSVPC);
        assertThat(td.compatibilities()).containsExactly(Compatibility.EC2, Compatibility.FARGATE);
        assertThat(td.registeredAt()).isEqualTo(FakeEcs.DEFAULT_START);
        assertThat(td.containerDefinitions().get(0).portMappings().get(0).hostPort()).isEqualTo(8080);
        assertThat(described.tags()).extracting("key").containsExactly("team");
    }

    @Test
    void should_carry_the_exact_fargate_error_over_the_wire() {
        assertEcsError(() -> wire.registerTaskDefinition(orderService().toBuilder().networkMode(NetworkMode.BRIDGE).build()),
                ClientException.class, "Fargate only supports network mode \u2018awsvpc\u2019.");
    }
}
