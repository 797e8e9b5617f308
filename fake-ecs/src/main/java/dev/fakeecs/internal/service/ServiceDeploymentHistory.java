package dev.fakeecs.internal.service;

import dev.fakeecs.internal.deployment.SimulatedDeployment;
import dev.fakeecs.internal.engine.RegionContext;
import dev.fakeecs.internal.task.SimulatedTask;
import software.amazon.awssdk.services.ecs.model.ServiceRevisionSummary;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every service deployment and service revision of a region, kept after the engine forgets a
 * finished {@link SimulatedDeployment}, so ListServiceDeployments, DescribeServiceDeployments and
 * DescribeServiceRevisions can show the service's history.
 *
 * <p>ARNs: {@code arn:aws:ecs:<region>:<account>:service-deployment/<cluster>/<service>/<22 chars>} (the
 * suffix is derived from the deployment id, so no random draws are added) and
 * {@code arn:aws:ecs:<region>:<account>:service-revision/<cluster>/<service>/<19 digits of ecs-svc/...>}.
 */
final class ServiceDeploymentHistory {

    private final RegionContext region;
    private final Map<String, ServiceDeploymentRecord> byArn = new LinkedHashMap<>();
    private final Map<String, ServiceDeploymentRecord> byRevisionArn = new LinkedHashMap<>();
    private final Map<SimulatedDeployment, ServiceDeploymentRecord> byDeployment = new IdentityHashMap<>();
    private int sequence;

    ServiceDeploymentHistory(RegionContext region) {
        this.region = region;
    }

    /** A deployment started; {@code live} are the service's tasks at that moment (for the source revisions). */
    void started(SimulatedService service, SimulatedDeployment deployment, List<SimulatedTask> live) {
        refresh(service);
        List<ServiceRevisionSummary> sources = new ArrayList<>();
        for (SimulatedDeployment d : service.deployments()) {
            if (d == deployment) {
                continue;
            }
            sources.add(summary(service, d, live));
        }
        String arn = ServiceDeploymentArns.of(region.arns().prefix(), service.clusterName(), service.name(),
                deployment.id());
        ServiceDeploymentRecord record = new ServiceDeploymentRecord(arn, service, deployment, sequence++, sources);
        byArn.put(arn, record);
        byRevisionArn.put(revisionArn(service, deployment), record);
        byDeployment.put(deployment, record);
    }

    /** Brings the statuses of the service's deployments up to date with the engine. */
    void refresh(SimulatedService service) {
        SimulatedDeployment primary = service.primary();
        ServiceDeploymentRecord primaryRecord = primary == null ? null : byDeployment.get(primary);
        int primarySequence = primaryRecord == null ? -1 : primaryRecord.sequence();
        String primaryRevision = primary == null ? null : revisionArn(service, primary);
        for (ServiceDeploymentRecord r : byArn.values()) {
            if (r.service() == service) {
                r.refresh(primary, primarySequence, primaryRevision, region.now());
            }
        }
    }

    ServiceDeploymentRecord find(String arn) {
        return arn == null ? null : byArn.get(arn);
    }

    ServiceDeploymentRecord record(SimulatedDeployment deployment) {
        return byDeployment.get(deployment);
    }

    /** The record whose target is the service revision of that ARN, or null. */
    ServiceDeploymentRecord byRevision(String revisionArn) {
        return revisionArn == null ? null : byRevisionArn.get(revisionArn);
    }

    /** The service's deployments, newest first. */
    List<ServiceDeploymentRecord> of(SimulatedService service) {
        List<ServiceDeploymentRecord> list = new ArrayList<>();
        for (ServiceDeploymentRecord r : byArn.values()) {
            if (r.service() == service) {
                list.add(0, r);
            }
        }
        return list;
    }

    String revisionArn(SimulatedService service, SimulatedDeployment deployment) {
        String id = deployment.id();
        return region.arns().prefix() + "service-revision/" + service.clusterName() + "/" + service.name() + "/"
                + id.substring(id.indexOf('/') + 1);
    }

    /** The revision's requested, running and pending task counts now. */
    ServiceRevisionSummary summary(SimulatedService service, SimulatedDeployment d, List<SimulatedTask> live) {
        int running = 0;
        int pending = 0;
        for (SimulatedTask t : live) {
            if (d.id().equals(t.deploymentId())) {
                if (t.isRunning()) {
                    running++;
                } else {
                    pending++;
                }
            }
        }
        return ServiceRevisionSummary.builder().arn(revisionArn(service, d)).requestedTaskCount(d.desiredCount())
                .runningTaskCount(running).pendingTaskCount(pending).build();
    }

}
