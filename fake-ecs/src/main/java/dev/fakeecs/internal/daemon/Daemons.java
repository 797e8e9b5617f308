package dev.fakeecs.internal.daemon;

import dev.fakeecs.internal.alarms.AlarmDirectory;
import dev.fakeecs.internal.arn.Arns;
import dev.fakeecs.internal.capacity.CapacityProviders;
import dev.fakeecs.internal.capacity.SimulatedCapacityProvider;
import dev.fakeecs.internal.cluster.Clusters;
import dev.fakeecs.internal.cluster.SimulatedCluster;
import dev.fakeecs.internal.containerinstance.ContainerInstanceListener;
import dev.fakeecs.internal.containerinstance.ContainerInstances;
import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.internal.engine.RegionContext;
import dev.fakeecs.internal.error.EcsErrors;
import dev.fakeecs.internal.managedinstances.ManagedInstances;
import dev.fakeecs.internal.paging.Page;
import dev.fakeecs.internal.tag.Tags;
import dev.fakeecs.internal.task.Tasks;
import dev.fakeecs.journal.JournalEventType;
import software.amazon.awssdk.services.ecs.model.CreateDaemonRequest;
import software.amazon.awssdk.services.ecs.model.CreateDaemonResponse;
import software.amazon.awssdk.services.ecs.model.DaemonContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DaemonContainerImage;
import software.amazon.awssdk.services.ecs.model.DaemonDeployment;
import software.amazon.awssdk.services.ecs.model.DaemonDeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.DaemonDeploymentSummary;
import software.amazon.awssdk.services.ecs.model.DaemonPropagateTags;
import software.amazon.awssdk.services.ecs.model.DaemonRevision;
import software.amazon.awssdk.services.ecs.model.DaemonSummary;
import software.amazon.awssdk.services.ecs.model.DaemonTaskDefinition;
import software.amazon.awssdk.services.ecs.model.DeleteDaemonRequest;
import software.amazon.awssdk.services.ecs.model.DeleteDaemonResponse;
import software.amazon.awssdk.services.ecs.model.DescribeDaemonDeploymentsRequest;
import software.amazon.awssdk.services.ecs.model.DescribeDaemonDeploymentsResponse;
import software.amazon.awssdk.services.ecs.model.DescribeDaemonRequest;
import software.amazon.awssdk.services.ecs.model.DescribeDaemonResponse;
import software.amazon.awssdk.services.ecs.model.DescribeDaemonRevisionsRequest;
import software.amazon.awssdk.services.ecs.model.DescribeDaemonRevisionsResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.ListDaemonDeploymentsRequest;
import software.amazon.awssdk.services.ecs.model.ListDaemonDeploymentsResponse;
import software.amazon.awssdk.services.ecs.model.ListDaemonsRequest;
import software.amazon.awssdk.services.ecs.model.ListDaemonsResponse;
import software.amazon.awssdk.services.ecs.model.UpdateDaemonRequest;
import software.amazon.awssdk.services.ecs.model.UpdateDaemonResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The daemons of one region and the eight daemon operations (Create/Update/Delete/Describe/ListDaemons,
 * DescribeDaemonDeployments, ListDaemonDeployments, DescribeDaemonRevisions); the daemon task definition
 * operations are {@link DaemonTaskDefinitions}'. Built after the Managed Instances fleet; worlds without daemons
 * never reach it past a map lookup.
 *
 * <pre>{@code
 * Daemons daemons = new Daemons(region, tags, clusters, capacityProviders, containerInstances, tasks, fleet, alarms);
 * api.createDaemon(r -> r.daemonName("log-router").clusterArn("prod")
 *         .daemonTaskDefinitionArn(arn).capacityProviderArns("mi-cp"));
 * }</pre>
 */
public final class Daemons {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");
    private static final String NOT_FOUND = "The specified daemon was not found.";
    private static final int LIST_LIMIT = 100;
    private static final int DESCRIBE_LIMIT = 20;

    private final RegionContext region;
    private final Tags tags;
    private final Clusters clusters;
    private final CapacityProviders capacityProviders;
    private final DaemonTaskDefinitions definitions;
    private final DaemonTasks daemonTasks;
    private final DaemonDeployer deployer;
    private final DaemonRenderer renderer;
    private final Map<String, SimulatedDaemon> byArn = new LinkedHashMap<>();
    private final Map<String, SimulatedDaemon> everByArn = new LinkedHashMap<>();
    private final Map<String, DaemonDeploymentRecord> deployments = new LinkedHashMap<>();
    private final Map<String, DaemonRevisionRecord> revisions = new LinkedHashMap<>();

    public Daemons(RegionContext region, Tags tags, Clusters clusters, CapacityProviders capacityProviders,
                   ContainerInstances containerInstances, Tasks tasks, ManagedInstances fleet, AlarmDirectory alarms) {
        this.region = region;
        this.tags = tags;
        this.clusters = clusters;
        this.capacityProviders = capacityProviders;
        this.definitions = new DaemonTaskDefinitions(region, tags);
        this.daemonTasks = new DaemonTasks(region, tasks, containerInstances, capacityProviders, fleet, definitions,
                tags);
        this.deployer = new DaemonDeployer(region, containerInstances, fleet, alarms);
        this.renderer = new DaemonRenderer(capacityProviders, containerInstances, daemonTasks);
        daemonTasks.wire(this, deployer);
        deployer.wire(daemonTasks, this);
        definitions.inUse(arn -> daemonTasks.usesTaskDefinition(arn) || referencedByActiveDaemon(arn));
        tags.registerResourceType("daemon", arn -> byArn.containsKey(arn));
        containerInstances.addListener(new ContainerInstanceListener() {
            @Override
            public void onDeregistered(SimulatedContainerInstance instance, boolean terminated) {
                if (!byArn.isEmpty()) {
                    List.copyOf(byArn.values()).forEach(deployer::progress);
                }
            }
        });
    }

    /** The daemon task definitions and their operations. */
    public DaemonTaskDefinitions taskDefinitions() {
        return definitions;
    }

    /** Whether the task is a daemon task. */
    public boolean isDaemonTask(dev.fakeecs.internal.task.SimulatedTask task) {
        return daemonTasks.isDaemonTask(task);
    }

    List<SimulatedDaemon> all() {
        return List.copyOf(byArn.values());
    }

    /** A deleted daemon's removal deployment finished: it is gone. */
    void forget(SimulatedDaemon d) {
        byArn.remove(d.arn);
        tags.remove(d.arn);
        region.record(JournalEventType.SERVICE, d.arn, "daemon", "deleted");
        for (DaemonRevisionRecord r : d.revisions) {
            definitions.released(r.taskDefinitionArn());
        }
    }

    // ------------------------------------------------------------------ ECS API

    public CreateDaemonResponse create(CreateDaemonRequest request) {
        String name = EcsErrors.require(request.daemonName(), "daemonName");
        if (!NAME.matcher(name).matches()) {
            throw EcsErrors.invalidParameter("daemonName: up to 255 letters (uppercase and lowercase), numbers, "
                    + "underscores, and hyphens are allowed.");
        }
        SimulatedCluster cluster = clusters.resolve(request.clusterArn() == null ? Clusters.DEFAULT_CLUSTER
                : request.clusterArn());
        String arn = region.arns().prefix() + "daemon/" + cluster.name() + "/" + name;
        SimulatedDaemon existing = byArn.get(arn);
        if (existing != null) {
            if (request.clientToken() != null && request.clientToken().equals(existing.clientToken)) {
                return CreateDaemonResponse.builder().daemonArn(existing.arn).status(existing.status)
                        .createdAt(existing.createdAt).deploymentArn(existing.deployments.get(0).arn).build();
            }
            throw EcsErrors.invalidParameter("A daemon named " + name + " already exists in cluster " + cluster.name()
                    + ".");
        }
        DaemonTaskDefinition td = definitions.activeForDaemon(EcsErrors.require(request.daemonTaskDefinitionArn(),
                "daemonTaskDefinitionArn"));
        List<String> providers = providers(cluster, request.hasCapacityProviderArns() ? request.capacityProviderArns()
                : List.of());
        DaemonDeploymentConfiguration config = configuration(request.deploymentConfiguration());
        tags.validate(request.tags());
        SimulatedDaemon d = new SimulatedDaemon(name, arn, cluster.name(), cluster.arn(), region.now());
        d.clientToken = request.clientToken();
        d.providers = providers;
        byArn.put(arn, d);
        everByArn.put(arn, d);
        tags.put(arn, request.tags());
        region.record(JournalEventType.SERVICE, arn, "daemon", "created", "cluster", cluster.name(),
                "daemonTaskDefinition", td.daemonTaskDefinitionArn(), "capacityProviders", String.join(",", providers));
        DaemonRevisionRecord revision = revision(d, td, providers, request.propagateTags(),
                request.enableECSManagedTags(), request.enableExecuteCommand(), request.critical());
        DaemonDeploymentRecord dep = deployment(d, revision, config, false);
        return CreateDaemonResponse.builder().daemonArn(arn).status(d.status).createdAt(d.createdAt)
                .deploymentArn(dep.arn).build();
    }

    public UpdateDaemonResponse update(UpdateDaemonRequest request) {
        SimulatedDaemon d = active(request.daemonArn());
        DaemonTaskDefinition td = definitions.activeForDaemon(EcsErrors.require(request.daemonTaskDefinitionArn(),
                "daemonTaskDefinitionArn"));
        SimulatedCluster cluster = clusters.resolve(d.clusterName);
        List<String> providers = providers(cluster, request.hasCapacityProviderArns() ? request.capacityProviderArns()
                : List.of());
        DaemonDeploymentConfiguration config = configuration(request.deploymentConfiguration());
        DaemonRevisionRecord previous = d.revisions.get(d.revisions.size() - 1);
        DaemonRevisionRecord revision = revision(d, td, providers,
                request.propagateTags() != null ? request.propagateTags() : previous.propagateTags(),
                request.enableECSManagedTags() != null ? request.enableECSManagedTags() : previous.managedTags(),
                request.enableExecuteCommand() != null ? request.enableExecuteCommand() : previous.executeCommand(),
                request.critical() != null ? request.critical() : previous.critical());
        d.providers = providers;
        d.updatedAt = region.now();
        DaemonDeploymentRecord dep = deployment(d, revision, config, false);
        return UpdateDaemonResponse.builder().daemonArn(d.arn).status(d.status).createdAt(d.createdAt)
                .updatedAt(d.updatedAt).deploymentArn(dep.arn).build();
    }

    public DeleteDaemonResponse delete(DeleteDaemonRequest request) {
        SimulatedDaemon d = active(request.daemonArn());
        d.status = "DELETE_IN_PROGRESS";
        d.updatedAt = region.now();
        region.record(JournalEventType.SERVICE, d.arn, "daemon", "DELETE_IN_PROGRESS");
        DaemonRevisionRecord last = d.revisions.get(d.revisions.size() - 1);
        DaemonDeploymentRecord previous = d.latest();
        DaemonDeploymentRecord dep = deployment(d, last, previous == null
                ? configuration(null) : previous.configuration, true);
        return DeleteDaemonResponse.builder().daemonArn(d.arn).status(d.status).createdAt(d.createdAt)
                .updatedAt(d.updatedAt).deploymentArn(dep.arn).build();
    }

    public DescribeDaemonResponse describe(DescribeDaemonRequest request) {
        SimulatedDaemon d = existing(request.daemonArn());
        return DescribeDaemonResponse.builder().daemon(renderer.detail(d)).build();
    }

    public ListDaemonsResponse list(ListDaemonsRequest request) {
        String cluster = request.clusterArn() == null ? null : clusters.resolve(request.clusterArn()).name();
        List<String> providers = new ArrayList<>();
        if (request.hasCapacityProviderArns()) {
            for (String p : request.capacityProviderArns()) {
                providers.add(Arns.lastSegment(p));
            }
        }
        List<SimulatedDaemon> matching = new ArrayList<>();
        for (SimulatedDaemon d : byArn.values()) {
            if (cluster != null && !cluster.equals(d.clusterName)) {
                continue;
            }
            if (!providers.isEmpty() && d.providers.stream().noneMatch(providers::contains)) {
                continue;
            }
            matching.add(d);
        }
        Page<SimulatedDaemon> page = Page.of(matching, request.nextToken(), request.maxResults(), LIST_LIMIT,
                "ListDaemons");
        List<DaemonSummary> summaries = page.items().stream().map(renderer::summary).toList();
        return ListDaemonsResponse.builder().daemonSummariesList(summaries).nextToken(page.nextToken()).build();
    }

    public DescribeDaemonDeploymentsResponse describeDeployments(DescribeDaemonDeploymentsRequest request) {
        List<String> arns = request.hasDaemonDeploymentArns() ? request.daemonDeploymentArns() : List.of();
        if (arns.isEmpty() || arns.size() > DESCRIBE_LIMIT) {
            throw EcsErrors.invalidParameter("daemonDeploymentArns must contain between 1 and " + DESCRIBE_LIMIT
                    + " items.");
        }
        List<DaemonDeployment> found = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String arn : arns) {
            DaemonDeploymentRecord dep = deployments.get(arn);
            if (dep == null) {
                failures.add(Failure.builder().arn(arn).reason("MISSING").build());
            } else {
                found.add(renderer.deployment(everByArn.get(dep.daemonArn), dep));
            }
        }
        return DescribeDaemonDeploymentsResponse.builder().daemonDeployments(found).failures(failures).build();
    }

    public ListDaemonDeploymentsResponse listDeployments(ListDaemonDeploymentsRequest request) {
        SimulatedDaemon d = everByArn.get(EcsErrors.require(request.daemonArn(), "daemonArn"));
        if (d == null) {
            throw EcsErrors.of("DaemonNotFoundException", NOT_FOUND);
        }
        List<DaemonDeploymentRecord> matching = new ArrayList<>();
        for (int i = d.deployments.size() - 1; i >= 0; i--) {
            DaemonDeploymentRecord dep = d.deployments.get(i);
            if (request.hasStatus() && !request.status().isEmpty()
                    && request.statusAsStrings().stream().noneMatch(dep.status::equals)) {
                continue;
            }
            if (request.createdAt() != null && ((request.createdAt().before() != null
                    && !dep.createdAt.isBefore(request.createdAt().before())) || (request.createdAt().after() != null
                    && !dep.createdAt.isAfter(request.createdAt().after())))) {
                continue;
            }
            matching.add(dep);
        }
        Page<DaemonDeploymentRecord> page = Page.of(matching, request.nextToken(), request.maxResults(), 20, 100,
                "ListDaemonDeployments");
        List<DaemonDeploymentSummary> summaries = page.items().stream().map(renderer::deploymentSummary).toList();
        return ListDaemonDeploymentsResponse.builder().daemonDeployments(summaries).nextToken(page.nextToken()).build();
    }

    public DescribeDaemonRevisionsResponse describeRevisions(DescribeDaemonRevisionsRequest request) {
        List<String> arns = request.hasDaemonRevisionArns() ? request.daemonRevisionArns() : List.of();
        if (arns.isEmpty() || arns.size() > DESCRIBE_LIMIT) {
            throw EcsErrors.invalidParameter("daemonRevisionArns must contain between 1 and " + DESCRIBE_LIMIT
                    + " items.");
        }
        List<DaemonRevision> found = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String arn : arns) {
            DaemonRevisionRecord r = revisions.get(arn);
            if (r == null) {
                failures.add(Failure.builder().arn(arn).reason("MISSING").build());
            } else {
                found.add(r.toSdk());
            }
        }
        return DescribeDaemonRevisionsResponse.builder().daemonRevisions(found).failures(failures).build();
    }

    // ------------------------------------------------------------------ internals

    private SimulatedDaemon existing(String arn) {
        SimulatedDaemon d = byArn.get(EcsErrors.require(arn, "daemonArn"));
        if (d == null) {
            throw EcsErrors.of("DaemonNotFoundException", NOT_FOUND);
        }
        return d;
    }

    private SimulatedDaemon active(String arn) {
        SimulatedDaemon d = existing(arn);
        if (!d.isActive()) {
            throw EcsErrors.of("DaemonNotActiveException", "The specified daemon is not ACTIVE.");
        }
        return d;
    }

    private boolean referencedByActiveDaemon(String taskDefinitionArn) {
        for (SimulatedDaemon d : byArn.values()) {
            DaemonRevisionRecord r = d.revisionForNewInstances();
            if (r != null && r.taskDefinitionArn().equals(taskDefinitionArn)) {
                return true;
            }
        }
        return false;
    }

    /** The request's providers as names: each a MANAGED_INSTANCES provider of the cluster. */
    private List<String> providers(SimulatedCluster cluster, List<String> requested) {
        if (requested.isEmpty()) {
            throw EcsErrors.invalidParameter("capacityProviderArns can not be null or empty.");
        }
        List<String> names = new ArrayList<>();
        for (String reference : requested) {
            SimulatedCapacityProvider cp = capacityProviders.find(reference);
            if (cp == null || !capacityProviders.isUsable(reference)) {
                throw EcsErrors.invalidParameter("The specified capacity provider " + reference + " does not exist or "
                        + "is not ACTIVE.");
            }
            if (!cp.isManagedInstances()) {
                throw EcsErrors.invalidParameter("ECS Managed Daemons is only supported for Amazon ECS Managed "
                        + "Instances capacity providers: " + cp.name() + " is of type " + cp.type() + ".");
            }
            if (!cp.managedInstances().cluster().equals(cluster.name())) {
                throw EcsErrors.invalidParameter("The capacity provider " + cp.name() + " does not belong to cluster "
                        + cluster.name() + ".");
            }
            if (!names.contains(cp.name())) {
                names.add(cp.name());
            }
        }
        return names;
    }

    private static DaemonDeploymentConfiguration configuration(DaemonDeploymentConfiguration c) {
        DaemonDeploymentConfiguration.Builder b = c == null ? DaemonDeploymentConfiguration.builder() : c.toBuilder();
        if (c == null || c.drainPercent() == null) {
            b.drainPercent(DaemonDeployer.DEFAULT_DRAIN_PERCENT);
        } else if (c.drainPercent() < 0.0 || c.drainPercent() > 100.0) {
            throw EcsErrors.invalidParameter("deploymentConfiguration.drainPercent must be between 0.0 and 100.0.");
        }
        if (c == null || c.bakeTimeInMinutes() == null) {
            b.bakeTimeInMinutes(0);
        } else if (c.bakeTimeInMinutes() < 0 || c.bakeTimeInMinutes() > 1440) {
            throw EcsErrors.invalidParameter("deploymentConfiguration.bakeTimeInMinutes must be between 0 and 1440.");
        }
        return b.build();
    }

    private DaemonRevisionRecord revision(SimulatedDaemon d, DaemonTaskDefinition td, List<String> providers,
                                          DaemonPropagateTags propagate, Boolean managedTags, Boolean exec,
                                          Boolean critical) {
        List<DaemonContainerImage> images = new ArrayList<>();
        int i = 0;
        for (DaemonContainerDefinition c : td.containerDefinitions()) {
            i++;
            images.add(DaemonContainerImage.builder().containerName(c.name() == null ? "daemon-" + i : c.name())
                    .image(c.image()).imageDigest(digest(c.image())).build());
        }
        String arn = region.arns().prefix() + "daemon-revision/" + d.clusterName + "/" + d.name + "/"
                + (d.revisions.size() + 1);
        DaemonRevisionRecord r = new DaemonRevisionRecord(arn, d.arn, d.clusterArn, td.daemonTaskDefinitionArn(),
                region.now(), images, List.copyOf(providers), propagate == null ? DaemonPropagateTags.NONE : propagate,
                managedTags == null ? Boolean.FALSE : managedTags, exec == null ? Boolean.FALSE : exec,
                critical == null || critical);
        d.revisions.add(r);
        revisions.put(arn, r);
        return r;
    }

    private DaemonDeploymentRecord deployment(SimulatedDaemon d, DaemonRevisionRecord target,
                                              DaemonDeploymentConfiguration config, boolean removal) {
        List<DaemonRevisionRecord> sources = new ArrayList<>();
        if (d.stable != null && d.stable != target) {
            sources.add(d.stable);
        }
        String arn = region.arns().prefix() + "daemon-deployment/" + d.clusterName + "/"
                + region.engine().random().hex(20);
        DaemonDeploymentRecord dep = new DaemonDeploymentRecord(arn, d.arn, d.clusterArn, target, sources, config,
                region.now());
        dep.removesDaemon = removal;
        deployments.put(arn, dep);
        deployer.start(d, dep);
        return dep;
    }

    /** A stable digest per image name (the fake has no registry lookup here). */
    private static String digest(String image) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(image.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
