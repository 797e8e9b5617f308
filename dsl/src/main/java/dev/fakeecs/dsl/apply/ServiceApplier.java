package dev.fakeecs.dsl.apply;

import dev.fakeecs.dsl.service.ServiceSpec;
import dev.fakeecs.region.Region;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;

/**
 * Creates a service (CreateService) or, when it exists, updates it (UpdateService) with the
 * declared desired count, task definition, strategy, deployment, network and placement.
 *
 * <pre>{@code
 * new ServiceApplier(ecs.defaultRegion()).apply(orders, null);
 * }</pre>
 */
final class ServiceApplier {

    private final Region region;

    ServiceApplier(Region region) {
        this.region = region;
    }

    /**
     * @param taskDefinitionArn the revision just registered for the service's spec, or null to use
     *                          the declared reference
     */
    void apply(ServiceSpec spec, String taskDefinitionArn) {
        CreateServiceRequest request = spec.toRequest(region.availabilityZones());
        boolean exists = region.state().read(() -> region.state().services().exists(spec.cluster(),
                spec.serviceName()));
        if (!exists) {
            region.api().createService(request);
            return;
        }
        UpdateServiceRequest.Builder update = UpdateServiceRequest.builder()
                .cluster(spec.cluster())
                .service(spec.serviceName())
                .taskDefinition(taskDefinitionArn == null ? request.taskDefinition() : taskDefinitionArn)
                .desiredCount(request.desiredCount())
                .deploymentConfiguration(request.deploymentConfiguration())
                .networkConfiguration(request.networkConfiguration())
                .healthCheckGracePeriodSeconds(request.healthCheckGracePeriodSeconds())
                .enableExecuteCommand(request.enableExecuteCommand());
        if (request.hasCapacityProviderStrategy()) {
            update.capacityProviderStrategy(request.capacityProviderStrategy());
        }
        if (request.hasPlacementConstraints()) {
            update.placementConstraints(request.placementConstraints());
        }
        if (request.hasPlacementStrategy()) {
            update.placementStrategy(request.placementStrategy());
        }
        region.api().updateService(update.build());
    }
}
