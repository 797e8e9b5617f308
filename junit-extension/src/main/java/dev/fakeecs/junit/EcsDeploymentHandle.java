package dev.fakeecs.junit;

import dev.fakeecs.internal.deployment.Deployment;
import dev.fakeecs.internal.service.Service;

import java.util.Objects;

/**
 * A live handle on one deployment of a service.
 *
 * <pre>{@code
 * EcsDeploymentHandle primary = orders.primaryDeployment();
 * assertThat(primary).hasRolloutState(DeploymentRolloutState.COMPLETED);
 * }</pre>
 */
public class EcsDeploymentHandle {

    private final EcsServiceHandle service;
    private final String id;

    public EcsDeploymentHandle(EcsServiceHandle service, String id) {
        this.service = Objects.requireNonNull(service, "service");
        this.id = Objects.requireNonNull(id, "id");
    }

    public String id() {
        return id;
    }

    public EcsServiceHandle service() {
        return service;
    }

    /** The engine's deployment, or null. */
    public Deployment state() {
        Service s = service.state();
        return s == null ? null : service.cluster().state().read(() -> s.deployment(id));
    }

    /** The deployment as DescribeServices shows it, or null. */
    public software.amazon.awssdk.services.ecs.model.Deployment describe() {
        software.amazon.awssdk.services.ecs.model.Service s = service.describe();
        return s == null ? null : s.deployments().stream().filter(d -> d.id().equals(id)).findFirst().orElse(null);
    }

    @Override
    public String toString() {
        return "deployment " + id + " of " + service;
    }
}
