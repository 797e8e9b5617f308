package dev.fakeecs.internal.service;

import dev.fakeecs.internal.deployment.SimulatedDeployment;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.ServiceRegistry;

import java.time.Instant;
import java.util.List;

/**
 * One task set of a service with the EXTERNAL deployment controller: its own task definition and
 * launch settings (held as a {@link SimulatedDeployment} whose id, {@code ecs-svc/<19 digits>}, is the task
 * set id and its tasks' {@code startedBy}), a scale in percent of the service's desired count, a
 * status (PRIMARY, ACTIVE, DRAINING) and a stability status (STEADY_STATE, STABILIZING).
 */
final class ExternalTaskSet {

    private final String arn;
    private final SimulatedDeployment launch;
    private final String externalId;
    private final List<LoadBalancer> loadBalancers;
    private final List<ServiceRegistry> serviceRegistries;
    private String status;
    private double scalePercent;
    private Instant updatedAt;
    private String stabilityStatus = "STABILIZING";
    private Instant stabilityStatusAt;
    /** The computed desired count last reported to service action listeners (a new set starts from 0). */
    private int reportedDesiredCount;

    ExternalTaskSet(String arn, SimulatedDeployment launch, String externalId, List<LoadBalancer> loadBalancers,
                    List<ServiceRegistry> serviceRegistries, String status,
                    double scalePercent) {
        this.arn = arn;
        this.launch = launch;
        this.externalId = externalId;
        this.loadBalancers = List.copyOf(loadBalancers);
        this.serviceRegistries = List.copyOf(serviceRegistries);
        this.status = status;
        this.scalePercent = scalePercent;
        this.updatedAt = launch.createdAt();
        this.stabilityStatusAt = launch.createdAt();
    }

    String id() { return launch.id(); }
    String arn() { return arn; }
    /** The task definition, launch type or capacity provider strategy and network the set's tasks use. */
    SimulatedDeployment launch() { return launch; }
    String externalId() { return externalId; }
    /** The set's load balancers (validated; the set's tasks register in the target groups). */
    List<LoadBalancer> loadBalancers() { return loadBalancers; }
    /** The set's Cloud Map registries (stored and returned). */
    List<ServiceRegistry> serviceRegistries() { return serviceRegistries; }
    String status() { return status; }
    double scalePercent() { return scalePercent; }
    Instant createdAt() { return launch.createdAt(); }
    Instant updatedAt() { return updatedAt; }
    String stabilityStatus() { return stabilityStatus; }
    Instant stabilityStatusAt() { return stabilityStatusAt; }
    boolean isDraining() { return "DRAINING".equals(status); }
    boolean isPrimary() { return "PRIMARY".equals(status); }

    /** Whether {@code ref} names this set (its id {@code ecs-svc/...} or its ARN). */
    boolean isNamedBy(String ref) {
        return id().equals(ref) || arn.equals(ref);
    }

    /** The task count the set keeps: ceil(desiredCount x scale / 100), 0 while DRAINING. */
    int computedDesiredCount(int serviceDesiredCount) {
        if (isDraining()) {
            return 0;
        }
        return (int) Math.ceil(serviceDesiredCount * scalePercent / 100.0 - 1e-9);
    }

    void status(String status, Instant at) {
        this.status = status;
        this.updatedAt = at;
    }

    void scalePercent(double percent, Instant at) {
        this.scalePercent = percent;
        this.updatedAt = at;
    }

    /** Sets the stability status; answers whether it changed. */
    boolean stability(String stability, Instant at) {
        if (!stability.equals(stabilityStatus)) {
            stabilityStatus = stability;
            stabilityStatusAt = at;
            return true;
        }
        return false;
    }

    /** Records {@code count} as the computed desired count reported; answers whether it differs from the last. */
    boolean reportDesiredCount(int count) {
        if (count == reportedDesiredCount) {
            return false;
        }
        reportedDesiredCount = count;
        return true;
    }
}
