package dev.fakeecs.junit;

import dev.fakeecs.dsl.WorldSpec;

/**
 * Declares a richer world than {@link EcsCluster}'s attributes can: task definitions, services,
 * EC2 host groups, images, scenarios, all with the fake-ecs DSL. Implementations need a public or
 * package-private no-argument constructor; the extension creates one per world.
 *
 * <p>The world starts from the returned spec ({@link WorldSpec#start()}); a {@code seed} or
 * {@code start} set on the annotation overrides the spec's, and the annotation's regions and
 * clusters are added to it.
 *
 * <pre>{@code
 * import static dev.fakeecs.dsl.Ecs.*;
 *
 * class FoodDelivery implements EcsSpecProvider {
 *     public WorldSpec spec() {
 *         return world().seed(42).region("us-east-1")
 *             .cluster("food-delivery-prod", c -> c.capacityProviders(FARGATE, FARGATE_SPOT))
 *             .service("order-service", s -> s.cluster("food-delivery-prod")
 *                 .taskDefinition(taskDefinition("orders").fargate().cpu(256).memory(512)
 *                     .container("app", a -> a.image("acme/orders:1")).build())
 *                 .desiredCount(2))
 *             .build();
 *     }
 * }
 *
 * @EcsCluster(spec = FoodDelivery.class)
 * class OrdersTest { ... }
 * }</pre>
 */
@FunctionalInterface
public interface EcsSpecProvider {

    /** The declaration of the world; never null. */
    WorldSpec spec();

    /** The default of {@link EcsCluster#spec()}: no DSL declaration. */
    final class None implements EcsSpecProvider {
        private None() {
        }

        @Override
        public WorldSpec spec() {
            throw new UnsupportedOperationException("EcsSpecProvider.None declares nothing");
        }
    }
}
