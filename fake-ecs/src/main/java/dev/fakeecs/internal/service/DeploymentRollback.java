package dev.fakeecs.internal.service;

import dev.fakeecs.internal.deployment.SimulatedDeployment;
import dev.fakeecs.internal.engine.RegionContext;
import dev.fakeecs.journal.JournalEventType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands a service back to an earlier deployment, whatever triggered it (the circuit breaker, a CloudWatch alarm,
 * a lifecycle hook, a stage timeout, StopServiceDeployment): the failed deployment turns ACTIVE, the target becomes
 * PRIMARY and IN_PROGRESS again at the service's desired count with {@code reason}, the service runs the target's
 * task definition and load balancers again, steady state is written afresh, the move is journaled
 * ({@code rollbackFrom}) and the service writes {@code rolling back to deployment ...}. Blue/green-family
 * deployments first put production and test traffic back on the target ({@link StagedDeployer#rollBackTraffic}).
 *
 * <pre>{@code
 * SimulatedDeployment target = rollback.target(service, failed);   // newest other COMPLETED deployment, or null
 * if (target != null) rollback.to(service, failed, target, CircuitBreaker.rollbackReason(target.id()));
 * }</pre>
 */
final class DeploymentRollback {

    private final RegionContext region;
    private final SteadyStateTracker steadyState;
    private final ServiceEventWriter events;
    private StagedDeployer staged;

    DeploymentRollback(RegionContext region, SteadyStateTracker steadyState, ServiceEventWriter events) {
        this.region = region;
        this.steadyState = steadyState;
        this.events = events;
    }

    /** The stage machine of blue/green-family deployments (set once, after both are built). */
    void staged(StagedDeployer stagedDeployer) {
        this.staged = stagedDeployer;
    }

    /** The deployment a failed one rolls back to: the newest other COMPLETED deployment, or null. */
    static SimulatedDeployment target(SimulatedService service, SimulatedDeployment failed) {
        for (SimulatedDeployment d : service.deployments()) {
            if (d != failed && d.isCompleted()) {
                return d;
            }
        }
        return null;
    }

    /**
     * Rolls {@code failed} back to {@code target}.
     *
     * @param extraJournal field/value pairs added to the journal entry (e.g. "by", "StopServiceDeployment")
     */
    void to(SimulatedService service, SimulatedDeployment failed, SimulatedDeployment target, String reason,
            String... extraJournal) {
        Instant now = region.now();
        if (staged != null) {
            staged.rollBackTraffic(service, failed, target);
        }
        failed.status("ACTIVE", now);
        failed.desiredCount(0, now);   // a rolled-back revision is not replaced (it only drains)
        service.deployments().remove(target);
        service.deployments().add(0, target);
        target.status("PRIMARY", now);
        target.rollout("IN_PROGRESS", reason, now);
        target.desiredCount(service.desiredCount(), now);
        service.taskDefinition(target.taskDefinition());
        if (!target.loadBalancers().equals(service.loadBalancers()) && !target.shiftsTraffic()) {
            service.loadBalancers(target.loadBalancers());
        }
        steadyState.unsettle(service);
        List<String> fields = new ArrayList<>(List.of("deployment", target.id(), "rollbackFrom", failed.id()));
        fields.addAll(List.of(extraJournal));
        region.record(JournalEventType.DEPLOYMENT, service.arn(), fields.toArray(new String[0]));
        events.write(service, ServiceMessages.rollingBack(service.name(), target.id()));
    }
}
