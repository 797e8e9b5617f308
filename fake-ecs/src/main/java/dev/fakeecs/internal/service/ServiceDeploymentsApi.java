package dev.fakeecs.internal.service;

import dev.fakeecs.internal.cluster.Clusters;
import dev.fakeecs.internal.cluster.SimulatedCluster;
import dev.fakeecs.internal.deployment.CircuitBreaker;
import dev.fakeecs.internal.deployment.SimulatedDeployment;
import dev.fakeecs.internal.error.EcsErrors;
import dev.fakeecs.journal.JournalEventType;
import dev.fakeecs.internal.paging.Page;
import dev.fakeecs.internal.engine.RegionContext;
import software.amazon.awssdk.services.ecs.model.ContinueServiceDeploymentRequest;
import software.amazon.awssdk.services.ecs.model.ContinueServiceDeploymentResponse;
import software.amazon.awssdk.services.ecs.model.CreatedAt;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHookAction;
import software.amazon.awssdk.services.ecs.model.DescribeServiceDeploymentsRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServiceDeploymentsResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.ListServiceDeploymentsRequest;
import software.amazon.awssdk.services.ecs.model.ListServiceDeploymentsResponse;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentBrief;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentCircuitBreaker;
import software.amazon.awssdk.services.ecs.model.StopServiceDeploymentRequest;
import software.amazon.awssdk.services.ecs.model.StopServiceDeploymentResponse;
import software.amazon.awssdk.services.ecs.model.StopServiceDeploymentStopType;

import dev.fakeecs.internal.deployment.HookExecution;
import dev.fakeecs.internal.deployment.StagedRollout;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHookDetail;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentAlarms;
import software.amazon.awssdk.services.ecs.model.ServiceRevisionSummary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * ListServiceDeployments, DescribeServiceDeployments, StopServiceDeployment and
 * ContinueServiceDeployment over the region's {@link ServiceDeploymentHistory}.
 *
 * <pre>{@code
 * String arn = client.listServiceDeployments(r -> r.cluster("prod").service("orders"))
 *         .serviceDeployments().get(0).serviceDeploymentArn();
 * client.stopServiceDeployment(r -> r.serviceDeploymentArn(arn).stopType(StopServiceDeploymentStopType.ROLLBACK));
 * ecs.clock().advance(Duration.ofMinutes(5));   // the previous revision is PRIMARY again; status ROLLBACK_SUCCESSFUL
 * }</pre>
 */
final class ServiceDeploymentsApi {

    /** The rollout reason of a deployment that StopServiceDeployment rolls back to. */
    static String stopRollbackReason(String toDeploymentId) {
        return "Service deployment stopped by user: rolling back to deploymentId " + toDeploymentId + ".";
    }

    private final RegionContext region;
    private final Services services;
    private final ServiceScheduler scheduler;
    private final ServiceTasks tasks;
    private final StartFailureTracker startFailures;
    private final ServiceDeploymentHistory history;
    private final Clusters clusters;
    private final DeploymentRollback rollback;
    private final StagedDeployer staged;

    ServiceDeploymentsApi(RegionContext region, Services services, ServiceScheduler scheduler, ServiceTasks tasks,
                          StartFailureTracker startFailures, ServiceDeploymentHistory history, Clusters clusters,
                          DeploymentRollback rollback, StagedDeployer staged) {
        this.region = region;
        this.services = services;
        this.scheduler = scheduler;
        this.tasks = tasks;
        this.startFailures = startFailures;
        this.history = history;
        this.clusters = clusters;
        this.rollback = rollback;
        this.staged = staged;
    }

    ListServiceDeploymentsResponse list(ListServiceDeploymentsRequest request) {
        EcsErrors.require(request.service(), "service");
        SimulatedCluster cluster = clusters.resolve(request.cluster());
        SimulatedService service = services.find(cluster.name(), request.service());
        if (service == null) {
            throw EcsErrors.serviceNotFound();
        }
        history.refresh(service);
        List<String> wanted = new ArrayList<>();
        if (request.hasStatus()) {
            request.statusAsStrings().forEach(wanted::add);
        }
        CreatedAt createdAt = request.createdAt();
        List<ServiceDeploymentBrief> briefs = new ArrayList<>();
        for (ServiceDeploymentRecord r : history.of(service)) {
            Instant created = r.deployment().createdAt();
            if (!wanted.isEmpty() && !wanted.contains(r.status())) {
                continue;
            }
            if (createdAt != null && createdAt.after() != null && created.isBefore(createdAt.after())) {
                continue;
            }
            if (createdAt != null && createdAt.before() != null && created.isAfter(createdAt.before())) {
                continue;
            }
            briefs.add(brief(r));
        }
        Page<ServiceDeploymentBrief> page = Page.of(briefs, request.nextToken(), request.maxResults(), 20, 100,
                "ListServiceDeployments:" + service.arn());
        return ListServiceDeploymentsResponse.builder().serviceDeployments(page.items()).nextToken(page.nextToken())
                .build();
    }

    DescribeServiceDeploymentsResponse describe(DescribeServiceDeploymentsRequest request) {
        if (!request.hasServiceDeploymentArns() || request.serviceDeploymentArns().isEmpty()) {
            throw EcsErrors.invalidParameter("serviceDeploymentArns can not be null or empty.");
        }
        if (request.serviceDeploymentArns().size() > 20) {
            throw EcsErrors.invalidParameter("serviceDeploymentArns can have at most 20 items.");
        }
        List<ServiceDeployment> found = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String arn : request.serviceDeploymentArns()) {
            ServiceDeploymentRecord r = history.find(arn);
            if (r == null) {
                failures.add(Failure.builder().arn(arn).reason("MISSING").build());
                continue;
            }
            history.refresh(r.service());
            found.add(render(r));
        }
        return DescribeServiceDeploymentsResponse.builder().serviceDeployments(found).failures(failures).build();
    }

    StopServiceDeploymentResponse stop(StopServiceDeploymentRequest request) {
        ServiceDeploymentRecord r = resolve(request.serviceDeploymentArn());
        if (request.stopType() != null && request.stopType() != StopServiceDeploymentStopType.ROLLBACK) {
            throw EcsErrors.invalidParameter("Invalid stopType: " + request.stopTypeAsString()
                    + ". The valid values are ROLLBACK.");
        }
        rollBack(r);
        return StopServiceDeploymentResponse.builder().serviceDeploymentArn(r.arn()).build();
    }

    /**
     * ContinueServiceDeployment: with a {@code hookId}, answers the PAUSE hook awaiting action in the deployment's
     * current stage (CONTINUE moves on, ROLLBACK rolls back); without one, ROLLBACK rolls the deployment back and
     * CONTINUE acknowledges an ongoing deployment.
     */
    ContinueServiceDeploymentResponse continueDeployment(ContinueServiceDeploymentRequest request) {
        ServiceDeploymentRecord r = resolve(request.serviceDeploymentArn());
        boolean rollBack = request.action() == DeploymentLifecycleHookAction.ROLLBACK;
        if (request.action() == null && request.actionAsString() != null) {
            throw EcsErrors.invalidParameter("Invalid action: " + request.actionAsString()
                    + ". The valid values are CONTINUE, ROLLBACK.");
        }
        if (request.hookId() != null) {
            if (r.isDone()) {
                throw EcsErrors.of("ConflictException", "The service deployment " + r.arn() + " is already "
                        + r.status() + ".");
            }
            if (!staged.hooks().answerPause(r.service(), r.deployment(), request.hookId(), rollBack)) {
                throw EcsErrors.invalidParameter("The lifecycle hook " + request.hookId() + " is not awaiting "
                        + "action in the service deployment " + r.arn() + ".");
            }
            scheduler.reconcileSoon(r.service());
        } else if (rollBack) {
            rollBack(r);
        } else if (r.isDone()) {
            throw EcsErrors.of("ConflictException", "The service deployment " + r.arn() + " is already "
                    + r.status() + ".");
        }
        return ContinueServiceDeploymentResponse.builder().serviceDeploymentArn(r.arn()).build();
    }

    private ServiceDeploymentRecord resolve(String arn) {
        EcsErrors.require(arn, "serviceDeploymentArn");
        ServiceDeploymentRecord r = history.find(arn);
        if (r == null) {
            throw EcsErrors.of("ServiceDeploymentNotFoundException", "The service deployment " + arn
                    + " does not exist.");
        }
        history.refresh(r.service());
        return r;
    }

    /** Rolls the service back to the previous completed deployment (StopServiceDeployment ROLLBACK). */
    private void rollBack(ServiceDeploymentRecord r) {
        if (!r.isDone() && !r.isOngoing()) {
            return; // already rolling back
        }
        if (r.isDone()) {
            throw EcsErrors.of("ConflictException", "The service deployment " + r.arn() + " is already "
                    + r.status() + " and can't be stopped.");
        }
        SimulatedService service = r.service();
        SimulatedDeployment from = r.deployment();
        SimulatedDeployment target = null;
        for (SimulatedDeployment d : service.deployments()) {
            if (d != from && d.isCompleted()) {
                target = d;
                break;
            }
        }
        if (target == null) {
            for (SimulatedDeployment d : service.deployments()) {
                if (d != from) {
                    target = d;
                    break;
                }
            }
        }
        if (target == null) {
            throw EcsErrors.invalidParameter("The service deployment " + r.arn() + " has no previous service "
                    + "revision to roll back to.");
        }
        Instant now = region.now();
        String reason = stopRollbackReason(target.id());
        from.rollout("FAILED", "ECS deployment " + from.id() + " stopped by user.", now);
        rollback.to(service, from, target, reason, "by", "StopServiceDeployment");
        service.scaleInSuspended(true);
        startFailures.reset(service);
        r.rollingBackTo(target, history.revisionArn(service, target), reason, now);
        scheduler.reconcileSoon(service);
    }

    private ServiceDeploymentBrief brief(ServiceDeploymentRecord r) {
        SimulatedService s = r.service();
        return ServiceDeploymentBrief.builder()
                .serviceDeploymentArn(r.arn())
                .serviceArn(s.arn())
                .clusterArn(region.arns().cluster(s.clusterName()))
                .createdAt(r.deployment().createdAt())
                .startedAt(r.deployment().createdAt())
                .finishedAt(r.finishedAt())
                .targetServiceRevisionArn(history.revisionArn(s, r.deployment()))
                .status(r.status())
                .statusReason(r.statusReason())
                .build();
    }

    private ServiceDeployment render(ServiceDeploymentRecord r) {
        SimulatedService s = r.service();
        SimulatedDeployment d = r.deployment();
        List<dev.fakeecs.internal.task.SimulatedTask> live = tasks.live(s);
        boolean stopped = r.isDone() && !ServiceDeploymentRecord.SUCCESSFUL.equals(r.status());
        var config = ServiceRenderer.effectiveConfig(s);
        boolean breaker = CircuitBreaker.enabled(s.deploymentConfiguration());
        String breakerStatus = !breaker ? "DISABLED" : d.isFailed() ? "TRIGGERED"
                : r.isDone() ? "MONITORING_COMPLETE" : "MONITORING";
        return ServiceDeployment.builder()
                .serviceDeploymentArn(r.arn())
                .serviceArn(s.arn())
                .clusterArn(region.arns().cluster(s.clusterName()))
                .createdAt(d.createdAt())
                .startedAt(d.createdAt())
                .updatedAt(r.finishedAt() != null ? r.finishedAt() : d.updatedAt())
                .finishedAt(r.finishedAt())
                .stoppedAt(stopped ? r.finishedAt() : null)
                .sourceServiceRevisions(r.sources())
                .targetServiceRevision(target(s, d, live))
                .lifecycleStage(d.shiftsTraffic() ? d.staged().reportedStage() : null)
                .lifecycleHookDetails(hookDetails(d))
                .alarms(alarms(s, d))
                .status(r.status())
                .statusReason(r.statusReason())
                .deploymentConfiguration(config)
                .deploymentCircuitBreaker(ServiceDeploymentCircuitBreaker.builder().status(breakerStatus)
                        .failureCount(d.failedTasks()).threshold(CircuitBreaker.threshold(d.desiredCount())).build())
                .rollback(r.rollback())
                .build();
    }

    /** The target revision with the traffic a staged deployment requested for it. */
    private ServiceRevisionSummary target(SimulatedService s, SimulatedDeployment d,
                                          List<dev.fakeecs.internal.task.SimulatedTask> live) {
        ServiceRevisionSummary summary = history.summary(s, d, live);
        StagedRollout st = d.staged();
        if (!d.shiftsTraffic()) {
            return summary;
        }
        return summary.toBuilder().requestedTestTrafficWeight(st.testPercent())
                .requestedProductionTrafficWeight(st.productionPercent()).build();
    }

    /** The hook executions of the deployment's current stage, as lifecycleHookDetails shows them. */
    private static List<DeploymentLifecycleHookDetail> hookDetails(SimulatedDeployment d) {
        List<DeploymentLifecycleHookDetail> list = new ArrayList<>();
        if (d.staged() == null) {
            return list;
        }
        for (HookExecution h : d.staged().hooks()) {
            list.add(DeploymentLifecycleHookDetail.builder().hookId(h.hookId()).targetType(h.targetType())
                    .targetArn(h.targetArn()).status(h.status()).expiresAt(h.expiresAt())
                    .timeoutAction(h.timeoutAction()).build());
        }
        return list;
    }

    /** The deployment's alarm monitoring: configured names, status and the ones that triggered. */
    private static ServiceDeploymentAlarms alarms(SimulatedService s, SimulatedDeployment d) {
        var config = s.deploymentConfiguration();
        var a = config == null ? null : config.alarms();
        if (a == null || !a.hasAlarmNames()) {
            return ServiceDeploymentAlarms.builder().status("DISABLED").build();
        }
        String status = d.alarmsStatus() == null ? "DISABLED" : d.alarmsStatus();
        if ("MONITORING".equals(status) && (d.isCompleted() || !"IN_PROGRESS".equals(d.rolloutState()))) {
            status = d.isCompleted() ? "MONITORING_COMPLETE" : status;
        }
        return ServiceDeploymentAlarms.builder().status(status).alarmNames(a.alarmNames())
                .triggeredAlarmNames(d.triggeredAlarms()).build();
    }
}
