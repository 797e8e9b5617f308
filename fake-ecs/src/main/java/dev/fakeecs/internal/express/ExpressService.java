package dev.fakeecs.internal.express;

import software.amazon.awssdk.services.ecs.model.ExpressGatewayServiceConfiguration;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayServiceStatusCode;
import software.amazon.awssdk.services.ecs.model.Tag;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One Express service: the ECS service it is, its configurations (one per service revision it rolled out, newest
 * last), its status (ACTIVE, DRAINING while deleted, INACTIVE once its resources are gone) and every resource ECS
 * manages for it.
 *
 * <pre>{@code
 * ExpressService s = gateways.find(serviceArn);
 * ExpressGatewayServiceConfiguration now = s.current();
 * }</pre>
 */
final class ExpressService {

    final String arn;
    final String cluster;
    final String name;
    final String infrastructureRoleArn;
    final Instant createdAt;
    final List<Tag> tags;
    final List<ExpressGatewayServiceConfiguration> configurations = new ArrayList<>();
    Instant updatedAt;
    ExpressGatewayServiceStatusCode status = ExpressGatewayServiceStatusCode.ACTIVE;
    String statusReason;

    ExpressIngress.Attachment ingress;
    ManagedResource scalableTarget;
    ManagedResource scalingPolicy;
    final List<String> alarmNames = new ArrayList<>();
    final List<ManagedResource> alarms = new ArrayList<>();
    /** The service's security group when ECS created it (null when the request named its own). */
    ManagedResource serviceSecurityGroup;
    /** The log group when ECS chose it (null when the request named its own). */
    ManagedResource logGroup;
    String logGroupName;

    ExpressService(String arn, String cluster, String name, String infrastructureRoleArn, Instant createdAt,
                   List<Tag> tags) {
        this.arn = arn;
        this.cluster = cluster;
        this.name = name;
        this.infrastructureRoleArn = infrastructureRoleArn;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        this.tags = List.copyOf(tags);
    }

    /** The configuration of the newest service revision. */
    ExpressGatewayServiceConfiguration current() {
        return configurations.get(configurations.size() - 1);
    }

    boolean isActive() {
        return status == ExpressGatewayServiceStatusCode.ACTIVE;
    }

    /** The shared load balancer's resources (its listener, certificate and security group) this service uses. */
    List<ManagedResource> sharedResources() {
        if (ingress == null) {
            return List.of();
        }
        return List.of(ingress.shared.resource, ingress.shared.securityGroup, ingress.shared.certificate,
                ingress.shared.listener);
    }

    /** The resources ECS manages for this service alone. */
    List<ManagedResource> ownResources() {
        List<ManagedResource> all = new ArrayList<>();
        if (ingress != null) {
            all.add(ingress.rule);
            all.addAll(ingress.targetGroups());
        }
        if (scalableTarget != null) {
            all.add(scalableTarget);
        }
        if (scalingPolicy != null) {
            all.add(scalingPolicy);
        }
        all.addAll(alarms);
        if (serviceSecurityGroup != null) {
            all.add(serviceSecurityGroup);
        }
        if (logGroup != null) {
            all.add(logGroup);
        }
        return all;
    }
}
