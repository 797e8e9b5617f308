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
            Map<String, Object> d = detail("ERROR", "SERVICE_TASK_PLACEMENT_FAILURE", s, now);
            d.put("reason", "RESOURCE:FARGATE");
            d.put("capacityProviderArns", capacityProviderArns(s));
            return d;
        }
        String placementPrefix = ServiceMessages.unableToPlace(name, null, null);
        placementPrefix = placementPrefix.substring(0, placementPrefix.indexOf(" Reason:"));
        if (message.startsWith(placementPrefix)) {
            Map<String, Object> d = detail("ERROR", "SERVICE_TASK_PLACEMENT_FAILURE", s, now);
            Matcher closest = CLOSEST.matcher(message);
            String reason = reasonOf(message);
            if (reason != null) {
                d.put("reason", reason);
            }
            if (closest.find()) {
                d.put("containerInstanceArns", List.of(s.prefix() + "container-instance/" + s.cluster() + "/"
                        + closest.group(1)));
            }
            return d;
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

    /** A service action without reason: {@code eventType}, {@code eventName}, {@code clusterArn}, {@code createdAt}. */
    static Map<String, Object> detail(String eventType, String eventName, ServiceArn s, Instant now) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("eventType", eventType);
        d.put("eventName", eventName);
        d.put("clusterArn", s.clusterArn());
        d.put("createdAt", IsoTimes.withMillis(now));
        return d;
    }
}
