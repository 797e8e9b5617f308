package dev.fakeecs.internal.service;

import dev.fakeecs.internal.deployment.SimulatedDeployment;
import dev.fakeecs.internal.engine.RegionContext;
import dev.fakeecs.internal.task.SimulatedTask;
import dev.fakeecs.internal.task.Tasks;
import dev.fakeecs.journal.JournalEventType;

import java.util.ArrayList;
import java.util.List;

/**
 * Reconciles a DRAINING (deleted) service: stops every task whose desired status is still RUNNING
 * (one {@code has stopped N running tasks} event), and once none of its tasks is left short of
 * STOPPING, the service and its deployments turn INACTIVE.
 */
final class ServiceDrainer {

    private final RegionContext region;
    private final Tasks regionTasks;
    private final ServiceTasks tasks;
    private final ServiceEventWriter events;

    ServiceDrainer(RegionContext region, Tasks regionTasks, ServiceTasks tasks, ServiceEventWriter events) {
        this.region = region;
        this.regionTasks = regionTasks;
        this.tasks = tasks;
        this.events = events;
    }

    void drain(SimulatedService service) {
        SimulatedDeployment primary = service.primary();
        List<String> stopped = new ArrayList<>();
        for (SimulatedTask t : tasks.live(service)) {
            regionTasks.stop(t, "ServiceSchedulerInitiated", "Scaling activity initiated by (deployment "
                    + (primary == null ? "" : primary.id()) + ")");
            stopped.add(t.id());
        }
        if (!stopped.isEmpty()) {
            events.write(service, ServiceMessages.stopped(service.name(), stopped));
        }
        boolean allStopped = true;
        for (SimulatedTask t : tasks.all(service)) {
            if (!"STOPPED".equals(t.lastStatus()) && !"STOPPING".equals(t.lastStatus())
                    && !"DEPROVISIONING".equals(t.lastStatus())) {
                allStopped = false;
            }
        }
        if (allStopped) {
            service.status("INACTIVE");
            for (SimulatedDeployment d : service.deployments()) {
                d.status("INACTIVE", region.now());
            }
            region.record(JournalEventType.SERVICE, service.arn(), "status", "INACTIVE");
        }
    }
}
