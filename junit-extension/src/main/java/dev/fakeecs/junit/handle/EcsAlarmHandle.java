package dev.fakeecs.junit.handle;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.spi.EngineInspector;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;

import java.util.Objects;

/**
 * A live handle on one CloudWatch metric alarm of a region, by name: every call re-reads the world's simulated
 * CloudWatch, so the handle can be kept across virtual time and passed to {@code EcsAssertions.assertThat}. The
 * alarm need not exist yet. Reads are not API calls: no fault applies and the clock does not move (what
 * {@code CloudWatchClient.describeAlarms} answers, without the call).
 *
 * <pre>{@code
 * EcsAlarmHandle fiveXx = prod.alarm("shop-5xx");
 * fiveXx.state();   // "OK", "ALARM" or "INSUFFICIENT_DATA"
 * assertThat(fiveXx).eventually(within(ofMinutes(5))).isInAlarm().hasStateReasonContaining("Threshold Crossed");
 * }</pre>
 */
public class EcsAlarmHandle {

    private final FakeEcs ecs;
    private final String region;
    private final String name;

    /** A handle on alarm {@code name} of {@code region} in {@code ecs}. */
    public EcsAlarmHandle(FakeEcs ecs, String region, String name) {
        this.ecs = Objects.requireNonNull(ecs, "ecs");
        this.region = Objects.requireNonNull(region, "region");
        this.name = Objects.requireNonNull(name, "name");
    }

    /** The world the alarm lives in. */
    public FakeEcs ecs() {
        return ecs;
    }

    /** The alarm's region. */
    public String region() {
        return region;
    }

    /** The alarm's name. */
    public String name() {
        return name;
    }

    /**
     * The alarm as DescribeAlarms shows it (settings, state, reason, timestamps), or null while it does not exist.
     *
     * <pre>{@code fiveXx.describe().stateReason(); }</pre>
     */
    public MetricAlarm describe() {
        return EngineInspector.of(ecs).alarm(region, name);
    }

    /** Whether the alarm exists. */
    public boolean exists() {
        return describe() != null;
    }

    /** {@code OK}, {@code ALARM} or {@code INSUFFICIENT_DATA}, or null while the alarm does not exist. */
    public String state() {
        MetricAlarm a = describe();
        return a == null ? null : a.stateValueAsString();
    }

    /** The reason of the alarm's last state change, or null while it does not exist. */
    public String stateReason() {
        MetricAlarm a = describe();
        return a == null ? null : a.stateReason();
    }

    @Override
    public String toString() {
        return "alarm " + name + " (" + region + ")";
    }
}
