package dev.fakeecs.internal.daemon;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One daemon: its cluster, Managed Instances capacity providers, revisions and deployments. Mutable engine state,
 * changed only under the engine lock. ARN: {@code arn:aws:ecs:REGION:ACCOUNT:daemon/CLUSTER/NAME}.
 *
 * <pre>{@code
 * SimulatedDaemon d = daemons.find(arn);
 * d.revision();   // the revision new instances get
 * }</pre>
 */
final class SimulatedDaemon {

    final String name;
    final String arn;
    final String clusterName;
    final String clusterArn;
    final Instant createdAt;
    final List<DaemonRevisionRecord> revisions = new ArrayList<>();
    final List<DaemonDeploymentRecord> deployments = new ArrayList<>();
    String status = "ACTIVE";
    Instant updatedAt;
    /** The revision of the last successful deployment (null before the first one). */
    DaemonRevisionRecord stable;
    /** The capacity provider names of the latest revision. */
    List<String> providers;
    String clientToken;

    SimulatedDaemon(String name, String arn, String clusterName, String clusterArn, Instant createdAt) {
        this.name = name;
        this.arn = arn;
        this.clusterName = clusterName;
        this.clusterArn = clusterArn;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    /** The latest deployment, or null. */
    DaemonDeploymentRecord latest() {
        return deployments.isEmpty() ? null : deployments.get(deployments.size() - 1);
    }

    /** The revision a new instance of the daemon's providers gets (null: none, the daemon is being deleted). */
    DaemonRevisionRecord revisionForNewInstances() {
        DaemonDeploymentRecord d = latest();
        if (d == null) {
            return stable;
        }
        if (d.isActive()) {
            return d.removesDaemon ? null : d.current();
        }
        if (d.removesDaemon) {
            return null;
        }
        return stable;
    }

    boolean isActive() {
        return "ACTIVE".equals(status);
    }
}
