package dev.fakeecs.internal.events;

import dev.fakeecs.internal.neighbour.EcsNeighbourhood;
import dev.fakeecs.internal.service.ServiceMessages;
import dev.fakeecs.internal.service.SimulatedService;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code detail} of an {@code ECS Service Action}, {@code {eventType, eventName, clusterArn, createdAt, [reason],
 * [capacityProviderArns], [containerInstanceArns]}}, for the service events that have one: steady state (INFO
 * {@code SERVICE_STEADY_STATE}), tasks stopped (INFO {@code TASKS_STOPPED}), impaired starts (WARN
 * {@code SERVICE_TASK_START_IMPAIRED}), placement failures (ERROR {@code SERVICE_TASK_PLACEMENT_FAILURE} with
 * {@code RESOURCE:CPU} and the closest container instance, or {@code RESOURCE:FARGATE} and the capacity providers),
 * throttling (ERROR {@code ECS_OPERATION_THROTTLED}), and deployments starting and completing.
 *
 * <pre>{@code
 * Map<String, Object> d = actions.fromMessage(s, "(service web) has reached a steady state.", now);
 * d.get("eventName");   // "SERVICE_STEADY_STATE"
 * }</pre>
 */
final class ServiceActionEvents {

    private static final Pattern CLOSEST = Pattern.compile("\\(container-instance ([^)]+)\\)");

    private final EcsNeighbourhood ecs;

    ServiceActionEvents(EcsNeighbourhood ecs) {
        this.ecs = ecs;
    }

    /** The service action a service event message stands for, or null when it has none. */
    Map<String, Object> fromMessage(ServiceArn s, String message, Instant now) {
        String name = s.service();
        if (message.equals(ServiceMessages.steadyState(name))) {
            return detail("INFO", "SERVICE_STEADY_STATE", s, now);
        }
        if (message.startsWith("(service " + name + ") has stopped ")) {
            return detail("INFO", "TASKS_STOPPED", s, now);
        }
        if (message.equals(ServiceMessages.unableToStartConsistently(name))) {
            return detail("WARN", "SERVICE_TASK_START_IMPAIRED", s, now);
        }
        if (message.equals(ServiceMessages.throttled(name))) {
            return detail("ERROR", "ECS_OPERATION_THROTTLED", s, now);
        }
        if (message.equals(ServiceMessages.capacityUnavailable(name))) {
            return detail("ERROR", "SERVICE_TASK_PLACEMENT_FAILURE", s, now,
                    "capacityProviderArns", capacityProviderArns(s), "reason", "RESOURCE:FARGATE");
        }
        String placementPrefix = ServiceMessages.unableToPlace(name, null, null);
        placementPrefix = placementPrefix.substring(0, placementPrefix.indexOf(" Reason:"));
        if (message.startsWith(placementPrefix)) {
            Matcher closest = CLOSEST.matcher(message);
            List<String> instances = closest.find()
                    ? List.of(s.prefix() + "container-instance/" + s.cluster() + "/" + closest.group(1)) : null;
            return detail("ERROR", "SERVICE_TASK_PLACEMENT_FAILURE", s, now,
                    "containerInstanceArns", instances, "reason", reasonOf(message));
        }
        return null;
    }

    /** The placement failure reason the message's wording stands for (its inverse in ServiceMessages). */
    private static String reasonOf(String message) {
        if (message.contains("has insufficient CPU units available.")) {
            return "RESOURCE:CPU";
        }
        if (message.contains("has insufficient memory available.")) {
            return "RESOURCE:MEMORY";
        }
        if (message.contains("is already using a port required by your task.")) {
            return "RESOURCE:PORTS";
        }
        if (message.contains("has insufficient GPU resource available.")) {
            return "RESOURCE:GPU";
        }
        if (message.contains("has insufficient ENI resource available.")) {
            return "RESOURCE:ENI";
        }
        Matcher other = Pattern.compile("encountered error \"([^\"]+)\"").matcher(message);
        return other.find() ? other.group(1) : null;
    }

    private List<String> capacityProviderArns(ServiceArn s) {
        SimulatedService service = ecs.service(s.cluster(), s.service());
        List<String> arns = new ArrayList<>();
        if (service != null) {
            for (CapacityProviderStrategyItem item : service.capacityProviderStrategy()) {
                arns.add(s.prefix() + "capacity-provider/" + item.capacityProvider());
            }
        }
        if (arns.isEmpty()) {
            arns.add(s.prefix() + "capacity-provider/FARGATE");
        }
        return arns;
    }

    /**
     * {@code CAPACITY_PROVIDER_STEADY_STATE} with the providers of the service's capacity provider strategy (as in
     * AWS's example), emitted with each {@code SERVICE_STEADY_STATE} of a service that has one; null otherwise.
     */
    Map<String, Object> capacityProviderSteadyState(ServiceArn s, Instant now) {
        SimulatedService service = ecs.service(s.cluster(), s.service());
        if (service == null || service.capacityProviderStrategy().isEmpty()) {
            return null;
        }
        return detail("INFO", "CAPACITY_PROVIDER_STEADY_STATE", s, now,
                "capacityProviderArns", capacityProviderArns(s));
    }

    /** {@code TASKSET_STEADY_STATE}: the base fields and {@code taskSetArns} (a field of AWS's event schema). */
    static Map<String, Object> taskSetSteadyState(ServiceArn s, String taskSetArn, Instant now) {
        return detail("INFO", "TASKSET_STEADY_STATE", s, now, "taskSetArns", List.of(taskSetArn));
    }

    /**
     * {@code SERVICE_DESIRED_COUNT_UPDATED}: the base fields, {@code desiredCount} and, for a task set,
     * {@code taskSetArns} (fields of AWS's event schema).
     */
    static Map<String, Object> desiredCountUpdated(ServiceArn s, String taskSetArn, int desiredCount, Instant now) {
        return detail("INFO", "SERVICE_DESIRED_COUNT_UPDATED", s, now, "desiredCount", desiredCount,
                "taskSetArns", taskSetArn == null ? null : List.of(taskSetArn));
    }

    /**
     * A service action's detail: {@code eventType}, {@code eventName}, {@code clusterArn}, then the optional fields
     * given as name-value pairs, then {@code createdAt} (the order of AWS's examples).
     */
    static Map<String, Object> detail(String eventType, String eventName, ServiceArn s, Instant now,
                                      Object... extras) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("eventType", eventType);
        d.put("eventName", eventName);
        d.put("clusterArn", s.clusterArn());
        for (int i = 0; i < extras.length; i += 2) {
            if (extras[i + 1] != null) {
                d.put((String) extras[i], extras[i + 1]);
            }
        }
        d.put("createdAt", IsoTimes.withMillis(now));
        return d;
    }
}
