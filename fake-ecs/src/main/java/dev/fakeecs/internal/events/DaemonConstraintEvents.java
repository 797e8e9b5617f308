package dev.fakeecs.internal.events;

import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.internal.neighbour.EcsNeighbourhood;
import dev.fakeecs.internal.placement.ClusterQuery;
import dev.fakeecs.internal.service.SimulatedService;
import dev.fakeecs.internal.task.SimulatedTask;
import software.amazon.awssdk.services.ecs.model.PlacementConstraint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code SERVICE_DAEMON_PLACEMENT_CONSTRAINT_VIOLATED} (ERROR): after a container instance's attributes changed, each
 * DAEMON service with a task on it whose {@code memberOf} constraints the instance no longer meets, with the
 * instance in {@code containerInstanceArns}. The task keeps running (fake-ecs's daemon scheduler does not re-check
 * constraints after placement).
 *
 * <pre>{@code
 * for (Map<String, Object> d : daemons.violations(ci, now)) { emit(SERVICE_ACTION, d); }
 * }</pre>
 */
final class DaemonConstraintEvents {

    private final EcsNeighbourhood ecs;

    DaemonConstraintEvents(EcsNeighbourhood ecs) {
        this.ecs = ecs;
    }

    /** The service ARN and detail of each violation on {@code ci}, in the order of the instance's tasks. */
    List<Map.Entry<String, Map<String, Object>>> violations(SimulatedContainerInstance ci, Instant now) {
        Set<SimulatedService> violated = new LinkedHashSet<>();
        for (SimulatedTask t : SimulatedTask.placedOn(ci)) {
            if (t.serviceName() == null || t.isStoppingOrStopped()) {
                continue;
            }
            SimulatedService service = ecs.service(ci.clusterName(), t.serviceName());
            if (service != null && "DAEMON".equals(service.schedulingStrategy()) && !meets(service, ci)) {
                violated.add(service);
            }
        }
        List<Map.Entry<String, Map<String, Object>>> out = new ArrayList<>();
        for (SimulatedService service : violated) {
            ServiceArn s = ServiceArn.parse(service.arn());
            if (s != null) {
                out.add(Map.entry(s.arn(), ServiceActionEvents.detail("ERROR",
                        "SERVICE_DAEMON_PLACEMENT_CONSTRAINT_VIOLATED", s, now,
                        "containerInstanceArns", List.of(ci.arn()))));
            }
        }
        return out;
    }

    private static boolean meets(SimulatedService service, SimulatedContainerInstance ci) {
        for (PlacementConstraint c : service.placementConstraints()) {
            if ("memberOf".equalsIgnoreCase(c.typeAsString()) && c.expression() != null
                    && !ClusterQuery.parse(c.expression()).test(ci)) {
                return false;
            }
        }
        return true;
    }
}
