package dev.fakeecs.internal.express;

import software.amazon.awssdk.services.ecs.model.ECSExpressGatewayService;
import software.amazon.awssdk.services.ecs.model.ECSManagedResources;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayServiceConfiguration;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayServiceStatus;
import software.amazon.awssdk.services.ecs.model.ManagedApplicationAutoScalingPolicy;
import software.amazon.awssdk.services.ecs.model.ManagedAutoScaling;
import software.amazon.awssdk.services.ecs.model.ManagedCertificate;
import software.amazon.awssdk.services.ecs.model.ManagedIngressPath;
import software.amazon.awssdk.services.ecs.model.ManagedListener;
import software.amazon.awssdk.services.ecs.model.ManagedListenerRule;
import software.amazon.awssdk.services.ecs.model.ManagedLoadBalancer;
import software.amazon.awssdk.services.ecs.model.ManagedLogGroup;
import software.amazon.awssdk.services.ecs.model.ManagedMetricAlarm;
import software.amazon.awssdk.services.ecs.model.ManagedScalableTarget;
import software.amazon.awssdk.services.ecs.model.ManagedSecurityGroup;
import software.amazon.awssdk.services.ecs.model.ManagedTargetGroup;
import software.amazon.awssdk.services.ecs.model.UpdatedExpressGatewayService;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Express services as the ECS API shows them: {@code ECSExpressGatewayService} (Create, Delete, Describe; tags only
 * when asked for), {@code UpdatedExpressGatewayService} (Update) and the {@code ecsManagedResources} of its service
 * revisions (DescribeServiceRevisions), each resource with its ARN, status and when it last changed.
 *
 * <pre>{@code
 * ECSExpressGatewayService shown = ExpressRenderer.service(s, activeRevisionArns, true);
 * }</pre>
 */
final class ExpressRenderer {

    private ExpressRenderer() {
    }

    /**
     * @param activeRevisions the service revisions the ECS service still runs (the configurations shown as active);
     *                        empty once the service is INACTIVE (then the newest configuration is shown)
     */
    static ECSExpressGatewayService service(ExpressService s, String clusterArn, String currentDeployment,
                                            Set<String> activeRevisions, boolean withTags) {
        List<ExpressGatewayServiceConfiguration> active = new ArrayList<>();
        for (ExpressGatewayServiceConfiguration c : s.configurations) {
            if (activeRevisions.contains(c.serviceRevisionArn())) {
                active.add(c);
            }
        }
        if (active.isEmpty()) {
            active.add(s.current());
        }
        return ECSExpressGatewayService.builder()
                .cluster(clusterArn)
                .serviceName(s.name)
                .serviceArn(s.arn)
                .infrastructureRoleArn(s.infrastructureRoleArn)
                .status(status(s))
                .currentDeployment(currentDeployment)
                .activeConfigurations(active)
                .tags(withTags ? s.tags : null)
                .createdAt(s.createdAt)
                .updatedAt(s.updatedAt)
                .build();
    }

    static UpdatedExpressGatewayService updated(ExpressService s, String clusterArn) {
        return UpdatedExpressGatewayService.builder()
                .serviceArn(s.arn)
                .cluster(clusterArn)
                .serviceName(s.name)
                .status(status(s))
                .targetConfiguration(s.current())
                .createdAt(s.createdAt)
                .updatedAt(s.updatedAt)
                .build();
    }

    private static ExpressGatewayServiceStatus status(ExpressService s) {
        return ExpressGatewayServiceStatus.builder().statusCode(s.status).statusReason(s.statusReason).build();
    }

    static ECSManagedResources managedResources(ExpressService s) {
        ECSManagedResources.Builder b = ECSManagedResources.builder();
        ExpressIngress.Attachment a = s.ingress;
        if (a != null) {
            ExpressIngress.SharedLoadBalancer lb = a.shared;
            List<ManagedTargetGroup> groups = new ArrayList<>();
            for (ManagedResource tg : a.targetGroups()) {
                groups.add(ManagedTargetGroup.builder().arn(tg.arn).status(tg.status()).updatedAt(tg.updatedAt())
                        .healthCheckPath(a.healthCheckPath).healthCheckPort(a.port).port(a.port).build());
            }
            b.ingressPaths(ManagedIngressPath.builder()
                    .accessType("PUBLIC")
                    .endpoint("https://" + a.host)
                    .loadBalancer(ManagedLoadBalancer.builder().arn(lb.resource.arn).status(lb.resource.status())
                            .updatedAt(lb.resource.updatedAt()).scheme(lb.loadBalancer.schemeAsString())
                            .subnetIds(lb.loadBalancer.availabilityZones().stream().map(z -> z.subnetId()).toList())
                            .securityGroupIds(lb.loadBalancer.securityGroups()).build())
                    .loadBalancerSecurityGroups(securityGroup(lb.securityGroup))
                    .certificate(ManagedCertificate.builder().arn(lb.certificate.arn).status(lb.certificate.status())
                            .updatedAt(lb.certificate.updatedAt()).domainName(lb.domainName).build())
                    .listener(ManagedListener.builder().arn(lb.listener.arn).status(lb.listener.status())
                            .updatedAt(lb.listener.updatedAt()).build())
                    .rule(ManagedListenerRule.builder().arn(a.rule.arn).status(a.rule.status())
                            .updatedAt(a.rule.updatedAt()).build())
                    .targetGroups(groups)
                    .build());
        }
        if (s.scalableTarget != null) {
            var target = s.current().scalingTarget();
            ManagedAutoScaling.Builder scaling = ManagedAutoScaling.builder().scalableTarget(ManagedScalableTarget
                    .builder().arn(s.scalableTarget.arn).status(s.scalableTarget.status())
                    .updatedAt(s.scalableTarget.updatedAt()).minCapacity(target.minTaskCount())
                    .maxCapacity(target.maxTaskCount()).build());
            if (s.scalingPolicy != null) {
                scaling.applicationAutoScalingPolicies(ManagedApplicationAutoScalingPolicy.builder()
                        .arn(s.scalingPolicy.arn).status(s.scalingPolicy.status())
                        .updatedAt(s.scalingPolicy.updatedAt()).policyType("TargetTrackingScaling")
                        .targetValue((double) target.autoScalingTargetValue())
                        .metric(ExpressScaling.predefinedMetric(target.autoScalingMetric())).build());
            }
            b.autoScaling(scaling.build());
        }
        List<ManagedMetricAlarm> alarms = new ArrayList<>();
        for (ManagedResource alarm : s.alarms) {
            alarms.add(ManagedMetricAlarm.builder().arn(alarm.arn).status(alarm.status())
                    .updatedAt(alarm.updatedAt()).build());
        }
        b.metricAlarms(alarms);
        b.serviceSecurityGroups(s.serviceSecurityGroup == null ? List.of()
                : List.of(securityGroup(s.serviceSecurityGroup)));
        b.logGroups(s.logGroup == null ? List.of() : List.of(ManagedLogGroup.builder().arn(s.logGroup.arn)
                .status(s.logGroup.status()).updatedAt(s.logGroup.updatedAt()).logGroupName(s.logGroupName).build()));
        return b.build();
    }

    private static ManagedSecurityGroup securityGroup(ManagedResource sg) {
        return ManagedSecurityGroup.builder().arn(sg.arn).status(sg.status()).updatedAt(sg.updatedAt()).build();
    }
}
