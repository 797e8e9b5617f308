package dev.fakeecs.internal.alarms;

import java.time.Duration;
import java.time.Instant;

/**
 * The region's CloudWatch alarms as ECS deployments poll them (DescribeAlarms by name): an alarm's state, and the
 * span it evaluates over (from which ECS derives a rolling deployment's alarm bake time). Published by the
 * CloudWatch simulation of the same region; before that ECS sees {@link #NONE} (no alarm exists). Called under the
 * engine lock.
 *
 * <pre>{@code
 * String state = alarms.state("orders-5xx");                  // "ALARM", "OK", "INSUFFICIENT_DATA" or null
 * Duration span = alarms.evaluationSpan("orders-5xx");        // Period x EvaluationPeriods
 * }</pre>
 */
public interface AlarmDirectory {

    /** A region without CloudWatch: no alarm exists. */
    AlarmDirectory NONE = new AlarmDirectory() {
        @Override
        public String state(String alarmName) {
            return null;
        }

        @Override
        public Instant enteredAlarmAt(String alarmName) {
            return null;
        }

        @Override
        public Duration evaluationSpan(String alarmName) {
            return null;
        }
    };

    /** The metric alarm's state now (a SetAlarmState override included), or null when there is none of that name. */
    String state(String alarmName);

    /**
     * The last instant the alarm went into ALARM (a SetAlarmState included, even if its next evaluation already
     * took it out again), or null when it never did or there is none of that name.
     */
    Instant enteredAlarmAt(String alarmName);

    /** Period x EvaluationPeriods of the alarm, or null when there is none of that name. */
    Duration evaluationSpan(String alarmName);
}
