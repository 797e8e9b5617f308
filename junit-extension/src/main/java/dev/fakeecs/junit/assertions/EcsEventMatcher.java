package dev.fakeecs.junit.assertions;

import dev.fakeecs.events.EcsEvent;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Which ECS events an assertion looks for: a detail-type, then conditions on the detail, each added by a
 * {@code with...} method that returns a new matcher (matchers are immutable and can be shared). Its
 * {@link #toString()} reads as the assertion message's "to contain" line.
 *
 * <pre>{@code
 * assertThat(events).contains(taskStateChange().withStopCode("SpotInterruption").withLastStatus("STOPPED"));
 * assertThat(events).contains(2, serviceAction("SERVICE_TASK_PLACEMENT_FAILURE"));
 * assertThat(events).doesNotContain(deploymentStateChange().withEventName("SERVICE_DEPLOYMENT_FAILED"));
 * }</pre>
 */
public final class EcsEventMatcher implements Predicate<EcsEvent> {

    private final String description;
    private final List<Predicate<EcsEvent>> conditions;

    private EcsEventMatcher(String description, List<Predicate<EcsEvent>> conditions) {
        this.description = description;
        this.conditions = List.copyOf(conditions);
    }

    /** Any ECS event. */
    public static EcsEventMatcher anyEvent() {
        return new EcsEventMatcher("any ECS event", List.of());
    }

    /** An event of this detail-type ({@link EcsEvent#TASK_STATE_CHANGE}, ...). */
    public static EcsEventMatcher ofDetailType(String detailType) {
        Objects.requireNonNull(detailType, "detailType");
        return new EcsEventMatcher("an \"" + detailType + "\"", List.of(e -> e.detailType().equals(detailType)));
    }

    /** An {@code ECS Task State Change}. */
    public static EcsEventMatcher taskStateChange() {
        return ofDetailType(EcsEvent.TASK_STATE_CHANGE);
    }

    /** An {@code ECS Container Instance State Change}. */
    public static EcsEventMatcher containerInstanceStateChange() {
        return ofDetailType(EcsEvent.CONTAINER_INSTANCE_STATE_CHANGE);
    }

    /** An {@code ECS Service Action} of any name. */
    public static EcsEventMatcher serviceAction() {
        return ofDetailType(EcsEvent.SERVICE_ACTION);
    }

    /** An {@code ECS Service Action} with this {@code eventName} ({@code SERVICE_STEADY_STATE}, ...). */
    public static EcsEventMatcher serviceAction(String eventName) {
        return serviceAction().withEventName(eventName);
    }

    /** An {@code ECS Deployment State Change}. */
    public static EcsEventMatcher deploymentStateChange() {
        return ofDetailType(EcsEvent.DEPLOYMENT_STATE_CHANGE);
    }

    /** An {@code ECS Hook State Change}. */
    public static EcsEventMatcher hookStateChange() {
        return ofDetailType(EcsEvent.HOOK_STATE_CHANGE);
    }

    /** Adds a condition on one top-level detail field (compared as text; a missing field never matches). */
    public EcsEventMatcher withDetail(String field, Object value) {
        String expected = String.valueOf(value);
        return and(field + " " + expected, e -> expected.equals(e.detailText(field)));
    }

    /** Task state changes: the task's {@code stopCode}. */
    public EcsEventMatcher withStopCode(String stopCode) {
        return withDetail("stopCode", stopCode);
    }

    /** Task state changes: the task's {@code stopCode}. */
    public EcsEventMatcher withStopCode(TaskStopCode stopCode) {
        return withStopCode(stopCode.toString());
    }

    /** Task state changes: the task's {@code lastStatus}. */
    public EcsEventMatcher withLastStatus(String lastStatus) {
        return withDetail("lastStatus", lastStatus);
    }

    /** Task state changes: the task's {@code desiredStatus}. */
    public EcsEventMatcher withDesiredStatus(String desiredStatus) {
        return withDetail("desiredStatus", desiredStatus);
    }

    /** Container instance state changes: the instance's {@code status}. */
    public EcsEventMatcher withStatus(String status) {
        return withDetail("status", status);
    }

    /** Service action, deployment and hook events: the {@code eventName}. */
    public EcsEventMatcher withEventName(String eventName) {
        return withDetail("eventName", eventName);
    }

    /** Service action, deployment and hook events: the {@code eventType} (INFO, WARN, ERROR). */
    public EcsEventMatcher withEventType(String eventType) {
        return withDetail("eventType", eventType);
    }

    /** Events whose {@code detail.reason} (service actions, deployments) or {@code stoppedReason} contains this. */
    public EcsEventMatcher withReasonContaining(String fragment) {
        return and("reason containing \"" + fragment + "\"", e -> {
            String reason = e.detailText("reason") != null ? e.detailText("reason") : e.detailText("stoppedReason");
            return reason != null && reason.contains(fragment);
        });
    }

    /** Events one of whose {@code resources} contains {@code fragment} (an ARN, a service or task id). */
    public EcsEventMatcher about(String fragment) {
        return and("about " + fragment, e -> e.resources().stream().anyMatch(r -> r.contains(fragment)));
    }

    /** Adds any condition, described for messages. */
    public EcsEventMatcher matching(String description, Predicate<EcsEvent> condition) {
        return and(description, condition);
    }

    private EcsEventMatcher and(String what, Predicate<EcsEvent> condition) {
        List<Predicate<EcsEvent>> all = new ArrayList<>(conditions);
        all.add(condition);
        String joiner = description.contains(" with ") ? ", " : " with ";
        return new EcsEventMatcher(description + joiner + what, all);
    }

    @Override
    public boolean test(EcsEvent event) {
        for (Predicate<EcsEvent> c : conditions) {
            if (!c.test(event)) {
                return false;
            }
        }
        return true;
    }

    /** One event in a line, as assertion messages list them. */
    public static String describe(EcsEvent e) {
        StringBuilder b = new StringBuilder().append('#').append(e.sequence()).append(' ').append(e.time()).append(' ')
                .append(e.detailType()).append(' ').append(e.resources().isEmpty() ? "" : e.resources().get(0));
        for (String field : List.of("lastStatus", "desiredStatus", "stopCode", "status", "eventType", "eventName")) {
            String value = e.detailText(field);
            if (value != null) {
                b.append(' ').append(field).append('=').append(value);
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return description;
    }
}
