package dev.fakeecs.internal.placement;

import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.internal.containerinstance.HostedTask;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static dev.fakeecs.internal.placement.QueryOperator.EQUALS;
import static dev.fakeecs.internal.placement.QueryOperator.EXISTS;
import static dev.fakeecs.internal.placement.QueryOperator.GREATER_THAN;
import static dev.fakeecs.internal.placement.QueryOperator.GREATER_THAN_EQUAL;
import static dev.fakeecs.internal.placement.QueryOperator.IN;
import static dev.fakeecs.internal.placement.QueryOperator.LESS_THAN;
import static dev.fakeecs.internal.placement.QueryOperator.LESS_THAN_EQUAL;
import static dev.fakeecs.internal.placement.QueryOperator.MATCHES;
import static dev.fakeecs.internal.placement.QueryOperator.NOT_EQUALS;
import static dev.fakeecs.internal.placement.QueryOperator.NOT_EXISTS;
import static dev.fakeecs.internal.placement.QueryOperator.NOT_IN;
import static dev.fakeecs.internal.placement.QueryOperator.NOT_MATCHES;

/**
 * A subject of the cluster query language: what it reads from a container instance, which operators
 * it accepts (as the ECS developer guide lists them) and how its values compare.
 *
 * <p>{@code task:group} is the one subject with several values, the groups of the tasks on the instance
 * that have not stopped; a positive operator holds when any of them satisfies it. An instance without
 * the attribute has no value: {@code ==}, {@code in}, {@code =~} and ordering are false, their negations true.
 */
enum QuerySubject {
    AGENT_CONNECTED("agentConnected", EnumSet.of(EQUALS, NOT_EQUALS, IN, NOT_IN, MATCHES, NOT_MATCHES)),
    AGENT_VERSION("agentVersion", EnumSet.of(EQUALS, NOT_EQUALS, GREATER_THAN, GREATER_THAN_EQUAL, LESS_THAN,
            LESS_THAN_EQUAL)),
    ATTRIBUTE("attribute:", EnumSet.allOf(QueryOperator.class)),
    EC2_INSTANCE_ID("ec2InstanceId", EnumSet.of(EQUALS, NOT_EQUALS, IN, NOT_IN, MATCHES, NOT_MATCHES)),
    REGISTERED_AT("registeredAt", EnumSet.of(EQUALS, NOT_EQUALS, GREATER_THAN, GREATER_THAN_EQUAL, LESS_THAN,
            LESS_THAN_EQUAL)),
    RUNNING_TASKS_COUNT("runningTasksCount", EnumSet.of(EQUALS, NOT_EQUALS, GREATER_THAN, GREATER_THAN_EQUAL,
            LESS_THAN, LESS_THAN_EQUAL)),
    TASK_GROUP("task:group", EnumSet.of(EQUALS, NOT_EQUALS, EXISTS, NOT_EXISTS, IN, NOT_IN, MATCHES,
            NOT_MATCHES));

    private final String name;
    private final Set<QueryOperator> operators;

    QuerySubject(String name, Set<QueryOperator> operators) {
        this.name = name;
        this.operators = operators;
    }

    /** The subject as written ({@code attribute:} is a prefix). */
    String displayName() {
        return name;
    }

    boolean accepts(QueryOperator op) {
        return operators.contains(op);
    }

    /** The subject this word names, or null; {@code attribute:<name>} is matched by the parser. */
    static QuerySubject fromWord(String word) {
        for (QuerySubject s : values()) {
            if (s != ATTRIBUTE && s.name.equalsIgnoreCase(word)) {
                return s;
            }
        }
        return null;
    }

    /** What the instance holds for this subject: none, one or (task:group) several values. */
    List<String> values(SimulatedContainerInstance instance, String attributeName) {
        return switch (this) {
            case AGENT_CONNECTED -> List.of(Boolean.toString(instance.agentConnected()));
            case AGENT_VERSION -> optional(instance.agentVersion());
            case ATTRIBUTE -> attribute(instance, attributeName);
            case EC2_INSTANCE_ID -> optional(instance.ec2InstanceId());
            case REGISTERED_AT -> instance.registeredAt() == null ? List.of()
                    : List.of(instance.registeredAt().toString());
            case RUNNING_TASKS_COUNT -> List.of(Integer.toString(instance.runningTasksCount()));
            case TASK_GROUP -> groups(instance);
        };
    }

    private static List<String> optional(String value) {
        return value == null ? List.of() : List.of(value);
    }

    private static List<String> attribute(SimulatedContainerInstance instance, String name) {
        if (!instance.attributes().containsKey(name)) {
            return List.of();
        }
        String value = instance.attributes().get(name);
        // A capability attribute may have no value; it exists, and compares as the empty string.
        return List.of(value == null ? "" : value);
    }

    private static List<String> groups(SimulatedContainerInstance instance) {
        List<String> groups = new ArrayList<>();
        for (HostedTask task : instance.tasks()) {
            if (!task.isStopped() && task.group() != null && !groups.contains(task.group())) {
                groups.add(task.group());
            }
        }
        return groups;
    }

    /** Why {@code argument} is no valid value for this subject under {@code op}, or null when it is. */
    String invalidArgument(QueryOperator op, String argument) {
        if (op == MATCHES || op == NOT_MATCHES) {
            return null;
        }
        return switch (this) {
            case AGENT_CONNECTED -> "true".equalsIgnoreCase(argument) || "false".equalsIgnoreCase(argument)
                    ? null : "agentConnected takes true or false, not '" + argument + "'";
            case AGENT_VERSION -> QueryValues.isVersion(argument)
                    ? null : "agentVersion takes a version such as 1.14.5, not '" + argument + "'";
            case REGISTERED_AT -> QueryValues.date(argument) != null ? null
                    : "registeredAt takes a date such as 2018-06-18T22:28:28+00:00, 2018-06-18T22:28:28Z, "
                    + "2018-06-18T22:28:28 or 2018-06-18, not '" + argument + "'";
            case RUNNING_TASKS_COUNT -> argument.matches("-?\\d{1,9}")
                    ? null : "runningTasksCount takes a whole number, not '" + argument + "'";
            default -> null;
        };
    }

    /** True when the instance's value equals the argument, by this subject's kind of value. */
    boolean equal(String actual, String argument) {
        return switch (this) {
            case AGENT_CONNECTED -> actual.equalsIgnoreCase(argument);
            case AGENT_VERSION -> QueryValues.compareVersions(actual, argument) == 0;
            case REGISTERED_AT -> QueryValues.isDateOnly(argument)
                    ? Instant.parse(actual).atZone(ZoneOffset.UTC).toLocalDate().toString().equals(argument)
                    : Instant.parse(actual).equals(QueryValues.date(argument));
            case RUNNING_TASKS_COUNT -> Long.parseLong(actual) == Long.parseLong(argument);
            default -> actual.equals(argument);
        };
    }

    /** Orders the instance's value against the argument (negative: the value is smaller). */
    int compare(String actual, String argument) {
        return switch (this) {
            case AGENT_VERSION -> QueryValues.compareVersions(actual, argument);
            case REGISTERED_AT -> Instant.parse(actual).compareTo(QueryValues.date(argument));
            case RUNNING_TASKS_COUNT -> Long.compare(Long.parseLong(actual), Long.parseLong(argument));
            default -> compareText(actual, argument);
        };
    }

    /** Attributes compare as numbers when both sides are numbers, otherwise as text. */
    private static int compareText(String actual, String argument) {
        BigDecimal a = QueryValues.number(actual);
        BigDecimal b = QueryValues.number(argument);
        if (a != null && b != null) {
            return a.compareTo(b);
        }
        return actual.compareTo(argument);
    }

    @Override
    public String toString() {
        return name.toLowerCase(Locale.ROOT);
    }
}
