package dev.fakeecs.service;

import dev.fakeecs.containerinstance.ContainerInstance;
import dev.fakeecs.deployment.Deployment;
import dev.fakeecs.region.RegionState;
import dev.fakeecs.task.LaunchResult;
import dev.fakeecs.task.LaunchSpec;
import dev.fakeecs.task.Task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The DAEMON scheduling strategy: exactly one task per ACTIVE container instance that meets the
 * service's constraints; tasks on DRAINING or gone instances stop; on a new deployment each
 * instance's old task stops before the new one starts (minimumHealthyPercent 0, the API default
 * for daemons).
 */
final class DaemonReconciler {

    private final RegionState state;
    private final ServiceScheduler scheduler;

    DaemonReconciler(RegionState state, ServiceScheduler scheduler) {
        this.state = state;
        this.scheduler = scheduler;
    }

    void reconcile(Service service, List<Task> live, ServiceScheduler.Wake wake) {
        Deployment primary = service.primary();
        Instant now = state.now();
        List<ContainerInstance> instances = new ArrayList<>();
        for (ContainerInstance ci : state.containerInstances().inCluster(service.clusterName())) {
            if (ci.isActive()) {
                instances.add(ci);
            }
        }
        List<String> stopped = new ArrayList<>();
        for (Task t : live) {
            ContainerInstance ci = t.containerInstance();
            if (ci == null || !ci.isActive()) {
                scheduler.stop(service, t, "ServiceSchedulerInitiated", ServiceScheduler.DRAINING_REASON);
                stopped.add(t.id());
            }
        }
        List<String> started = new ArrayList<>();
        int eligible = 0;
        for (ContainerInstance ci : instances) {
            Task current = null;
            Task old = null;
            for (Task t : ci.tasks()) {
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
                scheduler.stop(service, old, "ServiceSchedulerInitiated",
                        "Scaling activity initiated by (deployment " + primary.id() + ")");
                stopped.add(old.id());
                continue;
            }
            LaunchSpec base = new ServiceLaunches(state).specFor(service, primary, live);
            LaunchSpec spec = new LaunchSpec(base.clusterName(), base.taskDefinition(), "EC2", null, base.group(),
                    base.startedBy(), null, service.placementConstraints(), List.of(), base.network(), List.of(),
                    base.enableExecuteCommand(), service.name(), primary.id());
            LaunchResult result = state.tasks().launchOn(spec, ci);
            if (result.placed()) {
                eligible++;
                scheduler.tasks().add(service, result.task());
                started.add(result.task().id());
            }
        }
        service.desiredCount(eligible);
        primary.desiredCount(eligible, now);
        if (!stopped.isEmpty()) {
            scheduler.event(service, ServiceMessages.stopped(service.name(), stopped));
        }
        if (!started.isEmpty()) {
            scheduler.runtime(service).steady = false;
            scheduler.event(service, ServiceMessages.started(service.name(), started));
        }
        scheduler.completeIfDone(service, primary, now);
        scheduler.checkSteadyState(service, primary, now, wake);
    }
}
