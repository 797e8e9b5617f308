package dev.fakeecs.junit.assertions;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.journal.JournalEntry;
import dev.fakeecs.junit.handle.EcsAlarmHandle;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;

import java.util.function.Predicate;

import static dev.fakeecs.junit.assertions.error.ShouldExist.shouldExist;
import static dev.fakeecs.junit.assertions.error.ShouldHave.shouldHave;

/**
 * Assertions on a CloudWatch metric alarm: its state ({@code OK}, {@code ALARM}, {@code INSUFFICIENT_DATA}) and
 * the reason of its last transition, now or eventually in virtual time (the world's CloudWatch evaluates alarms as
 * the clock moves). Failure messages show the state, the reason and the alarm's settings.
 *
 * <pre>{@code
 * assertThat(prod.alarm("shop-5xx")).eventually(within(ofMinutes(10))).isInAlarm()
 *     .hasStateReasonContaining("Threshold Crossed");
 * assertThat(prod.alarm("shop-5xx")).isOk();
 * }</pre>
 */
public class AlarmAssert extends AbstractEcsAssert<AlarmAssert, EcsAlarmHandle> {

    public AlarmAssert(EcsAlarmHandle actual) {
        super(actual, AlarmAssert.class);
    }

    @Override
    protected FakeEcs world() {
        return actual.ecs();
    }

    @Override
    protected String subject() {
        return actual.toString();
    }

    @Override
    protected Predicate<JournalEntry> about() {
        String name = actual.name();
        return e -> e.subject() != null && e.subject().endsWith(":alarm:" + name);
    }

    private String state() {
        MetricAlarm a = actual.describe();
        if (a == null) {
            return "(no such alarm)";
        }
        return a.stateValueAsString() + " since " + a.stateUpdatedTimestamp() + " (\"" + a.stateReason() + "\"); "
                + a.statistic() + " of " + a.namespace() + "/" + a.metricName() + " " + a.comparisonOperatorAsString()
                + " " + a.threshold() + " for " + a.evaluationPeriods() + " x " + a.period() + " s";
    }

    /** The alarm exists. */
    public AlarmAssert exists() {
        return check(actual::exists, () -> shouldExist("alarm", subject(), "(none of that name in "
                + actual.region() + ")"));
    }

    /** The alarm is in {@code state}: {@code OK}, {@code ALARM} or {@code INSUFFICIENT_DATA}. */
    public AlarmAssert hasState(String state) {
        exists();
        return check(() -> state.equals(actual.state()),
                () -> shouldHave("alarm", subject(), "state", state, state()));
    }

    /** The alarm is in {@code ALARM}. */
    public AlarmAssert isInAlarm() {
        return hasState("ALARM");
    }

    /** The alarm is {@code OK}. */
    public AlarmAssert isOk() {
        return hasState("OK");
    }

    /** The alarm has {@code INSUFFICIENT_DATA}. */
    public AlarmAssert hasInsufficientData() {
        return hasState("INSUFFICIENT_DATA");
    }

    /** The reason of the alarm's last state change contains {@code fragment}. */
    public AlarmAssert hasStateReasonContaining(String fragment) {
        exists();
        return check(() -> actual.stateReason() != null && actual.stateReason().contains(fragment),
                () -> shouldHave("alarm", subject(), "a state reason containing", fragment, state()));
    }
}
