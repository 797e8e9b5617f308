package dev.fakeecs.internal.taskdefinition;

import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.HealthCheck;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.TransportProtocol;

import java.util.List;

/**
 * Fills in what ECS fills in on a registered container definition: {@code essential} true,
 * {@code cpu} 0, empty environment / mountPoints / volumesFrom / portMappings, port protocol tcp,
 * host port equal to the container port in awsvpc and host mode, and the health check defaults
 * (interval 30 s, timeout 5 s, retries 3).
 *
 * <pre>{@code
 * ContainerDefinition stored = ContainerDefaults.apply(requested, NetworkMode.AWSVPC);
 * stored.essential();                 // true
 * stored.healthCheck().interval();    // 30 when the request gave a health check without one
 * }</pre>
 */
final class ContainerDefaults {

    static final int HEALTH_CHECK_INTERVAL = 30;
    static final int HEALTH_CHECK_TIMEOUT = 5;
    static final int HEALTH_CHECK_RETRIES = 3;

    private ContainerDefaults() {
    }

    static ContainerDefinition apply(ContainerDefinition c, NetworkMode networkMode) {
        ContainerDefinition.Builder b = c.toBuilder();
        if (c.essential() == null) {
            b.essential(true);
        }
        if (c.cpu() == null) {
            b.cpu(0);
        }
        if (!c.hasEnvironment()) {
            b.environment(List.of());
        }
        if (!c.hasMountPoints()) {
            b.mountPoints(List.of());
        }
        if (!c.hasVolumesFrom()) {
            b.volumesFrom(List.of());
        }
        b.portMappings(c.portMappings().stream().map(pm -> portMapping(pm, networkMode)).toList());
        if (c.healthCheck() != null) {
            b.healthCheck(healthCheck(c.healthCheck()));
        }
        return b.build();
    }

    private static PortMapping portMapping(PortMapping pm, NetworkMode networkMode) {
        PortMapping.Builder b = pm.toBuilder();
        if (pm.protocol() == null) {
            b.protocol(TransportProtocol.TCP);
        }
        boolean sameAsContainer = networkMode == NetworkMode.AWSVPC || networkMode == NetworkMode.HOST;
        if (pm.hostPort() == null && sameAsContainer && pm.containerPort() != null) {
            b.hostPort(pm.containerPort());
        }
        return b.build();
    }

    private static HealthCheck healthCheck(HealthCheck hc) {
        HealthCheck.Builder b = hc.toBuilder();
        if (hc.interval() == null) {
            b.interval(HEALTH_CHECK_INTERVAL);
        }
        if (hc.timeout() == null) {
            b.timeout(HEALTH_CHECK_TIMEOUT);
        }
        if (hc.retries() == null) {
            b.retries(HEALTH_CHECK_RETRIES);
        }
        return b.build();
    }
}
