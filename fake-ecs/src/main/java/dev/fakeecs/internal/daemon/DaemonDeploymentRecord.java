package dev.fakeecs.internal.daemon;

import dev.fakeecs.clock.ScheduledEvent;
import software.amazon.awssdk.services.ecs.model.DaemonDeploymentConfiguration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One daemon deployment and its progress. Mutable engine state, changed only under the engine lock.
 * ARN (the fake's rule): {@code arn:aws:ecs:REGION:ACCOUNT:daemon-deployment/CLUSTER/ID}, ID 20 random hex digits.
 *
 * <pre>{@code
 * DaemonDeploymentRecord d = daemon.deployments().get(0);
 * d.status();   // PENDING, IN_PROGRESS, SUCCESSFUL, STOPPED, ROLLBACK_IN_PROGRESS, ROLLBACK_SUCCESSFUL, ROLLBACK_FAILED
 * }</pre>
 */
final class DaemonDeploymentRecord {

    final String arn;
    final String daemonArn;
    final String clusterArn;
    final DaemonRevisionRecord target;
    final List<DaemonRevisionRecord> sources;
    final DaemonDeploymentConfiguration configuration;
    final Instant createdAt;
    /** Instances still to drain and replace (container instance ARNs), in order. */
    final List<String> toReplace = new ArrayList<>();
    /** Instances of the current batch, draining. */
    final Set<String> draining = new LinkedHashSet<>();
    /** Alarms already in ALARM when the deployment started (ignored). */
    final Set<String> alarmsIgnored = new LinkedHashSet<>();
    final List<String> triggeredAlarms = new ArrayList<>();
    String status = "PENDING";
    String statusReason;
    Instant startedAt;
    Instant stoppedAt;
    Instant finishedAt;
    int failures;
    int threshold;
    String breakerStatus = "MONITORING";
    String alarmStatus;
    String rollbackReason;
    Instant rollbackStartedAt;
    DaemonRevisionRecord rollbackTarget;
    boolean removesDaemon;
    ScheduledEvent bake;
    ScheduledEvent alarmWatch;
    /** How many instances the deployment (or its rollback) replaces in all: the base of drainPercent. */
    int instanceCount;

    DaemonDeploymentRecord(String arn, String daemonArn, String clusterArn, DaemonRevisionRecord target,
                           List<DaemonRevisionRecord> sources, DaemonDeploymentConfiguration configuration,
                           Instant createdAt) {
        this.arn = arn;
        this.daemonArn = daemonArn;
        this.clusterArn = clusterArn;
        this.target = target;
        this.sources = List.copyOf(sources);
        this.configuration = configuration;
        this.createdAt = createdAt;
    }

    /** True while the deployment still moves instances (or bakes). */
    boolean isActive() {
        return "PENDING".equals(status) || "IN_PROGRESS".equals(status) || "ROLLBACK_IN_PROGRESS".equals(status);
    }

    /** The revision new instances get now: the rollback target while rolling back, else the target. */
    DaemonRevisionRecord current() {
        return "ROLLBACK_IN_PROGRESS".equals(status) && rollbackTarget != null ? rollbackTarget : target;
    }
}
