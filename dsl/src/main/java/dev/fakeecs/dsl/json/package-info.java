/**
 * JSON import and export in the shapes the AWS CLI takes ({@code register-task-definition} and
 * {@code create-service} with {@code --cli-input-json}): {@link dev.fakeecs.dsl.json.EcsJson}.
 *
 * <pre>{@code
 * TaskDefinitionSpec orders = EcsJson.readTaskDefinitionResource("food-delivery/order-service.json");
 * }</pre>
 */
package dev.fakeecs.dsl.json;
