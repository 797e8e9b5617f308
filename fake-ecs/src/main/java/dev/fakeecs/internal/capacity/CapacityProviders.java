package dev.fakeecs.internal.capacity;

import software.amazon.awssdk.services.ecs.model.CapacityProvider;
import dev.fakeecs.internal.arn.Arns;
import dev.fakeecs.internal.cluster.SimulatedCluster;
import dev.fakeecs.internal.error.EcsErrors;
import dev.fakeecs.journal.JournalEventType;
import dev.fakeecs.internal.paging.Page;
import dev.fakeecs.internal.cluster.Clusters;
import dev.fakeecs.internal.containerinstance.ContainerInstances;
import dev.fakeecs.internal.tag.Tags;
import dev.fakeecs.internal.engine.RegionContext;
import software.amazon.awssdk.services.ecs.model.AutoScalingGroupProvider;
import software.amazon.awssdk.services.ecs.model.AutoScalingGroupProviderUpdate;
import software.amazon.awssdk.services.ecs.model.CapacityProviderField;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.CapacityProviderType;
import software.amazon.awssdk.services.ecs.model.CreateCapacityProviderRequest;
import software.amazon.awssdk.services.ecs.model.CreateCapacityProviderResponse;
import software.amazon.awssdk.services.ecs.model.DeleteCapacityProviderRequest;
import software.amazon.awssdk.services.ecs.model.DeleteCapacityProviderResponse;
import software.amazon.awssdk.services.ecs.model.DescribeCapacityProvidersRequest;
import software.amazon.awssdk.services.ecs.model.DescribeCapacityProvidersResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.ManagedDraining;
import software.amazon.awssdk.services.ecs.model.ManagedScaling;
import software.amazon.awssdk.services.ecs.model.ManagedScalingStatus;
import software.amazon.awssdk.services.ecs.model.ManagedTerminationProtection;
import software.amazon.awssdk.services.ecs.model.UpdateCapacityProviderRequest;
import software.amazon.awssdk.services.ecs.model.UpdateCapacityProviderResponse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The capacity providers of one region: FARGATE and FARGATE_SPOT (always there, reserved) and Auto
 * Scaling group providers backed by simulated {@link AutoScalingGroup}s with ECS managed scaling;
 * plus the Create/Describe/Update/DeleteCapacityProvider operations.
 *
 * <p>Deleting a provider still associated with a cluster answers, as ECS does, with the provider
 * unchanged ({@code ACTIVE}), {@code updateStatus DELETE_FAILED} and a reason naming the cluster.
 * Otherwise it turns {@code INACTIVE} with {@code DELETE_IN_PROGRESS}, and {@code DELETE_COMPLETE}
 * {@link #DELETE_DURATION} later; its name can then be used again.
 *
 * <pre>{@code
 * CapacityProviders cps = capacityProviders;
 * AutoScalingGroup asg = cps.autoScalingGroups().createGroup("web", "m5.large", 0, 10, 0, List.of(), false);
 * api.createCapacityProvider(r -> r.name("web-cp").autoScalingGroupProvider(p -> p
 *         .autoScalingGroupArn(asg.arn()).managedScaling(s -> s.status(ManagedScalingStatus.ENABLED))));
 * cps.demand(provider -> tasks.waitingFor(provider));   // PROVISIONING tasks feed managed scaling
 * cps.strategies().split(strategy, 12, Map.of());
 * }</pre>
 */
public final class CapacityProviders {

    /** The built-in providers, in the order DescribeCapacityProviders lists them. */
    public static final List<String> FARGATE_PROVIDERS = List.of("FARGATE", "FARGATE_SPOT");
    /** How long a deletion stays DELETE_IN_PROGRESS. */
    public static final Duration DELETE_DURATION = Duration.ofSeconds(30);
    /** How long a new Managed Instances provider stays PROVISIONING (UNCONFIRMED rule). */
    public static final Duration CREATE_DURATION = Duration.ofSeconds(10);
    /** How long an update stays UPDATE_IN_PROGRESS. */
    public static final Duration UPDATE_DURATION = Duration.ofSeconds(10);

    static final String INVALID_NAME = "The specified capacity provider name is invalid. Up to 255 characters are "
            + "allowed, including letters (upper and lowercase), numbers, underscores, and hyphens. The name cannot "
            + "be prefixed with \"aws\", \"ecs\", or \"fargate\". Specify a valid name and try again.";
    static final String DOES_NOT_EXIST = "The specified capacity provider does not exist. Specify a valid name or "
            + "ARN and try again.";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");
    private static final int DESCRIBE_LIMIT = 10;

    private final RegionContext region;
    private final Tags tags;
    private final Clusters clusters;
    private final Map<String, SimulatedCapacityProvider> byName = new LinkedHashMap<>();
    private final AutoScalingGroups autoScalingGroups;
    private final CapacityProviderStrategies strategies;
    private final CapacityProviderScaler scaler;
    private CapacityDemand demand = provider -> List.of();
    private ManagedInstancesListener managedInstancesListener = ManagedInstancesListener.NONE;

    public CapacityProviders(RegionContext region, Tags tags, Clusters clusters, ContainerInstances containerInstances) {
        this.region = region;
        this.tags = tags;
        this.clusters = clusters;
        this.autoScalingGroups = new AutoScalingGroups(region, containerInstances, this);
        this.strategies = new CapacityProviderStrategies(region, this);
        this.scaler = new CapacityProviderScaler(region, this);
        tags.registerResourceType("capacity-provider", arn -> find(arn) != null);
        byName.put("FARGATE", new SimulatedCapacityProvider("FARGATE", region.arns().capacityProvider("FARGATE"),
                CapacityProviderType.FARGATE, null, region.now()));
        byName.put("FARGATE_SPOT", new SimulatedCapacityProvider("FARGATE_SPOT", region.arns().capacityProvider("FARGATE_SPOT"),
                CapacityProviderType.FARGATE_SPOT, null, region.now()));
    }

    /** The simulated Auto Scaling groups of this region. */
    public AutoScalingGroups autoScalingGroups() {
        return autoScalingGroups;
    }

    /** Strategy validation and splitting. */
    public CapacityProviderStrategies strategies() {
        return strategies;
    }

    /** Where managed scaling learns about tasks waiting in PROVISIONING (registered by the task lifecycle). */
    public void demand(CapacityDemand demand) {
        this.demand = demand;
    }

    /** Where the Managed Instances fleet hears about MANAGED_INSTANCES providers and tasks waiting for them. */
    public void managedInstancesListener(ManagedInstancesListener listener) {
        this.managedInstancesListener = listener == null ? ManagedInstancesListener.NONE : listener;
    }

    /** A task started waiting in PROVISIONING for a provider (the task domain calls this). */
    public void taskWaiting(String providerName) {
        SimulatedCapacityProvider cp = find(providerName);
        if (cp != null && cp.isManagedInstances()) {
            managedInstancesListener.onTaskWaiting(providerName);
        }
    }

    /** The launch type of tasks on the provider: FARGATE, MANAGED_INSTANCES or EC2 (also for unknown names). */
    public String launchTypeOf(String providerName) {
        SimulatedCapacityProvider cp = find(providerName);
        if (cp == null) {
            return FARGATE_PROVIDERS.contains(providerName) ? "FARGATE" : "EC2";
        }
        return cp.launchType();
    }

    /** The first MANAGED_INSTANCES provider associated with the cluster (launchType MANAGED_INSTANCES), or null. */
    public String managedInstancesProviderOf(SimulatedCluster cluster) {
        for (String name : cluster.capacityProviders()) {
            SimulatedCapacityProvider cp = find(name);
            if (cp != null && cp.isManagedInstances() && isUsable(name)) {
                return name;
            }
        }
        return null;
    }

    /** Same as {@link #managedInstancesProviderOf(SimulatedCluster)} by cluster name; null for an unknown cluster. */
    public String managedInstancesProviderOf(String clusterName) {
        SimulatedCluster cluster = clusters.find(clusterName);
        return cluster == null ? null : managedInstancesProviderOf(cluster);
    }

    List<CapacityDemand.TaskNeed> provisioningTasks(String providerName) {
        List<CapacityDemand.TaskNeed> tasks = demand.provisioningTasks(providerName);
        return tasks == null ? List.of() : tasks;
    }

    /** The provider with that name or ARN in any status, or null. */
    public SimulatedCapacityProvider find(String nameOrArn) {
        if (nameOrArn == null || nameOrArn.isEmpty()) {
            return null;
        }
        if (Arns.isArn(nameOrArn)) {
            SimulatedCapacityProvider cp = byName.get(Arns.lastSegment(nameOrArn));
            return cp != null && cp.arn().equals(nameOrArn) ? cp : null;
        }
        return byName.get(nameOrArn);
    }

    /** True when a cluster may use the provider: it exists and is ACTIVE (FARGATE and FARGATE_SPOT always). */
    public boolean isUsable(String nameOrArn) {
        SimulatedCapacityProvider cp = find(nameOrArn);
        return cp != null && (cp.isActive() || (cp.isManagedInstances() && "PROVISIONING".equals(cp.status())));
    }

    /** Every provider, built-ins first, then in creation order. */
    public List<SimulatedCapacityProvider> all() {
        return List.copyOf(byName.values());
    }

    /** The shape rules of a strategy (a cluster's default included); see {@link CapacityProviderStrategies}. */
    public void validateStrategy(List<CapacityProviderStrategyItem> strategy) {
        strategies.validateShape(strategy);
    }

    /** Same as {@code strategies().split(...)}: new tasks per provider, base first then largest remainder. */
    public Map<String, Integer> split(List<CapacityProviderStrategyItem> strategy, int taskCount,
                                      Map<String, Integer> alreadyRunningPerProvider) {
        return strategies.split(strategy, taskCount, alreadyRunningPerProvider);
    }

    /** Same as {@code strategies().nextProvider(...)}: the provider for the next single task. */
    public String nextProvider(List<CapacityProviderStrategyItem> strategy, Map<String, Integer> currentPerProvider) {
        return strategies.nextProvider(strategy, currentPerProvider);
    }

    /** The ACTIVE cluster an ASG provider is associated with, or null. */
    public String clusterOf(String providerName) {
        for (SimulatedCluster cluster : clusters.all()) {
            if (cluster.isActive() && cluster.capacityProviders().contains(providerName)) {
                return cluster.name();
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ ECS API

    /** CreateCapacityProvider (Auto Scaling group providers). */
    public CreateCapacityProviderResponse createCapacityProvider(CreateCapacityProviderRequest request) {
        String name = EcsErrors.require(request.name(), "name");
        if (!NAME.matcher(name).matches() || reservedPrefix(name)) {
            throw EcsErrors.clientException(INVALID_NAME);
        }
        SimulatedCapacityProvider existing = byName.get(name);
        if (existing != null && !"INACTIVE".equals(existing.status())) {
            throw EcsErrors.clientException("The specified capacity provider already exists. To change the "
                    + "configuration of an existing capacity provider, update the capacity provider.");
        }
        if (request.managedInstancesProvider() != null) {
            if (request.autoScalingGroupProvider() != null) {
                throw EcsErrors.invalidParameter("autoScalingGroupProvider and managedInstancesProvider can not be "
                        + "specified together.");
            }
            return createManagedInstances(request, name, existing);
        }
        AutoScalingGroupProvider asgProvider = request.autoScalingGroupProvider();
        if (asgProvider == null) {
            throw EcsErrors.invalidParameter("autoScalingGroupProvider can not be null.");
        }
        EcsErrors.require(asgProvider.autoScalingGroupArn(), "autoScalingGroupProvider.autoScalingGroupArn");
        AutoScalingGroup asg = autoScalingGroups.forArn(asgProvider.autoScalingGroupArn());
        if (asg.capacityProvider() != null && asg.capacityProvider().isActive()) {
            throw EcsErrors.clientException("The specified Auto Scaling group ARN is already being used by another "
                    + "capacity provider. Specify a unique Auto Scaling group ARN and try again.");
        }
        tags.validate(request.tags());
        SimulatedCapacityProvider cp = new SimulatedCapacityProvider(name, region.arns().capacityProvider(name),
                CapacityProviderType.EC2_AUTOSCALING, asg, region.now());
        applyManagedScaling(cp, asgProvider.managedScaling(), true);
        applyProtection(cp, asgProvider.managedTerminationProtection(), asgProvider.managedDraining());
        if (existing != null) {
            byName.remove(name);
            tags.remove(existing.arn());
        }
        byName.put(name, cp);
        asg.capacityProvider(cp);
        tags.put(cp.arn(), request.tags());
        region.record(JournalEventType.CAPACITY_PROVIDER, cp.arn(), "status", "ACTIVE", "autoScalingGroup", asg.arn(),
                "managedScaling", cp.managedScaling() ? "ENABLED" : "DISABLED", "targetCapacity",
                String.valueOf(cp.targetCapacity()));
        if (cp.managedScaling()) {
            scaler.start(cp);
        }
        return CreateCapacityProviderResponse.builder().capacityProvider(cp.toSdk(tags.tagsOf(cp.arn())))
                .build();
    }

    /** DescribeCapacityProviders: by name or ARN, or all (pages of at most 10); missing ones as failures. */
    public DescribeCapacityProvidersResponse describeCapacityProviders(DescribeCapacityProvidersRequest request) {
        boolean tags = request.include().contains(CapacityProviderField.TAGS);
        List<CapacityProvider> found = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        if (request.hasCapacityProviders() && !request.capacityProviders().isEmpty()) {
            if (request.maxResults() != null || request.nextToken() != null) {
                throw EcsErrors.invalidParameter("maxResults and nextToken can not be used together with "
                        + "capacityProviders.");
            }
            for (String requested : request.capacityProviders()) {
                SimulatedCapacityProvider cp = find(requested);
                if (cp == null) {
                    String arn = Arns.isArn(requested) ? requested : region.arns().capacityProvider(requested);
                    failures.add(Failure.builder().arn(arn).reason("MISSING").build());
                } else {
                    found.add(render(cp, tags));
                }
            }
            return DescribeCapacityProvidersResponse.builder().capacityProviders(found).failures(failures).build();
        }
        Page<SimulatedCapacityProvider> page = Page.of(all(), request.nextToken(), request.maxResults(), DESCRIBE_LIMIT,
                "DescribeCapacityProviders");
        page.items().forEach(cp -> found.add(render(cp, tags)));
        return DescribeCapacityProvidersResponse.builder().capacityProviders(found).failures(failures)
                .nextToken(page.nextToken()).build();
    }

    /** UpdateCapacityProvider: managed scaling, termination protection, draining; never for Fargate. */
    public UpdateCapacityProviderResponse updateCapacityProvider(UpdateCapacityProviderRequest request) {
        SimulatedCapacityProvider cp = existing(EcsErrors.require(request.name(), "name"), "updated");
        if (cp.isManagedInstances() || request.managedInstancesProvider() != null) {
            return updateManagedInstances(cp, request);
        }
        AutoScalingGroupProviderUpdate update = request.autoScalingGroupProvider();
        if (update == null) {
            throw EcsErrors.invalidParameter("autoScalingGroupProvider can not be null.");
        }
        boolean wasScaling = cp.managedScaling();
        boolean oldProtection = cp.managedTerminationProtection();
        applyManagedScaling(cp, update.managedScaling(), false);
        try {
            applyProtection(cp, update.managedTerminationProtection(), update.managedDraining());
        } catch (RuntimeException e) {
            cp.managedTerminationProtection(oldProtection);
            throw e;
        }
        cp.updateStatus("UPDATE_IN_PROGRESS", null);
        region.record(JournalEventType.CAPACITY_PROVIDER, cp.arn(), "updateStatus", "UPDATE_IN_PROGRESS",
                "managedScaling", cp.managedScaling() ? "ENABLED" : "DISABLED", "targetCapacity",
                String.valueOf(cp.targetCapacity()), "managedTerminationProtection",
                cp.managedTerminationProtection() ? "ENABLED" : "DISABLED");
        region.engine().clock().schedule(UPDATE_DURATION, "capacity provider " + cp.name() + " updated", () -> {
            if ("UPDATE_IN_PROGRESS".equals(cp.updateStatus())) {
                cp.updateStatus("UPDATE_COMPLETE", null);
                region.record(JournalEventType.CAPACITY_PROVIDER, cp.arn(), "updateStatus", "UPDATE_COMPLETE");
            }
        });
        if (cp.managedScaling() && !wasScaling) {
            scaler.start(cp);
        } else if (!cp.managedScaling() && wasScaling) {
            scaler.stop(cp);
        }
        return UpdateCapacityProviderResponse.builder().capacityProvider(cp.toSdk(null)).build();
    }

    /** DeleteCapacityProvider. */
    public DeleteCapacityProviderResponse deleteCapacityProvider(DeleteCapacityProviderRequest request) {
        SimulatedCapacityProvider cp = existing(EcsErrors.require(request.capacityProvider(), "capacityProvider"), "deleted");
        if (cp.isManagedInstances()) {
            return deleteManagedInstances(cp, request);
        }
        String cluster = clusterOf(cp.name());
        if (cluster != null) {
            cp.updateStatus("DELETE_FAILED", "The capacity provider cannot be deleted because it is associated with "
                    + "cluster: " + cluster + ". Remove the capacity provider from the cluster and try again.");
            region.record(JournalEventType.CAPACITY_PROVIDER, cp.arn(), "updateStatus", "DELETE_FAILED", "cluster",
                    cluster);
            return DeleteCapacityProviderResponse.builder().capacityProvider(cp.toSdk(null)).build();
        }
        scaler.stop(cp);
        cp.status("INACTIVE");
        cp.updateStatus("DELETE_IN_PROGRESS", null);
        cp.autoScalingGroup().capacityProvider(null);
        region.record(JournalEventType.CAPACITY_PROVIDER, cp.arn(), "status", "INACTIVE", "updateStatus",
                "DELETE_IN_PROGRESS");
        region.engine().clock().schedule(DELETE_DURATION, "capacity provider " + cp.name() + " deleted", () -> {
            cp.updateStatus("DELETE_COMPLETE", null);
            region.record(JournalEventType.CAPACITY_PROVIDER, cp.arn(), "updateStatus", "DELETE_COMPLETE");
        });
        return DeleteCapacityProviderResponse.builder().capacityProvider(cp.toSdk(null)).build();
    }

    // ------------------------------------------------------------------ internals

    private SimulatedCapacityProvider existing(String nameOrArn, String verb) {
        SimulatedCapacityProvider cp = find(nameOrArn);
        if (cp != null && cp.isFargate()) {
            throw EcsErrors.clientException("The specified capacity provider " + cp.name() + " is reserved by Amazon "
                    + "ECS and cannot be " + verb + ".");
        }
        if (cp == null || !(cp.isActive() || (cp.isManagedInstances() && "PROVISIONING".equals(cp.status())))) {
            throw EcsErrors.clientException(DOES_NOT_EXIST);
        }
        return cp;
    }

    // ------------------------------------------------------------------ ECS Managed Instances

    private CreateCapacityProviderResponse createManagedInstances(CreateCapacityProviderRequest request, String name,
                                                                  SimulatedCapacityProvider existing) {
        String clusterName = EcsErrors.require(request.cluster(), "cluster");
        SimulatedCluster cluster = clusters.resolve(clusterName);
        var stored = ManagedInstancesValidation.create(request.managedInstancesProvider());
        tags.validate(request.tags());
        SimulatedCapacityProvider cp = new SimulatedCapacityProvider(name, region.arns().capacityProvider(name),
                CapacityProviderType.MANAGED_INSTANCES, null, region.now());
        cp.managedInstances(new ManagedInstancesSettings(cluster.name(), stored));
        cp.status("PROVISIONING");
        cp.updateStatus("CREATE_IN_PROGRESS", null);
        if (existing != null) {
            byName.remove(name);
            tags.remove(existing.arn());
        }
        byName.put(name, cp);
        tags.put(cp.arn(), request.tags());
        if (!cluster.capacityProviders().contains(name)) {
            List<String> providers = new ArrayList<>(cluster.capacityProviders());
            providers.add(name);
            cluster.capacityProviders(providers);
        }
        region.record(JournalEventType.CAPACITY_PROVIDER, cp.arn(), "status", "PROVISIONING", "type",
                "MANAGED_INSTANCES", "cluster", cluster.name(), "capacityOptionType",
                stored.instanceLaunchTemplate().capacityOptionTypeAsString());
        region.engine().clock().schedule(CREATE_DURATION, "capacity provider " + name + " provisioned", () -> {
            if ("PROVISIONING".equals(cp.status())) {
                cp.status("ACTIVE");
                cp.updateStatus("CREATE_COMPLETE", null);
                region.record(JournalEventType.CAPACITY_PROVIDER, cp.arn(), "status", "ACTIVE", "updateStatus",
                        "CREATE_COMPLETE");
            }
        });
        managedInstancesListener.onProviderChanged(cp);
        return CreateCapacityProviderResponse.builder().capacityProvider(cp.toSdk(tags.tagsOf(cp.arn()))).build();
    }

    private UpdateCapacityProviderResponse updateManagedInstances(SimulatedCapacityProvider cp,
                                                                  UpdateCapacityProviderRequest request) {
        if (request.autoScalingGroupProvider() != null) {
            throw EcsErrors.invalidParameter("autoScalingGroupProvider can not be specified for a capacity provider "
                    + "of type MANAGED_INSTANCES.");
        }
        if (!cp.isManagedInstances()) {
            throw EcsErrors.invalidParameter("managedInstancesProvider can only be specified for a capacity provider "
                    + "of type MANAGED_INSTANCES.");
        }
        if (request.managedInstancesProvider() == null) {
            throw EcsErrors.invalidParameter("managedInstancesProvider can not be null.");
        }
        checkCluster(cp, request.cluster());
        var updated = ManagedInstancesValidation.update(cp.managedInstances().provider(),
                request.managedInstancesProvider());
        cp.managedInstances(new ManagedInstancesSettings(cp.managedInstances().cluster(), updated));
        cp.updateStatus("UPDATE_IN_PROGRESS", null);
        region.record(JournalEventType.CAPACITY_PROVIDER, cp.arn(), "updateStatus", "UPDATE_IN_PROGRESS");
        region.engine().clock().schedule(UPDATE_DURATION, "capacity provider " + cp.name() + " updated", () -> {
            if ("UPDATE_IN_PROGRESS".equals(cp.updateStatus())) {
                cp.updateStatus("UPDATE_COMPLETE", null);
                region.record(JournalEventType.CAPACITY_PROVIDER, cp.arn(), "updateStatus", "UPDATE_COMPLETE");
            }
        });
        managedInstancesListener.onProviderChanged(cp);
        return UpdateCapacityProviderResponse.builder().capacityProvider(cp.toSdk(null)).build();
    }

    private DeleteCapacityProviderResponse deleteManagedInstances(SimulatedCapacityProvider cp,
                                                                  DeleteCapacityProviderRequest request) {
        checkCluster(cp, request.cluster());
        if (managedInstancesListener.inUse(cp)) {
            cp.updateStatus("DELETE_FAILED", "The capacity provider cannot be deleted because it is in use by tasks "
                    + "or services in cluster: " + cp.managedInstances().cluster() + ". Stop the tasks and update "
                    + "the services, then try again.");
            region.record(JournalEventType.CAPACITY_PROVIDER, cp.arn(), "updateStatus", "DELETE_FAILED");
            return DeleteCapacityProviderResponse.builder().capacityProvider(cp.toSdk(null)).build();
        }
        cp.status("DEPROVISIONING");
        cp.updateStatus("DELETE_IN_PROGRESS", null);
        SimulatedCluster cluster = clusters.find(cp.managedInstances().cluster());
        if (cluster != null) {
            List<String> providers = new ArrayList<>(cluster.capacityProviders());
            providers.remove(cp.name());
            cluster.capacityProviders(providers);
        }
        region.record(JournalEventType.CAPACITY_PROVIDER, cp.arn(), "status", "DEPROVISIONING", "updateStatus",
                "DELETE_IN_PROGRESS");
        managedInstancesListener.onProviderDeleting(cp);
        region.engine().clock().schedule(DELETE_DURATION, "capacity provider " + cp.name() + " deleted", () -> {
            cp.status("INACTIVE");
            cp.updateStatus("DELETE_COMPLETE", null);
            region.record(JournalEventType.CAPACITY_PROVIDER, cp.arn(), "status", "INACTIVE", "updateStatus",
                    "DELETE_COMPLETE");
        });
        return DeleteCapacityProviderResponse.builder().capacityProvider(cp.toSdk(null)).build();
    }

    /** A cluster named with a Managed Instances provider must be the provider's own. */
    private void checkCluster(SimulatedCapacityProvider cp, String cluster) {
        if (cluster == null || cluster.isBlank()) {
            return;
        }
        SimulatedCluster named = clusters.resolve(cluster);
        if (!named.name().equals(cp.managedInstances().cluster())) {
            throw EcsErrors.invalidParameter("The specified capacity provider " + cp.name() + " does not belong to "
                    + "cluster " + named.name() + ".");
        }
    }

    private CapacityProvider render(SimulatedCapacityProvider cp, boolean withTags) {
        return cp.toSdk(withTags ? tags.tagsOf(cp.arn()) : null);
    }

    private static boolean reservedPrefix(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith("aws") || lower.startsWith("ecs") || lower.startsWith("fargate");
    }

    /** Applies managedScaling; {@code create}: a missing block or field takes ECS's default. */
    private static void applyManagedScaling(SimulatedCapacityProvider cp, ManagedScaling ms, boolean create) {
        if (ms == null) {
            if (create) {
                cp.managedScaling(false);
            }
            return;
        }
        int target = ms.targetCapacity() != null ? ms.targetCapacity()
                : create ? SimulatedCapacityProvider.DEFAULT_TARGET_CAPACITY : cp.targetCapacity();
        int minStep = ms.minimumScalingStepSize() != null ? ms.minimumScalingStepSize()
                : create ? SimulatedCapacityProvider.DEFAULT_MIN_STEP : cp.minimumScalingStepSize();
        int maxStep = ms.maximumScalingStepSize() != null ? ms.maximumScalingStepSize()
                : create ? SimulatedCapacityProvider.DEFAULT_MAX_STEP : cp.maximumScalingStepSize();
        int warmup = ms.instanceWarmupPeriod() != null ? ms.instanceWarmupPeriod()
                : create ? SimulatedCapacityProvider.DEFAULT_WARMUP_SECONDS : cp.instanceWarmupPeriod();
        range("managedScaling.targetCapacity", target, 1, 100);
        range("managedScaling.minimumScalingStepSize", minStep, 1, 10_000);
        range("managedScaling.maximumScalingStepSize", maxStep, 1, 10_000);
        range("managedScaling.instanceWarmupPeriod", warmup, 0, 10_000);
        if (minStep > maxStep) {
            throw EcsErrors.invalidParameter("managedScaling.minimumScalingStepSize must be less than or equal to "
                    + "managedScaling.maximumScalingStepSize.");
        }
        boolean enabled = ms.status() == null ? (create || cp.managedScaling())
                : ms.status() == ManagedScalingStatus.ENABLED;
        cp.managedScaling(enabled);
        cp.targetCapacity(target);
        cp.minimumScalingStepSize(minStep);
        cp.maximumScalingStepSize(maxStep);
        cp.instanceWarmupPeriod(warmup);
    }

    private static void applyProtection(SimulatedCapacityProvider cp, ManagedTerminationProtection protection,
                                        ManagedDraining draining) {
        if (protection != null) {
            cp.managedTerminationProtection(protection == ManagedTerminationProtection.ENABLED);
        }
        if (draining != null) {
            cp.managedDraining(draining == ManagedDraining.ENABLED);
        }
        if (cp.managedTerminationProtection() && !cp.managedScaling()) {
            throw EcsErrors.clientException("The managed termination protection setting for the capacity provider is "
                    + "invalid. To enable managed termination protection for a capacity provider, the capacity "
                    + "provider must have managed scaling enabled.");
        }
    }

    private static void range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw EcsErrors.invalidParameter(field + " must be between " + min + " and " + max + ": " + value + ".");
        }
    }
}
