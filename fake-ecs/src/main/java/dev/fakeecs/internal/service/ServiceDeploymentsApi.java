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
    private final SteadyStateTracker steadyState;
    private final StartFailureTracker startFailures;
    private final ServiceEventWriter events;
    private final ServiceDeploymentHistory history;
    private final Clusters clusters;

    ServiceDeploymentsApi(RegionContext region, Services services, ServiceScheduler scheduler, ServiceTasks tasks,
                          SteadyStateTracker steadyState, StartFailureTracker startFailures, ServiceEventWriter events,
                          ServiceDeploymentHistory history, Clusters clusters) {
        this.region = region;
        this.services = services;
        this.scheduler = scheduler;
        this.tasks = tasks;
        this.steadyState = steadyState;
        this.startFailures = startFailures;
        this.events = events;
        this.history = history;
        this.clusters = clusters;
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

    ContinueServiceDeploymentResponse continueDeployment(ContinueServiceDeploymentRequest request) {
        ServiceDeploymentRecord r = resolve(request.serviceDeploymentArn());
        if (request.action() == DeploymentLifecycleHookAction.ROLLBACK) {
            rollBack(r);
        } else if (r.isDone()) {
            throw EcsErrors.of("ConflictException", "The service deployment " + r.arn() + " is already "
                    + r.status() + ".");
        }
        // fake-ecs runs no lifecycle hooks, so nothing waits: CONTINUE acknowledges an ongoing deployment.
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
        from.status("ACTIVE", now);
        service.deployments().remove(target);
        service.deployments().add(0, target);
        target.status("PRIMARY", now);
        target.rollout("IN_PROGRESS", reason, now);
        target.desiredCount(service.desiredCount(), now);
        service.taskDefinition(target.taskDefinition());
        service.scaleInSuspended(true);
        steadyState.unsettle(service);
        startFailures.reset(service);
        r.rollingBackTo(target, history.revisionArn(service, target), reason, now);
        region.record(JournalEventType.DEPLOYMENT, service.arn(), "deployment", target.id(), "rollbackFrom",
                from.id(), "by", "StopServiceDeployment");
        events.write(service, ServiceMessages.rollingBack(service.name(), target.id()));
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
                .targetServiceRevision(history.summary(s, d, live))
                .status(r.status())
                .statusReason(r.statusReason())
                .deploymentConfiguration(config)
                .deploymentCircuitBreaker(ServiceDeploymentCircuitBreaker.builder().status(breakerStatus)
                        .failureCount(d.failedTasks()).threshold(CircuitBreaker.threshold(d.desiredCount())).build())
                .rollback(r.rollback())
                .build();
    }
}
