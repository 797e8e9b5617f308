package dev.fakeecs.internal.neighbour;

import dev.fakeecs.internal.alarms.AlarmDirectory;
import dev.fakeecs.internal.alarms.PublishedAlarms;
import dev.fakeecs.autoscaling.ScalingMetric;
import dev.fakeecs.internal.load.ServiceLoads;
import dev.fakeecs.internal.containerinstance.ContainerInstanceListener;
import dev.fakeecs.internal.containerinstance.ContainerInstances;
import dev.fakeecs.internal.service.Services;
import dev.fakeecs.internal.service.SimulatedService;
import dev.fakeecs.internal.task.SimulatedTask;
import dev.fakeecs.internal.task.TaskStateListener;
import dev.fakeecs.internal.task.Tasks;

import dev.fakeecs.internal.targets.OfferedLoad;
import dev.fakeecs.internal.targets.PublishedTargetGroups;
import dev.fakeecs.internal.targets.TargetApplications;
import dev.fakeecs.internal.targets.TargetGroupDirectory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What ECS in one region publishes to the simulated services beside it: events to subscribe to and
 * read-only lookups. Nothing here changes ECS state; a neighbour that must act on ECS (a load balancer
 * failing a task's health check, say) gets a narrow operation added here for that purpose.
 *
 * <pre>{@code
 * ecs.addTaskListener((task, from, to) -> { if (to.equals("RUNNING")) registerTarget(task); });
 * List<SimulatedTask> live = ecs.serviceTasks("prod", "web");
 * }</pre>
 */
public final class EcsNeighbourhood {

    private final Tasks tasks;
    private final ContainerInstances containerInstances;
    private final Services services;
    private final TargetApplications applications;
    private final PublishedTargetGroups targetGroups;
    private final PublishedAlarms alarms;
    private final ApiCalls calls;
    private final OfferedLoad offeredLoad;
    private final ServiceLoads loads;
    private final Function<RegionalService<?>, Object> siblings;

    /**
     * @param targetGroups where the region's target groups are published; ECS's services use the same holder
     * @param alarms       where the region's CloudWatch alarms are published; ECS's deployments poll the same holder
     * @param calls        how the region runs an API call (lock, interceptors, auto clock step); null: the
     *                     neighbour only takes the engine lock
     * @param offeredLoad  the load the region's services offer to each target group (null: none)
     * @param loads        where service utilisation comes from ({@link #serviceUsage}); null: no figures
     * @param siblings     the region's simulated services built so far ({@link #sibling}); null: none
     */
    public EcsNeighbourhood(Tasks tasks, ContainerInstances containerInstances, Services services,
                            PublishedTargetGroups targetGroups, PublishedAlarms alarms, ApiCalls calls, OfferedLoad offeredLoad,
                            ServiceLoads loads, Function<RegionalService<?>, Object> siblings) {
        this.tasks = tasks;
        this.containerInstances = containerInstances;
        this.services = services;
        this.applications = tasks.applications();
        this.targetGroups = targetGroups;
        this.alarms = alarms;
        this.calls = calls;
        this.offeredLoad = offeredLoad == null ? OfferedLoad.NONE : offeredLoad;
        this.loads = loads;
        this.siblings = siblings;
    }

    /**
     * CPU and memory utilisation now of every ACTIVE service of the region, in creation order: the figures
     * Service Auto Scaling computes (a scalable target's load, else what the images declare). Read-only; the
     * caller holds the engine lock.
     */
    public List<ServiceUsage> serviceUsage() {
        if (loads == null) {
            return List.of();
        }
        List<ServiceUsage> usage = new ArrayList<>();
        for (SimulatedService s : services.all()) {
            if (s.isActive()) {
                usage.add(new ServiceUsage(s.clusterName(), s.name(),
                        loads.usageNow(s, ScalingMetric.ECS_SERVICE_AVERAGE_CPU_UTILIZATION),
                        loads.usageNow(s, ScalingMetric.ECS_SERVICE_AVERAGE_MEMORY_UTILIZATION)));
            }
        }
        return usage;
    }

    /**
     * Another simulated service of the same region (CloudWatch reading the load balancers' figures), or null when
     * the region does not host it (or it is not built yet: ask after construction).
     */
    public <P> P sibling(RegionalService<P> service) {
        if (siblings == null) {
            return null;
        }
        @SuppressWarnings("unchecked")
        P part = (P) siblings.apply(service);
        return part;
    }

    /**
     * The ACTIVE service's capacity, or null when the region has no ACTIVE service of that name in that cluster.
     * Read-only; the caller holds the engine lock.
     */
    public ServiceCapacity serviceCapacity(String cluster, String service) {
        SimulatedService s = services.find(cluster, service);
        if (s == null || !s.isActive()) {
            return null;
        }
        int running = 0;
        for (SimulatedTask t : services.tasksOf(s)) {
            if (t.isRunning()) {
                running++;
            }
        }
        return new ServiceCapacity(s.desiredCount(), running, s.scaleInSuspended());
    }

    /**
     * Sets an ACTIVE service's desired count as an ordinary UpdateService would (Application Auto Scaling's one
     * way of acting on ECS); the caller holds the engine lock and has checked the service exists.
     */
    public void setDesiredCount(String cluster, String service, int desiredCount) {
        services.updateService(software.amazon.awssdk.services.ecs.model.UpdateServiceRequest.builder()
                .cluster(cluster).service(service).desiredCount(desiredCount).build());
    }

    /** How the region runs an API call of a neighbour service, or null when only the engine lock applies. */
    public ApiCalls apiCalls() {
        return calls;
    }

    /** Every task state transition of the region, after ECS's own listeners (called under the engine lock). */
    public void addTaskListener(TaskStateListener listener) {
        tasks.addListener(listener);
    }

    /** Container instance registrations, draining and deregistrations (called under the engine lock). */
    public void addContainerInstanceListener(ContainerInstanceListener listener) {
        containerInstances.addListener(listener);
    }

    /** The task with this ARN or id (also recently STOPPED ones), or null. Read-only; under the engine lock. */
    public SimulatedTask task(String idOrArn) {
        return tasks.find(idOrArn);
    }

    /** A task as DescribeTasks shows it (with tags). Read-only; under the engine lock. */
    public software.amazon.awssdk.services.ecs.model.Task describeTask(SimulatedTask task) {
        return tasks.describe(task);
    }

    /** A task as DescribeTasks shows it, without its tags (cheaper: ECS events leave them out). */
    public software.amazon.awssdk.services.ecs.model.Task describeTaskUntagged(SimulatedTask task) {
        return tasks.describeUntagged(task);
    }

    /** The container instance with this ARN anywhere in the region (any status), or null. */
    public dev.fakeecs.internal.containerinstance.SimulatedContainerInstance containerInstance(String arn) {
        return containerInstances.byArn(arn);
    }

    /** The service of that cluster with this name or ARN, or null. Read-only; under the engine lock. */
    public SimulatedService service(String cluster, String nameOrArn) {
        return services.find(cluster, nameOrArn);
    }

    /** Told after a task on a container instance of a cluster stopped and released its resources. */
    public void addCapacityFreedListener(dev.fakeecs.internal.task.CapacityFreedListener listener) {
        tasks.addCapacityFreedListener(listener);
    }

    /** The scheduler's service actions that have no service event message (called under the engine lock). */
    public void addServiceActionListener(dev.fakeecs.internal.service.ServiceActionListener listener) {
        services.addServiceActionListener(listener);
    }

    /** The service's tasks whose desired status is RUNNING (empty for a service that does not exist). */
    public List<SimulatedTask> serviceTasks(String cluster, String service) {
        SimulatedService s = services.find(cluster, service);
        return s == null ? List.of() : List.copyOf(services.tasksOf(s));
    }

    /**
     * The applications ECS runs, as a load balancer's health checks and traffic reach them: a task's ENI IP and
     * container port, or a container instance's EC2 id and host port, answer with the image's {@code httpStatus}
     * (503 before {@code healthyAfterSeconds}), nothing when the task is not ACTIVATING or RUNNING, its host is
     * gone or its zone is out.
     */
    public TargetApplications applications() {
        return applications;
    }

    /**
     * The requests per second the region's services offer to each target group: the sum of the load models
     * ({@code loadCurve}, {@code setServiceLoad}, multiplier windows included) of the ACTIVE services whose
     * {@code loadBalancers} name it. The load balancer turns it into traffic.
     */
    public OfferedLoad offeredLoad() {
        return offeredLoad;
    }

    /**
     * Publishes the region's target groups to ECS (called once by the Elastic Load Balancing v2 simulation when
     * it is built); until then ECS sees {@link TargetGroupDirectory#NONE}. ECS's services validate
     * {@code loadBalancers}, register and drain targets and follow target health through it from then on; a
     * later publication replaces it.
     */
    public void publishTargetGroups(TargetGroupDirectory directory) {
        targetGroups.publish(directory);
    }

    /** The target groups ECS uses: the directory published last ({@link TargetGroupDirectory#NONE} before). */
    public TargetGroupDirectory targetGroups() {
        return targetGroups.current();
    }

    /**
     * Publishes the region's CloudWatch alarms to ECS (called once by the CloudWatch simulation when it is built);
     * until then ECS sees {@link AlarmDirectory#NONE}. Deployments with {@code deploymentConfiguration.alarms} poll
     * it.
     */
    public void publishAlarms(AlarmDirectory directory) {
        alarms.publish(directory);
    }
}
