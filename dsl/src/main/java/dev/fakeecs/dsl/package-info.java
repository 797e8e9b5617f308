/**
 * The fluent, immutable declaration language for fake ECS worlds. Start from {@link dev.fakeecs.dsl.Ecs}
 * (static imports) to declare regions, clusters and their capacity, task definitions, services, load,
 * ECR registries, DNS failover and a scenario timeline; {@link dev.fakeecs.dsl.WorldSpec} builds them into
 * a {@link dev.fakeecs.FakeEcs}. Fault actions for the timeline come from {@link dev.fakeecs.dsl.Faults}.
 *
 * <pre>{@code
 * TaskDefinitionSpec web = taskDefinition("web").fargate().cpu(256).memory(512)
 *     .container("app", c -> c.image("acme/web:1").port(8080)).build();
 * FakeEcs ecs = world().seed(42).region("us-east-1")
 *     .cluster("prod", c -> c.capacityProviders(FARGATE, FARGATE_SPOT))
 *     .service("web", s -> s.cluster("prod").taskDefinition(web).desiredCount(3))
 *     .start();
 * }</pre>
 *
 * <p>A spec that breaks a rule ECS enforces fails when it is built, with
 * {@link dev.fakeecs.dsl.spec.InvalidSpecException} naming the field and the fix.
 */
package dev.fakeecs.dsl;
