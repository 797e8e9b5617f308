package dev.fakeecs.dsl.internal.apply;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.autoscaling.ServiceLoad;
import dev.fakeecs.autoscaling.TargetTrackingPolicy;
import dev.fakeecs.dsl.service.AutoScalingSpec;
import dev.fakeecs.dsl.service.ScalingPolicy;
import dev.fakeecs.dsl.service.ServiceSpec;
import dev.fakeecs.region.Region;
import dev.fakeecs.spi.EngineSetup;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;

import java.util.function.UnaryOperator;

/**
 * Creates a service (CreateService) or, when it exists, updates it (UpdateService) with the
 * declared desired count, task definition, strategy, deployment, network and placement; then
 * registers its auto scaling (scalable target, target tracking policies, load curve) with the
 * region's Service Auto Scaling.
 *
 * <pre>{@code
 * new ServiceApplier(ecs, "us-east-1").apply(orders, null);
 * }</pre>
 */
public final class ServiceApplier {

    private final Region region;
    private final EngineSetup setup;

    /** Applies services to {@code region} of {@code ecs} (IllegalArgumentException if the world lacks it). */
    public ServiceApplier(FakeEcs ecs, String region) {
        this.region = ecs.region(region);
        this.setup = EngineSetup.of(ecs);
    }

    /**
     * @param taskDefinitionArn the revision just registered for the service's spec, or null to use
     *                          the declared reference
     */
    public void apply(ServiceSpec spec, String taskDefinitionArn) {
        apply(spec, taskDefinitionArn, UnaryOperator.identity());
    }

    /**
     * @param taskDefinitionArn the revision just registered for the service's spec, or null to use
     *                          the declared reference
     * @param targetGroupArn    turns a declared target group name into its ARN in this region
     */
    public void apply(ServiceSpec spec, String taskDefinitionArn, UnaryOperator<String> targetGroupArn) {
        apply(spec, taskDefinitionArn, targetGroupArn, UnaryOperator.identity());
    }

    /**
     * @param taskDefinitionArn the revision just registered for the service's spec, or null to use
     *                          the declared reference
     * @param targetGroupArn    turns a declared target group name into its ARN in this region
     * @param listenerRuleArn   turns a declared listener rule reference into its ARN in this region
     */
    public void apply(ServiceSpec spec, String taskDefinitionArn, UnaryOperator<String> targetGroupArn,
                      UnaryOperator<String> listenerRuleArn) {
        CreateServiceRequest request = spec.toRequest(region.availabilityZones(), targetGroupArn, listenerRuleArn);
        boolean exists = setup.serviceExists(region.name(), spec.cluster(), spec.serviceName());
        try {
            if (!exists) {
                region.api().createService(request);
            } else {
                update(spec, request, taskDefinitionArn);
            }
        } catch (EcsException e) {
            throw rejected(spec, exists ? "UpdateService" : "CreateService", e);
        }
        applyAutoScaling(spec);
    }

    /** ECS's own error, prefixed with the declaration it came from, so a world that does not start names the service. */
    private IllegalArgumentException rejected(ServiceSpec spec, String operation, EcsException e) {
        String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorCode() + ": "
                + e.awsErrorDetails().errorMessage();
        return new IllegalArgumentException("service " + spec.serviceName() + " (cluster " + spec.cluster() + ", "
                + region.name() + "): ECS rejected " + operation + " with " + message, e);
    }

    private void applyAutoScaling(ServiceSpec spec) {
        AutoScalingSpec declared = spec.autoScaling();
        if (declared != null) {
            setup.registerScalableTarget(region.name(), spec.cluster(), spec.serviceName(), declared.min(),
                    declared.max(), declared.policies().stream().map(ServiceApplier::toEngine).toList());
        }
        // the load drives the service's metrics and traffic with or without auto scaling (Application Auto Scaling
        // configured through its API scales on it as well)
        if (spec.loadCurve() != null) {
            setup.setServiceLoad(region.name(), spec.cluster(), spec.serviceName(),
                    new ServiceLoad(spec.loadCurve(), spec.requestsPerTaskAtFullCpu()));
        }
    }

    static TargetTrackingPolicy toEngine(ScalingPolicy policy) {
        TargetTrackingPolicy base = switch (policy.metric()) {
            case CPU -> TargetTrackingPolicy.cpu(policy.target());
            case MEMORY -> TargetTrackingPolicy.memory(policy.target());
            case REQUESTS_PER_TARGET -> TargetTrackingPolicy.requestCountPerTarget(policy.target());
        };
        return base.withCooldowns(policy.scaleOutCooldown(), policy.scaleInCooldown());
    }

    private void update(ServiceSpec spec, CreateServiceRequest request, String taskDefinitionArn) {
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
        if (!spec.loadBalancers().isEmpty()) {
            update.loadBalancers(request.loadBalancers());
        }
        if (request.hasPlacementStrategy()) {
            update.placementStrategy(request.placementStrategy());
        }
        region.api().updateService(update.build());
    }
}
