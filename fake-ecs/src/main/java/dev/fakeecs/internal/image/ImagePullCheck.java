package dev.fakeecs.internal.image;

/**
 * Looks at every image pull when a task's pull completes: image registries resolve the tag to a
 * digest (or fail a tag that has not arrived), image-pull faults fail it. Registered on the
 * world's {@link ImageCatalog}; called under the engine lock.
 *
 * <pre>{@code
 * ecs.world().images().addPullCheck((region, cluster, group, image) ->
 *         image.endsWith(":broken") ? ImagePull.failed("CannotPullContainerError: ...") : ImagePull.NO_OPINION);
 * }</pre>
 */
@FunctionalInterface
public interface ImagePullCheck {

    /**
     * @param region  the region the task runs in
     * @param cluster the task's cluster
     * @param group   the task's group ({@code service:orders}, {@code family:batch})
     * @param image   the image reference of the container
     */
    ImagePull check(String region, String cluster, String group, String image);
}
