package dev.fakeecs.internal.service;

import dev.fakeecs.internal.task.Tasks;
import dev.fakeecs.internal.containerinstance.ContainerInstances;
import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.internal.deployment.SimulatedDeployment;
import dev.fakeecs.internal.engine.RegionContext;
import dev.fakeecs.internal.task.LaunchResult;
import dev.fakeecs.internal.task.LaunchSpec;
import dev.fakeecs.internal.task.SimulatedTask;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The DAEMON scheduling strategy: exactly one task per ACTIVE container instance that meets the
 * service's constraints; tasks on DRAINING or gone instances stop; on a new deployment each
 * instance's old task stops before the new one starts (minimumHealthyPercent 0, the API default
 * for daemons). The desired count follows the instances that hold one of the service's tasks (or
 * just got one); then the rollout completes when done and steady state is tracked.
 */
final class DaemonReconciler {

    private final RegionContext region;
    private final ContainerInstances containerInstances;
    private final Tasks tasks;
    private final ServiceLaunches launches;
    private final ServiceTasks serviceTasks;
    private final DeploymentCompletion completion;
    private final SteadyStateTracker steadyState;
    private final ServiceEventWriter events;
    private final LoadBalancerRegistration registrations;

    DaemonReconciler(RegionContext region, ContainerInstances containerInstances, Tasks tasks, ServiceLaunches launches,
                     ServiceTasks serviceTasks, DeploymentCompletion completion, SteadyStateTracker steadyState,
                     ServiceEventWriter events, LoadBalancerRegistration registrations) {
        this.region = region;
        this.containerInstances = containerInstances;
        this.tasks = tasks;
        this.launches = launches;
        this.serviceTasks = serviceTasks;
        this.completion = completion;
        this.steadyState = steadyState;
        this.events = events;
        this.registrations = registrations;
    }

    void reconcile(SimulatedService service, List<SimulatedTask> live, Wake wake) {
        SimulatedDeployment primary = service.primary();
        Instant now = region.now();
        List<SimulatedContainerInstance> instances = new ArrayList<>();
        for (SimulatedContainerInstance ci : containerInstances.inCluster(service.clusterName())) {
            if (ci.isActive()) {
                instances.add(ci);
            }
        }
        List<String> stopped = new ArrayList<>();
        for (SimulatedTask t : live) {
            SimulatedContainerInstance ci = t.containerInstance();
            if (ci == null || !ci.isActive()) {
                tasks.stop(t, "ServiceSchedulerInitiated", ServiceScheduler.DRAINING_REASON);
                stopped.add(t.id());
            }
        }
        List<String> started = new ArrayList<>();
        int eligible = 0;
        for (SimulatedContainerInstance ci : instances) {
            SimulatedTask current = null;
            SimulatedTask old = null;
            for (SimulatedTask t : SimulatedTask.placedOn(ci)) {
                if (service.name().equals(t.serviceName()) && !t.isStoppingOrStopped()) {
                    if (primary.id().equals(t.deploymentId())) {
                        current = t;
                    } else {
                        old = t;
                    }
                }
            }
            if (current != null) {
                eligible++;
                continue;
            }
            if (old != null) {
                eligible++;
                tasks.stop(old, "ServiceSchedulerInitiated",
                        "Scaling activity initiated by (deployment " + primary.id() + ")");
                stopped.add(old.id());
                continue;
            }
            LaunchSpec base = launches.specFor(service, primary, live);
            LaunchSpec spec = new LaunchSpec(base.clusterName(), base.taskDefinition(), "EC2", null, base.group(),
                    base.startedBy(), null, service.placementConstraints(), List.of(), base.network(), base.tags(),
                    base.enableExecuteCommand(), service.name(), primary.id());
            LaunchResult result = tasks.launchOn(spec, ci);
            if (result.placed()) {
                eligible++;
                serviceTasks.add(service, result.task());
                started.add(result.task().id());
            }
        }
        if (service.desiredCount() != eligible) {
            events.desiredCountComputed(service, null, eligible);
        }
        service.desiredCount(eligible);
        primary.desiredCount(eligible, now);
        if (!stopped.isEmpty()) {
            events.write(service, ServiceMessages.stopped(service.name(), stopped));
        }
        if (!started.isEmpty()) {
            steadyState.unsettle(service);
            events.write(service, ServiceMessages.started(service.name(), started));
        }
        registrations.deregisterStopping();
        completion.completeIfDone(service, primary, now, wake);
        steadyState.check(service, primary, now, wake);
    }
}
