package dev.fakeecs.internal.cloudwatch;

/**
 * Told of every metric alarm state change of a region (evaluation or SetAlarmState), under the engine lock,
 * right after the change is stored and journaled.
 *
 * <pre>{@code
 * cw.addAlarmStateListener((alarm, from, to, reason) -> { if (to.equals("ALARM")) failDeployment(alarm); });
 * }</pre>
 */
@FunctionalInterface
public interface AlarmStateListener {

    /**
     * @param alarmName the alarm's name
     * @param from      the old state (OK, ALARM, INSUFFICIENT_DATA)
     * @param to        the new state
     * @param reason    the new state's StateReason
     */
    void stateChanged(String alarmName, String from, String to, String reason);
}
