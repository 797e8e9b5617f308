package dev.fakeecs.internal.daemon;

import software.amazon.awssdk.services.ecs.model.DaemonContainerImage;
import software.amazon.awssdk.services.ecs.model.DaemonPropagateTags;
import software.amazon.awssdk.services.ecs.model.DaemonRevision;

import java.time.Instant;
import java.util.List;

/**
 * One immutable daemon revision: the daemon's configuration when a deployment started. ARN (the fake's rule):
 * {@code arn:aws:ecs:REGION:ACCOUNT:daemon-revision/CLUSTER/DAEMON/N}, N from 1.
 *
 * <pre>{@code
 * DaemonRevision sdk = record.toSdk();
 * }</pre>
 *
 * @param arn                 the revision ARN
 * @param daemonArn           its daemon
 * @param clusterArn          its cluster
 * @param taskDefinitionArn   the daemon task definition
 * @param createdAt           when the deployment that made it started
 * @param images              the containers' images (digest {@code sha256:} of a fixed rule)
 * @param providers           the capacity provider names the revision targets
 * @param propagateTags       DAEMON or NONE (stored)
 * @param managedTags         enableECSManagedTags (stored)
 * @param executeCommand      enableExecuteCommand (stored)
 * @param critical            whether a failed daemon task drains its instance (default true)
 */
record DaemonRevisionRecord(String arn, String daemonArn, String clusterArn, String taskDefinitionArn, Instant createdAt,
                            List<DaemonContainerImage> images, List<String> providers, DaemonPropagateTags propagateTags,
                            Boolean managedTags, Boolean executeCommand, boolean critical) {

    DaemonRevision toSdk() {
        return DaemonRevision.builder().daemonRevisionArn(arn).clusterArn(clusterArn).daemonArn(daemonArn)
                .daemonTaskDefinitionArn(taskDefinitionArn).createdAt(createdAt).containerImages(images)
                .propagateTags(propagateTags).enableECSManagedTags(managedTags).enableExecuteCommand(executeCommand)
                .critical(critical).build();
    }
}
