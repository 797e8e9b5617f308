package dev.fakeecs.internal.service;

import dev.fakeecs.internal.alarms.AlarmDirectory;
import dev.fakeecs.internal.deployment.SimulatedDeployment;
import dev.fakeecs.internal.engine.RegionContext;
import dev.fakeecs.internal.task.SimulatedTask;
import dev.fakeecs.journal.JournalEventType;
import software.amazon.awssdk.services.ecs.model.DeploymentAlarms;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * ECS watching {@code deploymentConfiguration.alarms} (neighbours.md section 4.1), for every strategy of the ECS
 * controller. When a deployment starts with alarms enabled, an alarm already in ALARM disables monitoring for it
 * ({@code alarms.status} DISABLED); otherwise it is MONITORING and ECS polls the alarms (DescribeAlarms by name)
 * every 60 seconds from the start: a ROLLING deployment once one of its tasks is RUNNING and through its alarm
 * bake (see {@link #bakeTime}); a BLUE_GREEN, LINEAR or CANARY one through BAKE_TIME. An alarm found in ALARM
 * fails the deployment (TRIGGERED, with the alarm names) and, with {@code rollback}, rolls back to the last
 * COMPLETED deployment. Each poll also sees an alarm that went into ALARM since the poll before and already left
 * it (a SetAlarmState undone by the next evaluation), so a test's SetAlarmState is never missed. Alarm names
 * CloudWatch does not know never fire. A completed deployment shows
 * MONITORING_COMPLETE.
 *
 * <pre>{@code
 * watcher.started(service, deployment);          // at the deployment's start
 * watcher.poll(service, primary, now, wake);     // every reconcile pass; acts every 60 s
 * }</pre>
 */
final class DeploymentAlarmWatcher {

    static final Duration POLL_INTERVAL = Duration.ofSeconds(60);

    private final RegionContext region;
    private final AlarmDirectory alarms;
    private final ServiceTasks tasks;
    private final Map<SimulatedDeployment, Instant> nextPoll = new IdentityHashMap<>();
    /** When each watched deployment's alarms were last looked at (an ALARM entered since counts). */
    private final Map<SimulatedDeployment, Instant> lastLook = new IdentityHashMap<>();
    private DeploymentFailures failures;

    DeploymentAlarmWatcher(RegionContext region, AlarmDirectory alarms, ServiceTasks tasks) {
        this.region = region;
        this.alarms = alarms;
        this.tasks = tasks;
    }

    void failures(DeploymentFailures deploymentFailures) {
        this.failures = deploymentFailures;
    }

    /** The service's alarm configuration when monitoring is enabled with at least one name, else null. */
    static DeploymentAlarms configured(SimulatedService service) {
        var c = service.deploymentConfiguration();
        DeploymentAlarms a = c == null ? null : c.alarms();
        if (a == null || !Boolean.TRUE.equals(a.enable()) || !a.hasAlarmNames() || a.alarmNames().isEmpty()
                || !"ECS".equals(service.deploymentController())) {
            return null;
        }
        return a;
    }

    /** A deployment started: MONITORING, or DISABLED when one of its alarms is already in ALARM. */
    void started(SimulatedService service, SimulatedDeployment d) {
        DeploymentAlarms a = configured(service);
        if (a == null) {
            return;
        }
        boolean alreadyInAlarm = !inAlarm(a).isEmpty();
        d.alarmsStatus(alreadyInAlarm ? "DISABLED" : "MONITORING");
        nextPoll.put(d, region.now());
        lastLook.put(d, region.now());
        region.record(JournalEventType.DEPLOYMENT, service.arn(), "deployment", d.id(), "alarms", d.alarmsStatus());
    }

    /**
     * The rolling deployment's alarm bake: the longest Period x EvaluationPeriods of its alarms (0 when CloudWatch
     * knows none of them).
     */
    Duration bakeTime(SimulatedService service) {
        DeploymentAlarms a = configured(service);
        Duration longest = Duration.ZERO;
        if (a == null) {
            return longest;
        }
        for (String name : a.alarmNames()) {
            Duration span = alarms.evaluationSpan(name);
            if (span != null && span.compareTo(longest) > 0) {
                longest = span;
            }
        }
        return longest;
    }

    /** Whether the deployment's alarms are being watched (MONITORING). */
    static boolean monitoring(SimulatedDeployment d) {
        return "MONITORING".equals(d.alarmsStatus());
    }

    /** Polls the primary's alarms when a poll is due. */
    void poll(SimulatedService service, SimulatedDeployment d, Instant now, Wake wake) {
        if (!monitoring(d) || !"IN_PROGRESS".equals(d.rolloutState())) {
            nextPoll.remove(d);
            lastLook.remove(d);
            return;
        }
        if (d.shiftsTraffic() && d.staged().reached("CLEAN_UP")) {
            return;
        }
        Instant due = nextPoll.computeIfAbsent(d, k -> now);
        if (now.isBefore(due)) {
            wake.at(due);
            return;
        }
        Instant next = due;
        while (!next.isAfter(now)) {
            next = next.plus(POLL_INTERVAL);
        }
        nextPoll.put(d, next);
        wake.at(next);
        if (!d.shiftsTraffic() && !anyRunning(service, d)) {
            return;   // a rolling deployment is watched from its first RUNNING task on
        }
        DeploymentAlarms a = configured(service);
        if (a == null) {
            return;
        }
        Instant since = lastLook.getOrDefault(d, now);
        lastLook.put(d, now);
        List<String> firing = firing(a, since);
        if (firing.isEmpty()) {
            return;
        }
        d.alarmsStatus("TRIGGERED");
        d.triggeredAlarms(firing);
        nextPoll.remove(d);
        String names = String.join(", ", firing);
        failures.fail(service, d, "ECS deployment " + d.id() + " failed: alarm(s) " + names + " in ALARM state.",
                ServiceMessages.deploymentFailedBecause(service.name(), d.id(), "alarm(s) " + names
                        + " in ALARM state."),
                Boolean.TRUE.equals(a.rollback()), "ECS deployment alarms: rolling back to deploymentId ");
    }

    /** The deployment completed: monitoring is over. */
    void completed(SimulatedDeployment d) {
        if (monitoring(d)) {
            d.alarmsStatus("MONITORING_COMPLETE");
        }
        nextPoll.remove(d);
        lastLook.remove(d);
    }

    private boolean anyRunning(SimulatedService service, SimulatedDeployment d) {
        for (SimulatedTask t : tasks.live(service)) {
            if (d.id().equals(t.deploymentId()) && t.isRunning()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The alarms in ALARM now, or that went into ALARM after {@code since} (a SetAlarmState the next evaluation
     * already undid is not missed: every poll sees what happened since the one before).
     */
    private List<String> firing(DeploymentAlarms a, Instant since) {
        List<String> firing = new ArrayList<>();
        for (String name : a.alarmNames()) {
            Instant entered = alarms.enteredAlarmAt(name);
            // at the very instant of the last poll counts too: it may have come after the poll ran
            if ("ALARM".equals(alarms.state(name)) || (entered != null && !entered.isBefore(since))) {
                firing.add(name);
            }
        }
        return firing;
    }

    private List<String> inAlarm(DeploymentAlarms a) {
        List<String> firing = new ArrayList<>();
        for (String name : a.alarmNames()) {
            if ("ALARM".equals(alarms.state(name))) {
                firing.add(name);
            }
        }
        return firing;
    }
}
