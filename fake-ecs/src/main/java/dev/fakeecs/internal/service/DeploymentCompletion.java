package dev.fakeecs.internal.service;

import dev.fakeecs.internal.deployment.SimulatedDeployment;
import dev.fakeecs.internal.engine.RegionContext;
import dev.fakeecs.internal.task.SimulatedTask;
import dev.fakeecs.journal.JournalEventType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Completes a rollout: once every live task of the service belongs to the IN_PROGRESS primary
 * deployment, none is on a DRAINING instance, and exactly the desired count of them are live and
 * healthy, the primary's rollout turns COMPLETED, the older deployments go INACTIVE and leave the
 * service, scale-in is no longer suspended, and the service writes {@code deployment completed.} A BLUE_GREEN,
 * LINEAR or CANARY deployment completes only from CLEAN_UP; a ROLLING one watched by CloudWatch alarms first stays
 * IN_PROGRESS for its alarm bake ({@link DeploymentAlarmWatcher#bakeTime}).
 */
final class DeploymentCompletion {

    private final RegionContext region;
    private final ServiceTasks tasks;
    private final ServiceEventWriter events;
    private final DeploymentAlarmWatcher alarms;

    DeploymentCompletion(RegionContext region, ServiceTasks tasks, ServiceEventWriter events,
                         DeploymentAlarmWatcher alarms) {
        this.alarms = alarms;
        this.region = region;
        this.tasks = tasks;
        this.events = events;
    }

    void completeIfDone(SimulatedService service, SimulatedDeployment primary, Instant now) {
        completeIfDone(service, primary, now, new Wake());
    }

    void completeIfDone(SimulatedService service, SimulatedDeployment primary, Instant now, Wake wake) {
        if (!"IN_PROGRESS".equals(primary.rolloutState()) || !StagedDeployer.mayComplete(primary)) {
            return;
        }
        int desired = service.desiredCount();
        int healthyPrimary = 0;
        List<SimulatedTask> live = tasks.live(service);
        for (SimulatedTask t : live) {
            if (!primary.id().equals(t.deploymentId())) {
                return;
            }
            if (t.containerInstance() != null && "DRAINING".equals(t.containerInstance().status())) {
                return;
            }
            if (ServiceHealth.isHealthy(t, now)) {
                healthyPrimary++;
            }
        }
        if (live.size() != desired || healthyPrimary != desired) {
            return;
        }
        if (!primary.shiftsTraffic() && DeploymentAlarmWatcher.monitoring(primary)) {
            // a rolling deployment watched by alarms bakes once its tasks settled, still IN_PROGRESS
            if (primary.alarmBakeUntil() == null) {
                primary.alarmBakeUntil(now.plus(alarms.bakeTime(service)));
                region.record(JournalEventType.DEPLOYMENT, service.arn(), "deployment", primary.id(), "alarmBakeUntil",
                        primary.alarmBakeUntil().toString());
            }
            if (now.isBefore(primary.alarmBakeUntil())) {
                wake.at(primary.alarmBakeUntil());
                return;
            }
        }
        alarms.completed(primary);
        primary.rollout("COMPLETED", "ECS deployment " + primary.id() + " completed.", now);
        List<SimulatedDeployment> others = new ArrayList<>(service.deployments().subList(1, service.deployments().size()));
        for (SimulatedDeployment d : others) {
            d.status("INACTIVE", now);
            service.deployments().remove(d);
        }
        service.scaleInSuspended(false);
        region.record(JournalEventType.DEPLOYMENT, service.arn(), "deployment", primary.id(), "rolloutState",
                "COMPLETED");
        events.write(service, ServiceMessages.deploymentCompleted(service.name(), primary.id()));
    }
}
