package dev.fakeecs.internal.alarms;

import java.time.Duration;

/**
 * The alarms ECS sees in one region: whatever {@link AlarmDirectory} was last published (by the CloudWatch
 * simulation when it is built), {@link AlarmDirectory#NONE} before. ECS is built first and holds this from the
 * start.
 *
 * <pre>{@code
 * PublishedAlarms alarms = new PublishedAlarms();
 * Services services = new Services(..., alarms);   // ECS polls it during deployments
 * alarms.publish(cloudWatch.alarmDirectory());      // CloudWatch arrives
 * }</pre>
 */
public final class PublishedAlarms implements AlarmDirectory {

    private AlarmDirectory current = AlarmDirectory.NONE;

    /** Makes {@code directory} the one ECS polls from now on. */
    public void publish(AlarmDirectory directory) {
        current = directory == null ? AlarmDirectory.NONE : directory;
    }

    @Override
    public String state(String alarmName) {
        return current.state(alarmName);
    }

    @Override
    public java.time.Instant enteredAlarmAt(String alarmName) {
        return current.enteredAlarmAt(alarmName);
    }

    @Override
    public Duration evaluationSpan(String alarmName) {
        return current.evaluationSpan(alarmName);
    }
}
