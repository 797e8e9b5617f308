package dev.fakeecs.internal.region;

import dev.fakeecs.internal.containerinstance.ContainerInstanceListener;
import dev.fakeecs.internal.containerinstance.ContainerInstances;
import dev.fakeecs.internal.service.Services;
import dev.fakeecs.internal.service.SimulatedService;
import dev.fakeecs.internal.task.SimulatedTask;
import dev.fakeecs.internal.task.TaskStateListener;
import dev.fakeecs.internal.task.Tasks;

import java.util.List;

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

    EcsNeighbourhood(Tasks tasks, ContainerInstances containerInstances, Services services) {
        this.tasks = tasks;
        this.containerInstances = containerInstances;
        this.services = services;
    }

    /** Every task state transition of the region, after ECS's own listeners (called under the engine lock). */
    public void addTaskListener(TaskStateListener listener) {
        tasks.addListener(listener);
    }

    /** Container instance registrations, draining and deregistrations (called under the engine lock). */
    public void addContainerInstanceListener(ContainerInstanceListener listener) {
        containerInstances.addListener(listener);
    }

    /** The service's tasks whose desired status is RUNNING (empty for a service that does not exist). */
    public List<SimulatedTask> serviceTasks(String cluster, String service) {
        SimulatedService s = services.find(cluster, service);
        return s == null ? List.of() : List.copyOf(services.tasksOf(s));
    }
}
