package dev.fakeecs.dsl.taskdefinition;

import dev.fakeecs.dsl.internal.Check;
import software.amazon.awssdk.services.ecs.model.HealthCheck;

import java.util.List;

/**
 * A container health check with ECS's defaults made explicit: interval 30 s, timeout 5 s,
 * 3 retries, no start period. Immutable; each {@code withX} returns a copy.
 *
 * <pre>{@code
 * HealthCheckSpec hc = HealthCheckSpec.shell("curl -f http://localhost:8080/health || exit 1")
 *     .interval(10).retries(5).startPeriod(60);
 * }</pre>
 *
 * @param command     the command, first element {@code CMD} or {@code CMD-SHELL}
 * @param interval    seconds between checks, 5-300
 * @param timeout     seconds a check may take, 2-120
 * @param retries     failures in a row before UNHEALTHY, 1-10
 * @param startPeriod grace seconds after start, 0-300, or null for none
 */
public record HealthCheckSpec(List<String> command, int interval, int timeout, int retries, Integer startPeriod) {

    public static final int DEFAULT_INTERVAL = 30;
    public static final int DEFAULT_TIMEOUT = 5;
    public static final int DEFAULT_RETRIES = 3;

    public HealthCheckSpec {
        command = List.copyOf(command);
        String spec = "healthCheck";
        Check.that(!command.isEmpty() && (command.get(0).equals("CMD") || command.get(0).equals("CMD-SHELL")),
                spec, "command", command, "must start with CMD or CMD-SHELL");
        Check.range(spec, "interval", interval, 5, 300);
        Check.range(spec, "timeout", timeout, 2, 120);
        Check.range(spec, "retries", retries, 1, 10);
        if (startPeriod != null) {
            Check.range(spec, "startPeriod", startPeriod, 0, 300);
        }
    }

    /** {@code ["CMD-SHELL", shellCommand]} with the defaults. */
    public static HealthCheckSpec shell(String shellCommand) {
        return new HealthCheckSpec(List.of("CMD-SHELL", shellCommand), DEFAULT_INTERVAL, DEFAULT_TIMEOUT,
                DEFAULT_RETRIES, null);
    }

    /** {@code ["CMD", args...]} with the defaults. */
    public static HealthCheckSpec exec(String... args) {
        List<String> command = new java.util.ArrayList<>();
        command.add("CMD");
        command.addAll(List.of(args));
        return new HealthCheckSpec(command, DEFAULT_INTERVAL, DEFAULT_TIMEOUT, DEFAULT_RETRIES, null);
    }

    public static HealthCheckSpec fromSdk(HealthCheck hc) {
        return new HealthCheckSpec(hc.command(), hc.interval() == null ? DEFAULT_INTERVAL : hc.interval(),
                hc.timeout() == null ? DEFAULT_TIMEOUT : hc.timeout(),
                hc.retries() == null ? DEFAULT_RETRIES : hc.retries(), hc.startPeriod());
    }

    public HealthCheckSpec interval(int seconds) {
        return new HealthCheckSpec(command, seconds, timeout, retries, startPeriod);
    }

    public HealthCheckSpec timeout(int seconds) {
        return new HealthCheckSpec(command, interval, seconds, retries, startPeriod);
    }

    public HealthCheckSpec retries(int count) {
        return new HealthCheckSpec(command, interval, timeout, count, startPeriod);
    }

    public HealthCheckSpec startPeriod(int seconds) {
        return new HealthCheckSpec(command, interval, timeout, retries, seconds);
    }

    public HealthCheck toSdk() {
        return HealthCheck.builder().command(command).interval(interval).timeout(timeout).retries(retries)
                .startPeriod(startPeriod).build();
    }
}
