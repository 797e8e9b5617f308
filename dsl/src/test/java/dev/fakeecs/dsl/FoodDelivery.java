package dev.fakeecs.dsl;

import dev.fakeecs.dsl.taskdefinition.TaskDefinitionSpec;

import static dev.fakeecs.dsl.Ecs.taskDefinition;

/** The seed scenario's task definitions, declared in the DSL, shared by the tests. */
final class FoodDelivery {

    // dsl-orders-task-definition-START
    static final TaskDefinitionSpec ORDERS = taskDefinition("order-service")
            .fargate().cpu(512).memory(1024)
            .executionRole("arn:aws:iam::123456789012:role/ecsTaskExecutionRole")
            .container("app", c -> c.image("acme/orders:1.4").port(8080)
                    .healthCheck("curl -f http://localhost:8080/health || exit 1"))
            .build();
    // dsl-orders-task-definition-END

    static final TaskDefinitionSpec RESTAURANTS = taskDefinition("restaurant-service")
            .ec2().bridge()
            .container("app", c -> c.image("acme/restaurants:3.0").cpu(2048).memory(8192).port(8080, 0).gpu(1))
            .build();

    private FoodDelivery() {
    }
}
