package dev.fakeecs.internal.express;

import dev.fakeecs.internal.cloudwatch.CloudWatch;
import dev.fakeecs.internal.cluster.Clusters;
import dev.fakeecs.internal.cluster.SimulatedCluster;
import dev.fakeecs.internal.controlplane.ClusterOperations;
import dev.fakeecs.internal.deployment.SimulatedDeployment;
import dev.fakeecs.internal.engine.RegionContext;
import dev.fakeecs.internal.error.EcsErrors;
import dev.fakeecs.internal.random.SeededRandom;
import dev.fakeecs.internal.service.Services;
import dev.fakeecs.internal.service.SimulatedService;
import dev.fakeecs.internal.taskdefinition.TaskDefinitions;
import dev.fakeecs.journal.JournalEventType;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.ecs.model.CreateExpressGatewayServiceRequest;
import software.amazon.awssdk.services.ecs.model.CreateExpressGatewayServiceResponse;
import software.amazon.awssdk.services.ecs.model.DeleteExpressGatewayServiceRequest;
import software.amazon.awssdk.services.ecs.model.DeleteExpressGatewayServiceResponse;
import software.amazon.awssdk.services.ecs.model.DescribeExpressGatewayServiceRequest;
import software.amazon.awssdk.services.ecs.model.DescribeExpressGatewayServiceResponse;
import software.amazon.awssdk.services.ecs.model.ECSExpressGatewayService;
import software.amazon.awssdk.services.ecs.model.ECSManagedResources;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayServiceConfiguration;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayServiceInclude;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayServiceStatusCode;
import software.amazon.awssdk.services.ecs.model.IngressPathSummary;
import software.amazon.awssdk.services.ecs.model.ManagedResourceStatus;
import software.amazon.awssdk.services.ecs.model.UpdateExpressGatewayServiceRequest;
import software.amazon.awssdk.services.ecs.model.UpdateExpressGatewayServiceResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * ECS Express Mode in one region: the four Express Gateway operations. Create builds what AWS builds, through the
 * region's own APIs: the {@code default} cluster (with FARGATE) when absent, a task definition
 * ({@link ExpressTaskDefinition}), a shared Application Load Balancer with its target groups and host-header rule
 * ({@link ExpressIngress}, through Elastic Load Balancing v2), deployment-failure alarms ({@link ExpressAlarms},
 * CloudWatch), a REPLICA service on FARGATE with the CANARY strategy (5 %, 3 min canary bake, 3 min bake, alarm
 * rollback) and a 300 s health check grace period, and its scaling ({@link ExpressScaling}, Application Auto
 * Scaling). Its managed resources are PROVISIONING, ACTIVE 30 s later. Update registers a new task definition
 * revision and updates the service (a new service revision, rolled out by canary), the target groups' health check
 * path and the scaling. Delete drains the ECS service (DRAINING, its resources DEPROVISIONING) and, once the ECS
 * service is INACTIVE (checked every 15 s), removes the rule, target groups, scaling, alarms and, with its last
 * service, the load balancer: the resources are then DELETED and the Express service INACTIVE.
 *
 * <pre>{@code
 * ECSExpressGatewayService web = express.create(CreateExpressGatewayServiceRequest.builder()
 *         .executionRoleArn(exec).infrastructureRoleArn(infra).primaryContainer(c -> c.image("nginx")).build())
 *         .service();
 * }</pre>
 */
public final class ExpressGateways {

    /** How long managed resources stay PROVISIONING (UNCONFIRMED; docs/fidelity.md). */
    static final Duration PROVISIONING = Duration.ofSeconds(30);
    /** How often a deleted service's ECS service is checked for INACTIVE. */
    static final Duration DELETE_CHECK = Duration.ofSeconds(15);
    private static final long ID_SALT = 0x4578707265737347L;

    private final RegionContext region;
    private final Clusters clusters;
    private final ClusterOperations clusterOperations;
    private final TaskDefinitions taskDefinitions;
    private final Services services;
    private final Supplier<ElasticLoadBalancingV2Client> elb;
    private final Supplier<ApplicationAutoScalingClient> aas;
    private final Supplier<CloudWatch> cloudWatch;
    private final SeededRandom ids;
    private final Map<String, ExpressService> byArn = new LinkedHashMap<>();
    private ExpressIngress ingress;

    /**
     * @param elb        the region's Elastic Load Balancing v2 (asked on first use; null: the region has none)
     * @param aas        the region's Application Auto Scaling (asked on first use)
     * @param cloudWatch the region's CloudWatch (asked on first use)
     */
    public ExpressGateways(RegionContext region, Clusters clusters, ClusterOperations clusterOperations,
                           TaskDefinitions taskDefinitions, Services services,
                           Supplier<ElasticLoadBalancingV2Client> elb, Supplier<ApplicationAutoScalingClient> aas,
                           Supplier<CloudWatch> cloudWatch) {
        this.region = region;
        this.clusters = clusters;
        this.clusterOperations = clusterOperations;
        this.taskDefinitions = taskDefinitions;
        this.services = services;
        this.elb = elb;
        this.aas = aas;
        this.cloudWatch = cloudWatch;
        this.ids = new SeededRandom(region.engine().seed() ^ ID_SALT ^ region.name().hashCode());
        services.publishManagedResources(this::managedResources);
    }

    // ---- the operations ---------------------------------------------------------------------------

    public CreateExpressGatewayServiceResponse create(CreateExpressGatewayServiceRequest r) {
        EcsErrors.require(r.executionRoleArn(), "executionRoleArn");
        EcsErrors.require(r.infrastructureRoleArn(), "infrastructureRoleArn");
        EcsErrors.require(r.primaryContainer(), "primaryContainer");
        EcsErrors.require(r.primaryContainer().image(), "primaryContainer.image");
        ExpressRequests.checkRole("executionRoleArn", r.executionRoleArn());
        ExpressRequests.checkRole("infrastructureRoleArn", r.infrastructureRoleArn());
        ExpressRequests.checkRole("taskRoleArn", r.taskRoleArn());
        ExpressRequests.checkTags(r.tags());
        String clusterName = clusterFor(r.cluster());
        String name = r.serviceName() != null ? r.serviceName()
                : ExpressRequests.nameFromImage(r.primaryContainer().image(), ids.hex(4));
        ExpressRequests.checkName(name);
        SimulatedService existing = services.find(clusterName, name);
        if (existing != null && !"INACTIVE".equals(existing.status())) {
            throw EcsErrors.invalidParameter("Creation of service was not idempotent.");
        }
        String logGroup = "/aws/ecs/" + clusterName + "/" + name + "-" + ids.hex(4);
        ExpressGatewayServiceConfiguration.Builder config = ExpressGatewayServiceConfiguration.builder()
                .executionRoleArn(r.executionRoleArn())
                .taskRoleArn(r.taskRoleArn())
                .cpu(r.cpu() != null ? r.cpu() : ExpressRequests.DEFAULT_CPU)
                .memory(r.memory() != null ? r.memory() : ExpressRequests.DEFAULT_MEMORY)
                .cpuArchitecture(ExpressRequests.cpuArchitecture(r.cpuArchitecture(), null))
                .healthCheckPath(ExpressRequests.healthCheckPath(r.healthCheckPath(), null))
                .primaryContainer(ExpressRequests.container(r.primaryContainer(), logGroup))
                .scalingTarget(ExpressRequests.scaling(r.scalingTarget(), null));
        String serviceGroup = ExpressRequests.givesSecurityGroups(r.networkConfiguration()) ? null
                : ingress().newSecurityGroupId();
        config.networkConfiguration(ExpressRequests.network(r.networkConfiguration(), defaultSubnets(),
                serviceGroup == null ? List.of() : List.of(serviceGroup)));
        ExpressGatewayServiceConfiguration c = config.build();
        String taskDefinitionArn = taskDefinition(name, r.taskDefinitionArn(), c);

        ExpressService s = new ExpressService(region.arns().service(clusterName, name), clusterName, name,
                r.infrastructureRoleArn(), region.now(), r.tags());
        neighbours(() -> {
            ExpressIngress in = ingress();
            String host = in.newHost(name);
            s.ingress = in.attach(host, c.primaryContainer().containerPort(), c.healthCheckPath(),
                    c.networkConfiguration().subnets(), region.now());
            s.alarmNames.addAll(alarms().create(clusterName, name, s.ingress.shared.loadBalancer.loadBalancerArn(),
                    List.of(s.ingress.primaryTargetGroup.arn, s.ingress.alternateTargetGroup.arn)));
            for (String alarm : s.alarmNames) {
                s.alarms.add(new ManagedResource(alarms().arn(alarm), region.now()));
            }
            return null;
        });
        if (serviceGroup != null) {
            s.serviceSecurityGroup = new ManagedResource(ingress.securityGroupArn(serviceGroup), region.now());
        }
        if (r.primaryContainer().awsLogsConfiguration() == null) {
            s.logGroupName = logGroup;
            s.logGroup = new ManagedResource("arn:aws:logs:" + region.name() + ":" + region.engine().accountId()
                    + ":log-group:" + logGroup, region.now());
        }
        try {
            services.createService(ExpressServiceDefinition.create(clusterName, name, taskDefinitionArn, c, s));
        } catch (RuntimeException refused) {
            // nothing is left behind by a refused create
            neighbours(() -> {
                ingress().detach(s.ingress);
                alarms().delete(s.alarmNames);
                return null;
            });
            throw refused;
        }
        SimulatedService ecs = services.find(clusterName, name);
        neighbours(() -> {
            ExpressScaling scaling = new ExpressScaling(aas.get());
            s.scalableTarget = new ManagedResource(scaling.register(clusterName, name, c.scalingTarget()),
                    region.now());
            s.scalingPolicy = new ManagedResource(scaling.policy(clusterName, name, c.scalingTarget(),
                    resourceLabel(s)), region.now());
            return null;
        });
        s.configurations.add(configuration(c, ecs, taskDefinitionArn, s));
        byArn.put(s.arn, s);
        region.record(JournalEventType.SERVICE, s.arn, "expressGateway", "created", "endpoint",
                "https://" + s.ingress.host);
        region.engine().clock().schedule(PROVISIONING, "express provisioned " + name, () -> provisioned(s));
        return CreateExpressGatewayServiceResponse.builder().service(render(s, true)).build();
    }

    public UpdateExpressGatewayServiceResponse update(UpdateExpressGatewayServiceRequest r) {
        ExpressService s = resolve(r.serviceArn(), true);
        if (!s.isActive()) {
            throw EcsErrors.serviceNotActive();
        }
        ExpressGatewayServiceConfiguration old = s.current();
        ExpressRequests.checkRole("executionRoleArn", r.executionRoleArn());
        ExpressRequests.checkRole("taskRoleArn", r.taskRoleArn());
        ExpressGatewayServiceConfiguration.Builder b = old.toBuilder().serviceRevisionArn(null).createdAt(null);
        if (r.executionRoleArn() != null) {
            b.executionRoleArn(r.executionRoleArn());
        }
        if (r.taskRoleArn() != null) {
            b.taskRoleArn(r.taskRoleArn());
        }
        if (r.cpu() != null) {
            b.cpu(r.cpu());
        }
        if (r.memory() != null) {
            b.memory(r.memory());
        }
        b.cpuArchitecture(ExpressRequests.cpuArchitecture(r.cpuArchitecture(), old.cpuArchitectureAsString()));
        b.healthCheckPath(ExpressRequests.healthCheckPath(r.healthCheckPath(), old.healthCheckPath()));
        if (r.primaryContainer() != null) {
            // an update that leaves out the port or the log configuration keeps the service's
            var given = r.primaryContainer().toBuilder();
            if (r.primaryContainer().containerPort() == null) {
                given.containerPort(old.primaryContainer().containerPort());
            }
            if (r.primaryContainer().awsLogsConfiguration() == null) {
                given.awsLogsConfiguration(old.primaryContainer().awsLogsConfiguration());
            }
            var container = ExpressRequests.container(given.build(),
                    old.primaryContainer().awsLogsConfiguration().logGroup());
            if (!container.containerPort().equals(old.primaryContainer().containerPort())) {
                throw EcsErrors.invalidParameter("primaryContainer.containerPort cannot be changed: the load balancer "
                        + "configuration of an Express service cannot be updated.");
            }
            b.primaryContainer(container);
        }
        if (r.networkConfiguration() != null) {
            List<String> groups = old.networkConfiguration().securityGroups();
            b.networkConfiguration(ExpressRequests.network(r.networkConfiguration(),
                    old.networkConfiguration().subnets(), groups));
        }
        b.scalingTarget(ExpressRequests.scaling(r.scalingTarget(), old.scalingTarget()));
        ExpressGatewayServiceConfiguration c = b.build();
        // only a change of what the tasks run makes a new task definition revision (and so a new service revision)
        String taskDefinitionArn = r.taskDefinitionArn() == null && sameTask(old, c) ? old.taskDefinitionArn()
                : taskDefinition(s.name, r.taskDefinitionArn(), c);
        neighbours(() -> {
            ingress().healthCheckPath(s.ingress, c.healthCheckPath());
            return null;
        });
        services.updateService(ExpressServiceDefinition.update(s.cluster, s.name, taskDefinitionArn, c));
        if (!c.scalingTarget().equals(old.scalingTarget())) {
            neighbours(() -> {
                ExpressScaling scaling = new ExpressScaling(aas.get());
                scaling.register(s.cluster, s.name, c.scalingTarget());
                scaling.policy(s.cluster, s.name, c.scalingTarget(), resourceLabel(s));
                return null;
            });
        }
        s.updatedAt = region.now();
        SimulatedService ecs = services.find(s.cluster, s.name);
        ExpressGatewayServiceConfiguration shown = configuration(c, ecs, taskDefinitionArn, s);
        if (!shown.serviceRevisionArn().equals(old.serviceRevisionArn())) {
            s.configurations.add(shown);
        } else {
            s.configurations.set(s.configurations.size() - 1, shown);
        }
        region.record(JournalEventType.SERVICE, s.arn, "expressGateway", "updated", "serviceRevision",
                shown.serviceRevisionArn());
        return UpdateExpressGatewayServiceResponse.builder()
                .service(ExpressRenderer.updated(s, region.arns().cluster(s.cluster))).build();
    }

    public DeleteExpressGatewayServiceResponse delete(DeleteExpressGatewayServiceRequest r) {
        ExpressService s = resolve(r.serviceArn(), true);
        if (!s.isActive()) {
            throw EcsErrors.serviceNotActive();
        }
        services.deleteService(software.amazon.awssdk.services.ecs.model.DeleteServiceRequest.builder()
                .cluster(s.cluster).service(s.name).force(true).build());
        s.status = ExpressGatewayServiceStatusCode.DRAINING;
        s.updatedAt = region.now();
        for (ManagedResource m : s.ownResources()) {
            m.status(ManagedResourceStatus.DEPROVISIONING, region.now());
        }
        if (s.ingress.shared.services == 1) {
            for (ManagedResource m : s.sharedResources()) {
                m.status(ManagedResourceStatus.DEPROVISIONING, region.now());
            }
        }
        region.record(JournalEventType.SERVICE, s.arn, "expressGateway", "DRAINING");
        region.engine().clock().schedule(DELETE_CHECK, "express drained? " + s.name, () -> drainCheck(s));
        return DeleteExpressGatewayServiceResponse.builder().service(render(s, false)).build();
    }

    public DescribeExpressGatewayServiceResponse describe(DescribeExpressGatewayServiceRequest r) {
        ExpressService s = resolve(r.serviceArn(), false);
        boolean tags = r.hasInclude() && r.include().contains(ExpressGatewayServiceInclude.TAGS);
        return DescribeExpressGatewayServiceResponse.builder().service(render(s, tags)).build();
    }

    /** The resources ECS manages for the service with that ARN, or null when it is not an Express service. */
    public ECSManagedResources managedResources(String serviceArn) {
        ExpressService s = byArn.get(serviceArn);
        return s == null ? null : ExpressRenderer.managedResources(s);
    }

    /** The ARNs of every Express service of the region (any status), oldest first. */
    public List<String> serviceArns() {
        return List.copyOf(byArn.keySet());
    }

    // ---- lifecycle on the clock ---------------------------------------------------------------------

    private void provisioned(ExpressService s) {
        if (!s.isActive()) {
            return;
        }
        for (ManagedResource m : s.ownResources()) {
            m.status(ManagedResourceStatus.ACTIVE, region.now());
        }
        for (ManagedResource m : s.sharedResources()) {
            m.status(ManagedResourceStatus.ACTIVE, region.now());
        }
        region.record(JournalEventType.SERVICE, s.arn, "expressGateway", "resources ACTIVE");
    }

    private void drainCheck(ExpressService s) {
        SimulatedService ecs = services.find(s.cluster, s.name);
        if (ecs != null && ecs.arn().equals(s.arn) && "DRAINING".equals(ecs.status())) {
            region.engine().clock().schedule(DELETE_CHECK, "express drained? " + s.name, () -> drainCheck(s));
            return;
        }
        boolean lastOnLoadBalancer = ingress().detach(s.ingress);
        new ExpressScaling(aas.get()).deregister(s.cluster, s.name);
        alarms().delete(s.alarmNames);
        for (ManagedResource m : s.ownResources()) {
            m.status(ManagedResourceStatus.DELETED, region.now());
        }
        if (lastOnLoadBalancer) {
            for (ManagedResource m : s.sharedResources()) {
                m.status(ManagedResourceStatus.DELETED, region.now());
            }
        }
        s.status = ExpressGatewayServiceStatusCode.INACTIVE;
        s.updatedAt = region.now();
        region.record(JournalEventType.SERVICE, s.arn, "expressGateway", "INACTIVE");
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private ECSExpressGatewayService render(ExpressService s, boolean tags) {
        SimulatedService ecs = services.find(s.cluster, s.name);
        Set<String> active = new LinkedHashSet<>();
        String current = null;
        if (ecs != null && ecs.arn().equals(s.arn) && !"INACTIVE".equals(ecs.status())) {
            for (SimulatedDeployment d : ecs.deployments()) {
                active.add(services.revisionArn(ecs, d));
            }
            current = services.serviceDeploymentArn(ecs, ecs.primary());
        }
        return ExpressRenderer.service(s, region.arns().cluster(s.cluster), current, active, tags);
    }

    private ExpressGatewayServiceConfiguration configuration(ExpressGatewayServiceConfiguration c,
                                                             SimulatedService ecs, String taskDefinitionArn,
                                                             ExpressService s) {
        return c.toBuilder()
                .serviceRevisionArn(services.revisionArn(ecs, ecs.primary()))
                .taskDefinitionArn(taskDefinitionArn)
                .ingressPaths(IngressPathSummary.builder().accessType("PUBLIC").endpoint("https://" + s.ingress.host)
                        .build())
                .createdAt(ecs.primary().createdAt())
                .build();
    }

    /** Whether two configurations run the same task (roles, size, architecture and container). */
    private static boolean sameTask(ExpressGatewayServiceConfiguration a, ExpressGatewayServiceConfiguration b) {
        return java.util.Objects.equals(a.executionRoleArn(), b.executionRoleArn())
                && java.util.Objects.equals(a.taskRoleArn(), b.taskRoleArn())
                && java.util.Objects.equals(a.cpu(), b.cpu()) && java.util.Objects.equals(a.memory(), b.memory())
                && java.util.Objects.equals(a.cpuArchitectureAsString(), b.cpuArchitectureAsString())
                && java.util.Objects.equals(a.primaryContainer(), b.primaryContainer());
    }

    /** The task definition to run: the one the request names, else a new revision of the service's family. */
    private String taskDefinition(String family, String given, ExpressGatewayServiceConfiguration c) {
        if (given != null) {
            return taskDefinitions.resolve(given).taskDefinitionArn();
        }
        return taskDefinitions.registerTaskDefinition(ExpressTaskDefinition.request(family, c, region.name()))
                .taskDefinition().taskDefinitionArn();
    }

    /** The cluster an Express service goes to; {@code default} is created, with FARGATE, when it does not exist. */
    private String clusterFor(String given) {
        if (given == null || given.isEmpty() || Clusters.DEFAULT_CLUSTER.equals(given)) {
            SimulatedCluster c = clusters.find(Clusters.DEFAULT_CLUSTER);
            if (c == null || !c.isActive()) {
                clusterOperations.createCluster(software.amazon.awssdk.services.ecs.model.CreateClusterRequest
                        .builder().clusterName(Clusters.DEFAULT_CLUSTER).capacityProviders("FARGATE").build());
            }
            return Clusters.DEFAULT_CLUSTER;
        }
        return clusters.resolve(given).name();
    }

    /** The Express service a request's {@code serviceArn} names. */
    private ExpressService resolve(String serviceArn, boolean changing) {
        EcsErrors.require(serviceArn, "serviceArn");
        String prefix = region.arns().prefix() + "service/";
        if (!serviceArn.startsWith(prefix) || serviceArn.substring(prefix.length()).split("/").length != 2) {
            throw EcsErrors.invalidParameter("serviceArn " + serviceArn + " is not a valid service ARN.");
        }
        String cluster = serviceArn.substring(prefix.length()).split("/")[0];
        SimulatedCluster c = clusters.find(cluster);
        if (c == null) {
            throw EcsErrors.clusterNotFound();
        }
        ExpressService s = byArn.get(serviceArn);
        if (s == null) {
            if (!changing) {
                throw EcsErrors.resourceNotFound("The Express service " + serviceArn + " does not exist.");
            }
            if (services.find(cluster, serviceArn) != null) {
                throw EcsErrors.invalidParameter("The service " + serviceArn + " is not an Express service.");
            }
            throw EcsErrors.serviceNotFound();
        }
        return s;
    }

    private List<String> defaultSubnets() {
        List<String> subnets = new ArrayList<>();
        for (String zone : region.availabilityZones()) {
            subnets.add("subnet-" + zone);
        }
        return subnets;
    }

    private String resourceLabel(ExpressService s) {
        return ExpressScaling.resourceLabel(s.ingress.shared.loadBalancer.loadBalancerArn(),
                s.ingress.primaryTargetGroup.arn);
    }

    private ExpressIngress ingress() {
        if (ingress == null) {
            ElasticLoadBalancingV2Client client = elb.get();
            if (client == null) {
                throw EcsErrors.of("UnsupportedFeatureException", "Express services need Elastic Load Balancing "
                        + "v2, which this region does not host.");
            }
            ingress = new ExpressIngress(client, ids, region.name(), region.engine().accountId());
        }
        return ingress;
    }

    private ExpressAlarms alarms() {
        return new ExpressAlarms(cloudWatch.get());
    }

    /**
     * Runs calls into the neighbouring services; their errors (quotas, say) are answered as ECS answers a failed
     * managed resource: an InvalidParameterException with their message.
     */
    private <T> T neighbours(Supplier<T> body) {
        try {
            return body.get();
        } catch (EcsException e) {
            throw e;
        } catch (AwsServiceException e) {
            throw EcsErrors.invalidParameter(e.awsErrorDetails() == null ? e.getMessage()
                    : e.awsErrorDetails().errorMessage());
        }
    }
}
