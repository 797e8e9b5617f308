package dev.fakeecs.internal.daemon;

import dev.fakeecs.internal.capacity.CapacityProviders;
import dev.fakeecs.internal.capacity.SimulatedCapacityProvider;
import dev.fakeecs.internal.containerinstance.ContainerInstances;
import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import software.amazon.awssdk.services.ecs.model.DaemonCapacityProvider;
import software.amazon.awssdk.services.ecs.model.DaemonCircuitBreaker;
import software.amazon.awssdk.services.ecs.model.DaemonDeployment;
import software.amazon.awssdk.services.ecs.model.DaemonDeploymentAlarms;
import software.amazon.awssdk.services.ecs.model.DaemonDeploymentCapacityProvider;
import software.amazon.awssdk.services.ecs.model.DaemonDeploymentRevisionDetail;
import software.amazon.awssdk.services.ecs.model.DaemonDeploymentSummary;
import software.amazon.awssdk.services.ecs.model.DaemonDetail;
import software.amazon.awssdk.services.ecs.model.DaemonRevisionDetail;
import software.amazon.awssdk.services.ecs.model.DaemonRollback;
import software.amazon.awssdk.services.ecs.model.DaemonSummary;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The daemon shapes DescribeDaemon, ListDaemons, DescribeDaemonDeployments and ListDaemonDeployments answer with,
 * counting daemon tasks and instances now: per revision and provider, running daemon tasks and ACTIVE instances
 * without the daemon ({@code withoutDaemonCount}, for the revision new instances get); per deployment revision,
 * instances running it and DRAINING instances running it.
 *
 * <pre>{@code
 * DaemonDetail detail = renderer.detail(daemon);
 * }</pre>
 */
final class DaemonRenderer {

    private final CapacityProviders capacityProviders;
    private final ContainerInstances containerInstances;
    private final DaemonTasks daemonTasks;

    DaemonRenderer(CapacityProviders capacityProviders, ContainerInstances containerInstances, DaemonTasks daemonTasks) {
        this.capacityProviders = capacityProviders;
        this.containerInstances = containerInstances;
        this.daemonTasks = daemonTasks;
    }

    DaemonDetail detail(SimulatedDaemon d) {
        Set<DaemonRevisionRecord> current = new LinkedHashSet<>();
        for (DaemonRevisionRecord r : d.revisions) {
            if (running(d, r, r.providers()) > 0) {
                current.add(r);
            }
        }
        DaemonRevisionRecord forNew = d.revisionForNewInstances();
        if (forNew != null) {
            current.add(forNew);
        }
        List<DaemonRevisionDetail> revisions = new ArrayList<>();
        for (DaemonRevisionRecord r : current) {
            List<DaemonCapacityProvider> providers = new ArrayList<>();
            int total = 0;
            int without = 0;
            for (String p : r.providers()) {
                int running = daemonTasks.runningCount(d, r, p);
                int missing = r == forNew ? withoutDaemon(d, p) : 0;
                total += running;
                without += missing;
                providers.add(DaemonCapacityProvider.builder().arn(providerArn(p)).runningCount(running)
                        .withoutDaemonCount(missing).build());
            }
            revisions.add(DaemonRevisionDetail.builder().arn(r.arn()).capacityProviders(providers)
                    .totalRunningCount(total).totalWithoutDaemonCount(without).build());
        }
        DaemonDeploymentRecord latest = d.latest();
        return DaemonDetail.builder().daemonArn(d.arn).clusterArn(d.clusterArn).status(d.status)
                .currentRevisions(revisions).deploymentArn(latest == null ? null : latest.arn)
                .createdAt(d.createdAt).updatedAt(d.updatedAt).build();
    }

    DaemonSummary summary(SimulatedDaemon d) {
        return DaemonSummary.builder().daemonArn(d.arn).status(d.status).createdAt(d.createdAt).updatedAt(d.updatedAt)
                .build();
    }

    DaemonDeployment deployment(SimulatedDaemon d, DaemonDeploymentRecord dep) {
        List<DaemonDeploymentRevisionDetail> sources = new ArrayList<>();
        for (DaemonRevisionRecord s : dep.sources) {
            sources.add(revision(d, s));
        }
        var alarms = dep.configuration.alarms();
        DaemonDeployment.Builder b = DaemonDeployment.builder().daemonDeploymentArn(dep.arn).clusterArn(dep.clusterArn)
                .status(dep.status).statusReason(dep.statusReason).targetDaemonRevision(revision(d, dep.target))
                .sourceDaemonRevisions(sources)
                .circuitBreaker(DaemonCircuitBreaker.builder().failureCount(dep.failures)
                        .status(dep.breakerStatus).threshold(dep.threshold).build())
                .alarms(DaemonDeploymentAlarms.builder()
                        .status(dep.alarmStatus == null ? "DISABLED" : dep.alarmStatus)
                        .alarmNames(alarms != null && alarms.hasAlarmNames() ? alarms.alarmNames() : List.of())
                        .triggeredAlarmNames(dep.triggeredAlarms).build())
                .deploymentConfiguration(dep.configuration)
                .createdAt(dep.createdAt).startedAt(dep.startedAt).stoppedAt(dep.stoppedAt)
                .finishedAt(dep.finishedAt);
        if (dep.rollbackReason != null) {
            b.rollback(DaemonRollback.builder().reason(dep.rollbackReason).startedAt(dep.rollbackStartedAt)
                    .rollbackTargetDaemonRevisionArn(dep.rollbackTarget == null ? null : dep.rollbackTarget.arn())
                    .rollbackCapacityProviders(dep.rollbackTarget == null ? List.of()
                            : dep.rollbackTarget.providers().stream().map(this::providerArn).toList())
                    .build());
        }
        return b.build();
    }

    DaemonDeploymentSummary deploymentSummary(DaemonDeploymentRecord dep) {
        return DaemonDeploymentSummary.builder().daemonDeploymentArn(dep.arn).daemonArn(dep.daemonArn)
                .clusterArn(dep.clusterArn).status(dep.status).statusReason(dep.statusReason)
                .targetDaemonRevisionArn(dep.target.arn()).createdAt(dep.createdAt).startedAt(dep.startedAt)
                .stoppedAt(dep.stoppedAt).finishedAt(dep.finishedAt).build();
    }

    private DaemonDeploymentRevisionDetail revision(SimulatedDaemon d, DaemonRevisionRecord r) {
        List<DaemonDeploymentCapacityProvider> providers = new ArrayList<>();
        int running = 0;
        int draining = 0;
        int without = 0;
        for (String p : r.providers()) {
            int run = 0;
            int drain = 0;
            for (SimulatedContainerInstance ci : containerInstances.inCluster(d.clusterName)) {
                if (!p.equals(ci.capacityProviderName()) || daemonTasks.revisionOn(d, ci) != r) {
                    continue;
                }
                if (ci.isActive()) {
                    run++;
                } else {
                    drain++;
                }
            }
            int missing = r == d.revisionForNewInstances() ? withoutDaemon(d, p) : 0;
            running += run;
            draining += drain;
            without += missing;
            providers.add(DaemonDeploymentCapacityProvider.builder().arn(providerArn(p)).runningInstanceCount(run)
                    .drainingInstanceCount(drain).withoutDaemonInstanceCount(missing).build());
        }
        return DaemonDeploymentRevisionDetail.builder().arn(r.arn()).capacityProviders(providers)
                .totalRunningInstanceCount(running).totalDrainingInstanceCount(draining)
                .totalWithoutDaemonInstanceCount(without).build();
    }

    private int running(SimulatedDaemon d, DaemonRevisionRecord r, List<String> providers) {
        int n = 0;
        for (String p : providers) {
            n += daemonTasks.runningCount(d, r, p);
        }
        return n;
    }

    private int withoutDaemon(SimulatedDaemon d, String provider) {
        int n = 0;
        for (SimulatedContainerInstance ci : containerInstances.inCluster(d.clusterName)) {
            if (ci.isActive() && provider.equals(ci.capacityProviderName()) && daemonTasks.daemonTaskOn(d, ci) == null) {
                n++;
            }
        }
        return n;
    }

    private String providerArn(String name) {
        SimulatedCapacityProvider cp = capacityProviders.find(name);
        return cp == null ? name : cp.arn();
    }
}
