package dev.fakeecs.junit.handle;

import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.Service;

import java.util.Objects;

/**
 * A live handle on one deployment of a service, by id: every call re-reads the engine.
 *
 * <pre>{@code
 * EcsDeploymentHandle primary = orders.primaryDeployment();
 * primary.describe().rolloutState();                   // COMPLETED
 * assertThat(primary).hasRolloutState(DeploymentRolloutState.COMPLETED);
 * }</pre>
 */
public class EcsDeploymentHandle {

    private final EcsServiceHandle service;
    private final String id;

    /** A handle on deployment {@code id} of {@code service}. */
    public EcsDeploymentHandle(EcsServiceHandle service, String id) {
        this.service = Objects.requireNonNull(service, "service");
        this.id = Objects.requireNonNull(id, "id");
    }

    /** The deployment's id ({@code ecs-svc/...}). */
    public String id() {
        return id;
    }

    /** The service the deployment belongs to. */
    public EcsServiceHandle service() {
        return service;
    }

    /**
     * The deployment as DescribeServices shows it, or null once the service no longer lists it.
     *
     * <pre>{@code primary.describe().runningCount(); }</pre>
     */
    public Deployment describe() {
        Service s = service.describe();
        return s == null ? null : s.deployments().stream().filter(d -> d.id().equals(id)).findFirst().orElse(null);
    }

    @Override
    public String toString() {
        return "deployment " + id + " of " + service;
    }
}
