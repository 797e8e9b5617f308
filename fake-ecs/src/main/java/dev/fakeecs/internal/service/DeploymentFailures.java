package dev.fakeecs.internal.service;

import dev.fakeecs.internal.deployment.SimulatedDeployment;
import dev.fakeecs.internal.engine.RegionContext;
import dev.fakeecs.journal.JournalEventType;

/**
 * Fails a deployment for a reason other than the circuit breaker (a CloudWatch alarm in ALARM, a failed or
 * timed-out lifecycle hook, a stage past its 24 hours): its rollout turns FAILED with {@code reason}, the failure
 * is journaled, the service writes {@code deployment failed: ...}, and, when asked and a COMPLETED deployment
 * exists, the service rolls back to it ({@link DeploymentRollback}). A FAILED deployment launches no more tasks.
 *
 * <pre>{@code
 * failures.fail(service, d, "ECS deployment " + d.id() + " failed: alarm(s) orders-5xx in ALARM state.",
 *         event, true, "ECS deployment alarms: rolling back to deploymentId ");
 * }</pre>
 */
final class DeploymentFailures {

    private final RegionContext region;
    private final ServiceEventWriter events;
    private final DeploymentRollback rollback;
    private final StartFailureTracker startFailures;

    DeploymentFailures(RegionContext region, ServiceEventWriter events, DeploymentRollback rollback,
                       StartFailureTracker startFailures) {
        this.region = region;
        this.events = events;
        this.rollback = rollback;
        this.startFailures = startFailures;
    }

    /**
     * @param reason               the failed deployment's rolloutStateReason
     * @param event                the service event written
     * @param rollBack             whether to roll back to the last COMPLETED deployment
     * @param rollbackReasonPrefix the target's rolloutStateReason, before the target's id and a period
     */
    void fail(SimulatedService service, SimulatedDeployment failed, String reason, String event, boolean rollBack,
              String rollbackReasonPrefix) {
        failed.rollout("FAILED", reason, region.now());
        region.record(JournalEventType.DEPLOYMENT, service.arn(), "deployment", failed.id(), "rolloutState",
                "FAILED", "reason", reason);
        events.write(service, event);
        if (!rollBack || !failed.isPrimary()) {
            return;
        }
        SimulatedDeployment target = DeploymentRollback.target(service, failed);
        if (target == null) {
            return;
        }
        rollback.to(service, failed, target, rollbackReasonPrefix + target.id() + ".");
        service.scaleInSuspended(true);
        startFailures.reset(service);
    }
}
