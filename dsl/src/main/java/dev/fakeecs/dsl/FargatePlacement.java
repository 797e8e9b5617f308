package dev.fakeecs.dsl;

import dev.fakeecs.dsl.cluster.ClusterSpec;
import dev.fakeecs.dsl.cluster.StrategyItem;
import dev.fakeecs.dsl.service.ServiceSpec;
import dev.fakeecs.dsl.spec.InvalidSpecException;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.PlacementStrategy;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The rule ECS applies at CreateService, checked when a world is built so that the error names the
 * service: a service that runs on Fargate (launch type FARGATE, a FARGATE or FARGATE_SPOT capacity
 * provider in its strategy, or in its cluster's default strategy when it declares neither) takes no
 * placement strategy; Fargate spreads tasks over the zones of the service's subnets by itself.
 *
 * <pre>{@code
 * FargatePlacement.check(service, clusterOrNull);   // InvalidSpecException naming the service
 * }</pre>
 */
final class FargatePlacement {

    private FargatePlacement() {
    }

    /**
     * Fails when {@code service} runs on Fargate and declares a placement strategy.
     *
     * @param cluster the service's cluster as declared in the same world, or null when it is not declared there
     */
    static void check(ServiceSpec service, ClusterSpec cluster) {
        CreateServiceRequest r = service.toRequest();
        if (!r.hasPlacementStrategy() || r.placementStrategy().isEmpty() || !runsOnFargate(r, cluster)) {
            return;
        }
        String declared = r.placementStrategy().stream().map(FargatePlacement::describe)
                .collect(Collectors.joining(", ", "[", "]"));
        String name = service.serviceName();
        throw new InvalidSpecException("service " + name + " (cluster " + service.cluster() + ")",
                "placementStrategy", declared, "the service runs on Fargate (" + why(r, cluster) + "), and Fargate"
                + " takes no placement strategy: ECS answers CreateService with \"Placement strategies are not"
                + " supported with FARGATE launch type.\" Fargate already spreads a service's tasks over the zones of"
                + " its subnets. Remove spreadAcrossZones(), spread(..), binpack(..) and randomPlacement() from"
                + " service " + name + ", or run it on EC2 capacity (.ec2(), or a capacity provider strategy of"
                + " Auto Scaling group providers)");
    }

    private static boolean runsOnFargate(CreateServiceRequest r, ClusterSpec cluster) {
        if (r.launchType() != null) {
            return r.launchType() == LaunchType.FARGATE;
        }
        if (r.hasCapacityProviderStrategy() && !r.capacityProviderStrategy().isEmpty()) {
            return r.capacityProviderStrategy().stream().anyMatch(i -> isFargate(i.capacityProvider()));
        }
        return cluster != null && cluster.defaultStrategy().stream().map(StrategyItem::capacityProvider)
                .anyMatch(FargatePlacement::isFargate);
    }

    private static String why(CreateServiceRequest r, ClusterSpec cluster) {
        if (r.launchType() != null) {
            return "it has launch type FARGATE";
        }
        if (r.hasCapacityProviderStrategy() && !r.capacityProviderStrategy().isEmpty()) {
            return "its capacity provider strategy uses Fargate";
        }
        return "it declares no launch type, so it takes cluster " + cluster.name()
                + "'s default strategy, which uses Fargate";
    }

    private static boolean isFargate(String provider) {
        return "FARGATE".equals(provider) || "FARGATE_SPOT".equals(provider);
    }

    private static String describe(PlacementStrategy s) {
        return s.field() == null ? s.typeAsString() : s.typeAsString() + "(" + s.field() + ")";
    }
}
