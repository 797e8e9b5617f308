package dev.fakeecs.internal.service;

import software.amazon.awssdk.services.ecs.model.Service;
import dev.fakeecs.internal.task.Tasks;
import dev.fakeecs.internal.taskdefinition.TaskDefinitions;
import dev.fakeecs.internal.containerinstance.ContainerInstances;
import dev.fakeecs.internal.capacity.CapacityProviders;
import dev.fakeecs.internal.cluster.Clusters;
import dev.fakeecs.internal.tag.Tags;
import dev.fakeecs.internal.engine.RegionContext;
import dev.fakeecs.internal.arn.Arns;
import dev.fakeecs.internal.cluster.SimulatedCluster;
import dev.fakeecs.internal.deployment.SimulatedDeployment;
import dev.fakeecs.internal.error.EcsErrors;
import dev.fakeecs.journal.JournalEventType;
import dev.fakeecs.internal.paging.Page;
import dev.fakeecs.internal.targets.TargetGroupDirectory;
import dev.fakeecs.internal.alarms.AlarmDirectory;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.ServiceField;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.ContinueServiceDeploymentRequest;
import software.amazon.awssdk.services.ecs.model.ContinueServiceDeploymentResponse;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.CreateServiceResponse;
import software.amazon.awssdk.services.ecs.model.CreateTaskSetRequest;
import software.amazon.awssdk.services.ecs.model.CreateTaskSetResponse;
import software.amazon.awssdk.services.ecs.model.DeleteServiceRequest;
import software.amazon.awssdk.services.ecs.model.DeleteServiceResponse;
import software.amazon.awssdk.services.ecs.model.DeleteTaskSetRequest;
import software.amazon.awssdk.services.ecs.model.DeleteTaskSetResponse;
import software.amazon.awssdk.services.ecs.model.DescribeServiceDeploymentsRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServiceDeploymentsResponse;
import software.amazon.awssdk.services.ecs.model.DescribeServiceRevisionsRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServiceRevisionsResponse;
import software.amazon.awssdk.services.ecs.model.DescribeServicesRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTaskSetsRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTaskSetsResponse;
import software.amazon.awssdk.services.ecs.model.ListServiceDeploymentsRequest;
import software.amazon.awssdk.services.ecs.model.ListServiceDeploymentsResponse;
import software.amazon.awssdk.services.ecs.model.ListServicesByNamespaceRequest;
import software.amazon.awssdk.services.ecs.model.ListServicesByNamespaceResponse;
import software.amazon.awssdk.services.ecs.model.ListServicesRequest;
import software.amazon.awssdk.services.ecs.model.ListServicesResponse;
import software.amazon.awssdk.services.ecs.model.StopServiceDeploymentRequest;
import software.amazon.awssdk.services.ecs.model.StopServiceDeploymentResponse;
import software.amazon.awssdk.services.ecs.model.UpdateServicePrimaryTaskSetRequest;
import software.amazon.awssdk.services.ecs.model.UpdateServicePrimaryTaskSetResponse;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;
import software.amazon.awssdk.services.ecs.model.UpdateServiceResponse;
import software.amazon.awssdk.services.ecs.model.UpdateTaskSetRequest;
import software.amazon.awssdk.services.ecs.model.UpdateTaskSetResponse;

/**
 * The services of one region: CreateService, UpdateService, DeleteService, DescribeServices,
 * ListServices and the rest of the service API, with a {@link ServiceScheduler} that makes the
 * running tasks follow each service's desired state on the virtual clock.
 *
 * <pre>{@code
 * ecs.api().createService(r -> r.cluster("prod").serviceName("orders").taskDefinition("orders")
 *     .desiredCount(2).launchType(LaunchType.FARGATE).networkConfiguration(net));
 * ecs.clock().advance(Duration.ofMinutes(3));   // 2 tasks RUNNING, "has reached a steady state."
 * }</pre>
 */
public final class Services {

    private final RegionContext region;
    private final ServiceEventWriter eventWriter;
    private final Map<String, SimulatedService> byKey = new LinkedHashMap<>();
    private final ServiceScheduler scheduler;
    private final ServiceTasks serviceTasks;
    private final StartFailureTracker startFailures;
    private final ServiceRenderer renderer;
    private final ServiceRequests requests;
    private final ServiceConnectNamespaces namespaces;
    private final ServiceDeploymentHistory history;
    private final StagedDeployer staged;
    private final DeploymentAlarmWatcher alarmWatcher;
    private final ServiceDeploymentsApi deploymentsApi;
    private final ServiceRevisions revisions;
    private final TaskSets taskSets;
    private final Tags tags;
    private final Clusters clusters;
    private final Tasks tasks;

    /**
     * @param targetGroups the region's target groups as the Elastic Load Balancing v2 simulation publishes them
     *                     (validation of {@code loadBalancers}, registration, draining, target health)
     * @param alarms       the region's CloudWatch alarms as the CloudWatch simulation publishes them (deployment
     *                     alarms)
     */
    public Services(RegionContext region, Tags tags, Clusters clusters, CapacityProviders capacityProviders,
                    ContainerInstances containerInstances, TaskDefinitions taskDefinitions, Tasks tasks,
                    TargetGroupDirectory targetGroups, AlarmDirectory alarms) {
        this.region = region;
        this.tags = tags;
        this.clusters = clusters;
        this.tasks = tasks;
        ServiceLaunches launches = new ServiceLaunches(region, tags, capacityProviders, tasks);
        ServiceEventWriter events = new ServiceEventWriter(region);
        this.eventWriter = events;
        BlockedServices blocked = new BlockedServices();
        this.serviceTasks = new ServiceTasks();
        SteadyStateTracker steadyState = new SteadyStateTracker(serviceTasks, blocked, events);
        DeploymentRollback rollback = new DeploymentRollback(region, steadyState, events);
        this.startFailures = new StartFailureTracker(region, steadyState, events, rollback);
        this.history = new ServiceDeploymentHistory(region);
        this.staged = new StagedDeployer(region, targetGroups, serviceTasks,
                new LifecycleHookRunner(region, history), history, events);
        rollback.staged(staged);
        this.alarmWatcher = new DeploymentAlarmWatcher(region, alarms, serviceTasks);
        DeploymentFailures failures = new DeploymentFailures(region, events, rollback, startFailures);
        staged.failures(failures);
        alarmWatcher.failures(failures);
        LoadBalancerRegistration registrations = new LoadBalancerRegistration(region, this, tasks, targetGroups,
                events);
        TargetHealthWatcher targetHealth = new TargetHealthWatcher(this, tasks, registrations, events);
        DeploymentCompletion completion = new DeploymentCompletion(region, serviceTasks, events, alarmWatcher);
        ReplicaLauncher launcher = new ReplicaLauncher(region, launches, serviceTasks, blocked, steadyState, events);
        AzRebalancer rebalancer = new AzRebalancer(region, containerInstances, tasks, serviceTasks, launcher, events);
        this.scheduler = new ServiceScheduler(region, this, serviceTasks, blocked, startFailures,
                new HealthSettler(tasks, events), targetHealth,
                new ReplicaReconciler(tasks, serviceTasks, blocked, startFailures, launcher, rebalancer, completion,
                        steadyState, events, targetHealth, registrations, staged, alarmWatcher),
                new DaemonReconciler(region, containerInstances, tasks, launches, serviceTasks, completion, steadyState,
                        events, registrations),
                new ServiceDrainer(region, tasks, serviceTasks, events));
        this.renderer = new ServiceRenderer(region, serviceTasks, tags);
        LoadBalancerValidation loadBalancerValidation = new LoadBalancerValidation(targetGroups);
        this.requests = new ServiceRequests(region, clusters, capacityProviders, taskDefinitions,
                loadBalancerValidation, new DeploymentStrategyValidation(targetGroups));
        this.namespaces = new ServiceConnectNamespaces(region, this, clusters);
        this.deploymentsApi = new ServiceDeploymentsApi(region, this, scheduler, serviceTasks, startFailures,
                history, clusters, rollback, staged);
        this.revisions = new ServiceRevisions(region, history);
        this.taskSets = new TaskSets(region, scheduler, serviceTasks, events, tasks, capacityProviders,
                taskDefinitions, launches, tags, loadBalancerValidation);
        tasks.targets(registrations);
        targetGroups.addListener(targetHealth);
        tasks.addListener(scheduler);
        tasks.addHealthListener(scheduler);
        tasks.addCapacityFreedListener(scheduler::onCapacityChanged);
        containerInstances.addFollowUpListener(scheduler);
        tags.registerResourceType("service", arn -> {
            String[] parts = arn.substring(arn.indexOf(":service/") + ":service/".length()).split("/");
            return parts.length == 2 && find(parts[0], parts[1]) != null
                    && !"INACTIVE".equals(find(parts[0], parts[1]).status());
        });
    }

    /** Hears the scheduler's service actions that have no service event message (task sets, computed counts). */
    public void addServiceActionListener(ServiceActionListener listener) {
        eventWriter.addListener(listener);
    }

    private static String key(String cluster, String name) {
        return cluster + "/" + name;
    }

    // ---- Java-level access ------------------------------------------------------------------

    /** The service of that name or ARN in the cluster (any status), or null. */
    public SimulatedService find(String cluster, String nameOrArn) {
        return byKey.get(key(cluster, Arns.lastSegment(nameOrArn)));
    }

    /**
     * The ACTIVE service; ServiceNotFoundException when there is none of that name, and
     * ServiceNotActiveException ("Service was not ACTIVE.") when it is DRAINING or INACTIVE, as
     * UpdateService answers (the UpdateService API reference).
     */
    public SimulatedService resolveActive(String cluster, String nameOrArn) {
        SimulatedService s = find(cluster, nameOrArn);
        if (s == null) {
            throw EcsErrors.serviceNotFound();
        }
        if (!s.isActive()) {
            throw EcsErrors.serviceNotActive();
        }
        return s;
    }

    /** Services of a cluster that are not INACTIVE, in creation order. */
    public List<SimulatedService> inCluster(String cluster) {
        List<SimulatedService> list = new ArrayList<>();
        for (SimulatedService s : byKey.values()) {
            if (s.clusterName().equals(cluster) && !"INACTIVE".equals(s.status())) {
                list.add(s);
            }
        }
        return list;
    }

    List<SimulatedService> daemonsIn(String cluster) {
        List<SimulatedService> list = new ArrayList<>();
        for (SimulatedService s : byKey.values()) {
            if (s.isDaemon() && s.isActive() && s.clusterName().equals(cluster)) {
                list.add(s);
            }
        }
        return list;
    }

    /** Every service of the region, any status, in creation order. */
    public List<SimulatedService> all() {
        return List.copyOf(byKey.values());
    }

    /** The service's tasks whose desired status is RUNNING. */
    public List<dev.fakeecs.internal.task.SimulatedTask> tasksOf(SimulatedService service) {
        return serviceTasks.live(service);
    }

    /** The scheduler (for auto scaling and faults that need a service reconciled now). */
    public ServiceScheduler scheduler() {
        return scheduler;
    }

    /** Renders a service as DescribeServices shows it. */
    public Service describe(SimulatedService service) {
        return render(service, true);
    }

    private Service render(SimulatedService service, boolean withTags) {
        return taskSets.decorate(service, renderer.render(service, withTags));
    }

    /**
     * The load balancers a task of the service registers with: those of the deployment (or task set) that started
     * it, else the service's own.
     */
    List<software.amazon.awssdk.services.ecs.model.LoadBalancer> loadBalancersOf(SimulatedService service,
                                                                               dev.fakeecs.internal.task.SimulatedTask task) {
        SimulatedDeployment d = task.deploymentId() == null ? null : service.deployment(task.deploymentId());
        if (d != null) {
            return d.loadBalancers();
        }
        if (TaskSets.manages(service)) {
            for (ExternalTaskSet set : taskSets.of(service)) {
                if (set.id().equals(task.deploymentId())) {
                    return set.loadBalancers();
                }
            }
            return List.of();
        }
        return service.loadBalancers();
    }

    /** Task sets of EXTERNAL services (the scheduler hands their reconciliation over). */
    TaskSets taskSets() {
        return taskSets;
    }

    /** Number of ACTIVE services in the cluster, optionally only those of one launch type (EC2, FARGATE). */
    public int activeServiceCount(String cluster, String launchType) {
        return count(cluster, "ACTIVE", launchType);
    }

    /** Number of DRAINING services in the cluster, optionally only those of one launch type. */
    public int drainingServiceCount(String cluster, String launchType) {
        return count(cluster, "DRAINING", launchType);
    }

    private int count(String cluster, String status, String launchType) {
        int n = 0;
        for (SimulatedService s : byKey.values()) {
            if (s.clusterName().equals(cluster) && status.equals(s.status())
                    && (launchType == null || launchType.equals(s.effectiveLaunchType()))) {
                n++;
            }
        }
        return n;
    }

    /** Whether a service of that name or ARN exists (any status) in the cluster. */
    public boolean exists(String cluster, String nameOrArn) {
        return find(cluster, nameOrArn) != null;
    }

    /**
     * Capacity changed in the cluster (a host joined, a task freed resources): blocked services
     * retry, daemon services look for instances without their task.
     */
    public void onCapacityChanged(String cluster) {
        scheduler.onCapacityChanged(cluster);
    }

    // ---- API operations ---------------------------------------------------------------------

    /**
     * CreateService. A name already taken by an ACTIVE service answers that service when the request
     * is the same and "Creation of service was not idempotent." when not; a name whose service is
     * still DRAINING is refused with "Unable to Start a service that is still Draining."; an INACTIVE
     * one is replaced.
     */
    public CreateServiceResponse createService(CreateServiceRequest request) {
        SimulatedCluster cluster = clusters.resolve(request.cluster());
        String name = requests.serviceName(request.serviceName());
        SimulatedService existing = byKey.get(key(cluster.name(), name));
        if (existing != null && "DRAINING".equals(existing.status())) {
            throw EcsErrors.invalidParameter("Unable to Start a service that is still Draining.");
        }
        if (existing != null && !"INACTIVE".equals(existing.status())) {
            if (ServiceRequests.sameCreation(existing.creation(), request)) {
                return CreateServiceResponse.builder().service(render(existing, false)).build();
            }
            throw EcsErrors.invalidParameter("Creation of service was not idempotent.");
        }
        int max = region.engine().quotas().servicesPerCluster();
        if (activeServiceCount(cluster.name(), null) + drainingServiceCount(cluster.name(), null) >= max) {
            throw EcsErrors.limitExceeded("The maximum number of services (" + max + ") for cluster "
                    + cluster.name() + " has been reached.");
        }
        SimulatedService service = requests.newService(cluster, name, request);
        byKey.remove(key(cluster.name(), name));
        byKey.put(key(cluster.name(), name), service);
        if (request.hasTags() && !request.tags().isEmpty()) {
            tags.put(service.arn(), request.tags());
        }
        region.record(JournalEventType.SERVICE, service.arn(), "status", "ACTIVE", "desiredCount",
                Integer.toString(service.desiredCount()), "taskDefinition",
                service.taskDefinition() == null ? null : service.taskDefinition().taskDefinitionArn());
        if (!TaskSets.manages(service)) {
            startDeployment(service);
        } else if (TaskSets.isCodeDeploy(service)) {
            taskSets.startCodeDeployService(service);
        }
        scheduler.reconcileSoon(service);
        return CreateServiceResponse.builder().service(render(service, false)).build();
    }

    private SimulatedDeployment startDeployment(SimulatedService service) {
        java.time.Instant now = region.now();
        SimulatedDeployment previous = service.primary();
        SimulatedDeployment d = new SimulatedDeployment("ecs-svc/" + region.engine().random().digits(19), service.taskDefinition(),
                service.launchType(), service.capacityProviderStrategy(), service.networkConfiguration(),
                service.desiredCount(), now);
        d.loadBalancers(service.loadBalancers());
        List<dev.fakeecs.internal.task.SimulatedTask> live = serviceTasks.live(service);
        for (SimulatedDeployment older : service.deployments()) {
            // Since November 2025 an older revision's failed tasks are replaced with that revision: it keeps a
            // count of its own, shrinking only as the rollout retires its tasks.
            older.desiredCount(ServiceTasks.countOf(live, older), now);
        }
        if (previous != null) {
            previous.status("ACTIVE", now);
        }
        int activeRevisions = service.deployments().size();
        service.deployments().add(0, d);
        history.started(service, d, live);
        service.scaleInSuspended(previous != null);
        startFailures.reset(service);
        region.record(JournalEventType.DEPLOYMENT, service.arn(), "deployment", d.id(), "status", "PRIMARY",
                "taskDefinition", d.taskDefinition().taskDefinitionArn());
        if (DeploymentStrategyValidation.isStaged(DeploymentStrategyValidation.strategyOf(
                service.deploymentConfiguration())) && "ECS".equals(service.deploymentController())) {
            staged.start(service, d, previous, activeRevisions);
        } else if ("ECS".equals(service.deploymentController()) && !service.isDaemon()) {
            staged.startRolling(service, d, previous);
        }
        alarmWatcher.started(service, d);
        return d;
    }

    public UpdateServiceResponse updateService(UpdateServiceRequest request) {
        SimulatedCluster cluster = clusters.resolve(request.cluster());
        EcsErrors.require(request.service(), "service");
        SimulatedService service = resolveActive(cluster.name(), request.service());
        if (TaskSets.manages(service)) {
            taskSets.updateService(service, request);
            return UpdateServiceResponse.builder().service(render(service, false)).build();
        }
        boolean newDeployment = requests.applyUpdate(service, request);
        if (request.desiredCount() != null) {
            service.primary().desiredCount(service.desiredCount(), region.now());
            region.record(JournalEventType.SERVICE, service.arn(), "desiredCount",
                    Integer.toString(service.desiredCount()));
        }
        if (newDeployment) {
            startDeployment(service);
        }
        scheduler.reconcileSoon(service);
        return UpdateServiceResponse.builder().service(render(service, false)).build();
    }

    public DeleteServiceResponse deleteService(DeleteServiceRequest request) {
        SimulatedCluster cluster = clusters.resolve(request.cluster());
        EcsErrors.require(request.service(), "service");
        SimulatedService service = find(cluster.name(), request.service());
        if (service == null || "INACTIVE".equals(service.status())) {
            throw EcsErrors.serviceNotFound();
        }
        if (!service.isActive()) {
            return DeleteServiceResponse.builder().service(render(service, false)).build();
        }
        if (!service.isDaemon() && service.desiredCount() > 0 && !Boolean.TRUE.equals(request.force())) {
            throw EcsErrors.invalidParameter("The service cannot be stopped while it is scaled above 0.");
        }
        service.desiredCount(0);
        service.status("DRAINING");
        region.record(JournalEventType.SERVICE, service.arn(), "status", "DRAINING");
        Service rendered = render(service, false);
        scheduler.reconcileSoon(service);
        return DeleteServiceResponse.builder().service(rendered).build();
    }

    public DescribeServicesResponse describeServices(DescribeServicesRequest request) {
        SimulatedCluster cluster = clusters.resolve(request.cluster());
        if (!request.hasServices() || request.services().isEmpty()) {
            throw EcsErrors.invalidParameter("Services cannot be empty.");
        }
        if (request.services().size() > 10) {
            throw EcsErrors.invalidParameter("services can have at most 10 items.");
        }
        boolean withTags = request.hasInclude() && request.include().contains(ServiceField.TAGS);
        List<Service> found = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String ref : request.services()) {
            SimulatedService s = find(cluster.name(), ref);
            if (s == null) {
                // ECS names a missing service by its short ARN, without the cluster: service/NAME.
                String arn = Arns.isArn(ref) ? ref : region.arns().prefix() + "service/" + ref;
                failures.add(Failure.builder().arn(arn).reason("MISSING").build());
            } else {
                found.add(render(s, withTags));
            }
        }
        return DescribeServicesResponse.builder().services(found).failures(failures).build();
    }

    public ListServicesResponse listServices(ListServicesRequest request) {
        SimulatedCluster cluster = clusters.resolve(request.cluster());
        List<String> arns = new ArrayList<>();
        for (SimulatedService s : byKey.values()) {
            if (!s.clusterName().equals(cluster.name()) || !s.isActive()) {
                continue;
            }
            if (request.launchType() != null && !request.launchTypeAsString().equals(s.effectiveLaunchType())) {
                continue;
            }
            if (request.schedulingStrategy() != null
                    && !request.schedulingStrategyAsString().equals(s.schedulingStrategy())) {
                continue;
            }
            arns.add(s.arn());
        }
        Page<String> page = Page.of(arns, request.nextToken(), request.maxResults(), 10, 100, "ListServices");
        return ListServicesResponse.builder().serviceArns(page.items()).nextToken(page.nextToken()).build();
    }

    /** ListServicesByNamespace. */
    public ListServicesByNamespaceResponse listServicesByNamespace(ListServicesByNamespaceRequest request) {
        return namespaces.list(request);
    }

    /** DescribeServiceDeployments. */
    public DescribeServiceDeploymentsResponse describeServiceDeployments(DescribeServiceDeploymentsRequest request) {
        return deploymentsApi.describe(request);
    }

    /** ListServiceDeployments. */
    public ListServiceDeploymentsResponse listServiceDeployments(ListServiceDeploymentsRequest request) {
        return deploymentsApi.list(request);
    }

    /** DescribeServiceRevisions. */
    /**
     * Publishes the resources ECS manages on behalf of services (an Express service's load balancer, target groups,
     * scaling and alarms); DescribeServiceRevisions shows them as {@code ecsManagedResources}.
     */
    public void publishManagedResources(ManagedResourcesDirectory directory) {
        revisions.managedResources(directory);
    }

    /**
     * The ARN of the service revision a deployment of the service rolls out
     * ({@code ...:service-revision/<cluster>/<service>/<digits>}), or null when there is no such deployment.
     */
    public String revisionArn(SimulatedService service, dev.fakeecs.internal.deployment.SimulatedDeployment deployment) {
        return deployment == null ? null : history.revisionArn(service, deployment);
    }

    /**
     * The ARN of the service deployment that rolls out a deployment of the service
     * ({@code ...:service-deployment/<cluster>/<service>/<id>}), or null when there is no such deployment.
     */
    public String serviceDeploymentArn(SimulatedService service,
                                       dev.fakeecs.internal.deployment.SimulatedDeployment deployment) {
        return deployment == null ? null : ServiceDeploymentArns.of(region.arns().prefix(), service.clusterName(),
                service.name(), deployment.id());
    }

    public DescribeServiceRevisionsResponse describeServiceRevisions(DescribeServiceRevisionsRequest request) {
        return revisions.describe(request);
    }

    /** StopServiceDeployment. */
    public StopServiceDeploymentResponse stopServiceDeployment(StopServiceDeploymentRequest request) {
        return deploymentsApi.stop(request);
    }

    /** ContinueServiceDeployment. */
    public ContinueServiceDeploymentResponse continueServiceDeployment(ContinueServiceDeploymentRequest request) {
        return deploymentsApi.continueDeployment(request);
    }

    /** CreateTaskSet. */
    public CreateTaskSetResponse createTaskSet(CreateTaskSetRequest request) {
        return taskSets.create(taskSetService(request.cluster(), request.service()), request);
    }

    /** DeleteTaskSet. */
    public DeleteTaskSetResponse deleteTaskSet(DeleteTaskSetRequest request) {
        return taskSets.delete(taskSetService(request.cluster(), request.service()), request);
    }

    /** DescribeTaskSets. */
    public DescribeTaskSetsResponse describeTaskSets(DescribeTaskSetsRequest request) {
        return taskSets.describe(taskSetService(request.cluster(), request.service()), request);
    }

    /** UpdateTaskSet. */
    public UpdateTaskSetResponse updateTaskSet(UpdateTaskSetRequest request) {
        return taskSets.update(taskSetService(request.cluster(), request.service()), request);
    }

    /** UpdateServicePrimaryTaskSet. */
    public UpdateServicePrimaryTaskSetResponse updateServicePrimaryTaskSet(UpdateServicePrimaryTaskSetRequest request) {
        return taskSets.updatePrimary(taskSetService(request.cluster(), request.service()), request);
    }

    private SimulatedService taskSetService(String cluster, String service) {
        SimulatedCluster c = clusters.resolve(cluster);
        EcsErrors.require(service, "service");
        return resolveActive(c.name(), service);
    }
}
