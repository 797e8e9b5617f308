/**
 * ECS Express Mode services declared in the DSL ({@link dev.fakeecs.dsl.express.ExpressServiceSpec}) and applied
 * through the region's ECS API.
 *
 * <pre>{@code
 * Ecs.world().expressService("web", e -> e.image("acme/web:1").containerPort(8080)).start();
 * }</pre>
 */
package dev.fakeecs.dsl.express;
