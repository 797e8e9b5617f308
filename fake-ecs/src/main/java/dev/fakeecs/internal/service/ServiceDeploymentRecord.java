package dev.fakeecs.internal.service;

import dev.fakeecs.internal.deployment.SimulatedDeployment;
import software.amazon.awssdk.services.ecs.model.Rollback;
import software.amazon.awssdk.services.ecs.model.ServiceRevisionSummary;

import java.time.Instant;
import java.util.List;

/**
 * One service deployment as the ServiceDeployment API shows it: the engine {@link SimulatedDeployment} it rolls
 * out (its target service revision), the revisions that ran when it started (its sources), and the
 * status the API reports. The status follows the engine deployment; once it is final it is frozen,
 * so a deployment that later becomes a rollback target stays SUCCESSFUL.
 */
final class ServiceDeploymentRecord {

    static final String PENDING = "PENDING";
    static final String IN_PROGRESS = "IN_PROGRESS";
    static final String SUCCESSFUL = "SUCCESSFUL";
    static final String STOPPED = "STOPPED";
    static final String ROLLBACK_IN_PROGRESS = "ROLLBACK_IN_PROGRESS";
    static final String ROLLBACK_SUCCESSFUL = "ROLLBACK_SUCCESSFUL";
    static final String ROLLBACK_FAILED = "ROLLBACK_FAILED";

    private final String arn;
    private final SimulatedService service;
    private final SimulatedDeployment deployment;
    private final int sequence;
    private final List<ServiceRevisionSummary> sources;
    private String status = IN_PROGRESS;
    private String statusReason;
    private boolean done;
    private Instant finishedAt;
    private SimulatedDeployment rollbackTarget;
    private Rollback rollback;

    ServiceDeploymentRecord(String arn, SimulatedService service, SimulatedDeployment deployment, int sequence,
                            List<ServiceRevisionSummary> sources) {
        this.arn = arn;
        this.service = service;
        this.deployment = deployment;
        this.sequence = sequence;
        this.sources = List.copyOf(sources);
        this.statusReason = deployment.rolloutStateReason();
    }

    String arn() { return arn; }
    SimulatedService service() { return service; }
    SimulatedDeployment deployment() { return deployment; }
    /** Creation order within the region (older deployments have smaller numbers). */
    int sequence() { return sequence; }
    List<ServiceRevisionSummary> sources() { return sources; }
    String status() { return status; }
    String statusReason() { return statusReason; }
    /** Whether the status is final (SUCCESSFUL, STOPPED, ROLLBACK_SUCCESSFUL, ROLLBACK_FAILED). */
    boolean isDone() { return done; }
    Instant finishedAt() { return finishedAt; }
    Rollback rollback() { return rollback; }
    SimulatedDeployment rollbackTarget() { return rollbackTarget; }

    /** Whether StopServiceDeployment may still act on it. */
    boolean isOngoing() {
        return !done && (PENDING.equals(status) || IN_PROGRESS.equals(status));
    }

    /** The deployment is being rolled back to {@code target} (circuit breaker or StopServiceDeployment). */
    void rollingBackTo(SimulatedDeployment target, String targetRevisionArn, String reason, Instant at) {
        rollbackTarget = target;
        rollback = Rollback.builder().reason(reason).startedAt(at).serviceRevisionArn(targetRevisionArn).build();
        status = ROLLBACK_IN_PROGRESS;
        statusReason = reason;
    }

    /**
     * Brings the status up to date with the engine.
     *
     * @param primary            the service's PRIMARY deployment now (null if none)
     * @param primarySequence    the sequence of the primary's record (-1 if unknown)
     * @param primaryRevisionArn the primary's service revision ARN
     * @param now                the virtual now
     */
    void refresh(SimulatedDeployment primary, int primarySequence, String primaryRevisionArn, Instant now) {
        if (done) {
            return;
        }
        if (rollbackTarget == null && deployment.isFailed() && primary != null && primary != deployment
                && primarySequence >= 0 && primarySequence < sequence) {
            // only a rollback makes an older deployment PRIMARY again
            rollingBackTo(primary, primaryRevisionArn, deployment.rolloutStateReason(), deployment.updatedAt());
        }
        if (rollbackTarget != null) {
            if (rollbackTarget.isCompleted()) {
                finish(ROLLBACK_SUCCESSFUL, "Service deployment rolled back successfully.", rollbackTarget.updatedAt());
            } else if (rollbackTarget.isFailed() || !rollbackTarget.isPrimary()) {
                finish(ROLLBACK_FAILED, "Service deployment rollback did not complete.", now);
            }
            return;
        }
        if (deployment.isCompleted()) {
            finish(SUCCESSFUL, deployment.rolloutStateReason(), deployment.updatedAt());
        } else if (deployment.isFailed()) {
            finish(STOPPED, deployment.rolloutStateReason(), deployment.updatedAt());
        } else if (!deployment.isPrimary()) {
            finish(STOPPED, "Service deployment was superseded by a newer service deployment.", deployment.updatedAt());
        } else {
            status = IN_PROGRESS;
            statusReason = deployment.rolloutStateReason();
        }
    }

    private void finish(String finalStatus, String reason, Instant at) {
        status = finalStatus;
        statusReason = reason;
        finishedAt = at;
        done = true;
    }
}
