/**
 * Task definitions as ECS registers them: {@link dev.fakeecs.dsl.taskdefinition.TaskDefinitionSpec},
 * its containers ({@link dev.fakeecs.dsl.taskdefinition.ContainerSpec}) and health checks, checked with
 * ECS's own registration rules, and converted to and from the SDK's request shape.
 *
 * <pre>{@code
 * taskDefinition("order-service").fargate().cpu(512).memory(1024)
 *     .container("app", c -> c.image("acme/orders:1.4").port(8080)
 *         .healthCheck("curl -f http://localhost:8080/health || exit 1"))
 *     .build();
 * }</pre>
 */
package dev.fakeecs.dsl.taskdefinition;
