package dev.fakeecs.quota;

/**
 * The service quotas the fake enforces with {@code LimitExceededException}.
 *
 * <p>{@link #seedDefaults()} uses the figures of the document fake-ecs grew from (10,000 tasks per
 * cluster, 2,000 services per cluster, 1,000 revisions per family, 10 tasks per RunTask);
 * {@link #aws2026()} uses today's published AWS defaults. Override one quota with the
 * {@code withXxx} methods.
 *
 * <pre>{@code
 * Quotas q = Quotas.seedDefaults().withTasksPerCluster(50);
 * FakeEcs ecs = FakeEcs.builder().quotas(q).build();
 * }</pre>
 */
public record Quotas(
        int tasksPerCluster,
        int servicesPerCluster,
        int revisionsPerFamily,
        int tasksPerRunTask,
        int instancesPerStartTask,
        int clustersPerRegion,
        int containerInstancesPerCluster,
        int containersPerTaskDefinition,
        int tagsPerResource,
        int capacityProvidersPerCluster,
        int strategyItems,
        int tasksPerService,
        int provisioningTasksPerCluster,
        int placementConstraints,
        int placementStrategies,
        int customAttributesPerResource) {

    /** The figures of the seed document: 10,000 tasks and 2,000 services per cluster, 1,000 revisions. */
    public static Quotas seedDefaults() {
        return new Quotas(10_000, 2_000, 1_000, 10, 10, 10_000, 5_000, 10, 50, 20, 20, 5_000, 500, 10, 5, 10);
    }

    /** Today's AWS defaults (Amazon ECS service quotas): 5,000 services per cluster, 1,000,000 revisions. */
    public static Quotas aws2026() {
        return new Quotas(Integer.MAX_VALUE, 5_000, 1_000_000, 10, 10, 10_000, 5_000, 10, 50, 20, 20, 5_000, 500,
                10, 5, 10);
    }

    public Quotas withTasksPerCluster(int value) {
        return new Quotas(value, servicesPerCluster, revisionsPerFamily, tasksPerRunTask, instancesPerStartTask,
                clustersPerRegion, containerInstancesPerCluster, containersPerTaskDefinition, tagsPerResource,
                capacityProvidersPerCluster, strategyItems, tasksPerService, provisioningTasksPerCluster,
                placementConstraints, placementStrategies, customAttributesPerResource);
    }

    public Quotas withServicesPerCluster(int value) {
        return new Quotas(tasksPerCluster, value, revisionsPerFamily, tasksPerRunTask, instancesPerStartTask,
                clustersPerRegion, containerInstancesPerCluster, containersPerTaskDefinition, tagsPerResource,
                capacityProvidersPerCluster, strategyItems, tasksPerService, provisioningTasksPerCluster,
                placementConstraints, placementStrategies, customAttributesPerResource);
    }

    public Quotas withRevisionsPerFamily(int value) {
        return new Quotas(tasksPerCluster, servicesPerCluster, value, tasksPerRunTask, instancesPerStartTask,
                clustersPerRegion, containerInstancesPerCluster, containersPerTaskDefinition, tagsPerResource,
                capacityProvidersPerCluster, strategyItems, tasksPerService, provisioningTasksPerCluster,
                placementConstraints, placementStrategies, customAttributesPerResource);
    }

    public Quotas withClustersPerRegion(int value) {
        return new Quotas(tasksPerCluster, servicesPerCluster, revisionsPerFamily, tasksPerRunTask,
                instancesPerStartTask, value, containerInstancesPerCluster, containersPerTaskDefinition,
                tagsPerResource, capacityProvidersPerCluster, strategyItems, tasksPerService,
                provisioningTasksPerCluster, placementConstraints, placementStrategies, customAttributesPerResource);
    }

    public Quotas withContainerInstancesPerCluster(int value) {
        return new Quotas(tasksPerCluster, servicesPerCluster, revisionsPerFamily, tasksPerRunTask,
                instancesPerStartTask, clustersPerRegion, value, containersPerTaskDefinition, tagsPerResource,
                capacityProvidersPerCluster, strategyItems, tasksPerService, provisioningTasksPerCluster,
                placementConstraints, placementStrategies, customAttributesPerResource);
    }
}
