package dev.fakeecs.dsl.taskdefinition;

import dev.fakeecs.dsl.internal.Lists;

import dev.fakeecs.dsl.internal.Check;
import software.amazon.awssdk.services.ecs.model.ContainerCondition;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ContainerDependency;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.MountPoint;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.ResourceRequirement;
import software.amazon.awssdk.services.ecs.model.ResourceType;
import software.amazon.awssdk.services.ecs.model.TransportProtocol;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One container definition, read like the {@code containerDefinitions} entry of
 * {@code register-task-definition}. Immutable: it wraps the SDK's {@link ContainerDefinition}, so
 * every field the SDK knows survives a JSON import and export; {@link #toBuilder()} makes variants.
 *
 * <pre>{@code
 * ContainerSpec app = ContainerSpec.builder("app")
 *     .image("123456789012.dkr.ecr.us-east-1.amazonaws.com/orders:1.4")
 *     .cpu(256).memory(512).memoryReservation(256)
 *     .port(8080)
 *     .env("SPRING_PROFILES_ACTIVE", "prod")
 *     .healthCheck("curl -f http://localhost:8080/health || exit 1")
 *     .dependsOn("envoy", "HEALTHY")
 *     .stopTimeout(30)
 *     .build();
 * }</pre>
 */
public final class ContainerSpec {

    private final ContainerDefinition definition;

    private ContainerSpec(ContainerDefinition definition) {
        this.definition = definition;
    }

    public static Builder builder(String name) {
        return new Builder(ContainerDefinition.builder().name(name).build());
    }

    /** Wraps an SDK container definition (as imported from JSON), validating it. */
    public static ContainerSpec from(ContainerDefinition definition) {
        return new Builder(definition).build();
    }

    public Builder toBuilder() {
        return new Builder(definition);
    }

    public String name() { return definition.name(); }
    public String image() { return definition.image(); }
    public boolean essential() { return definition.essential() == null || definition.essential(); }
    public Integer cpu() { return definition.cpu(); }
    public Integer memory() { return definition.memory(); }
    public Integer memoryReservation() { return definition.memoryReservation(); }
    public List<MountPoint> mountPoints() { return definition.mountPoints(); }

    /** GPUs reserved for this container (0 when none). */
    public int gpus() {
        return definition.resourceRequirements().stream().filter(r -> r.type() == ResourceType.GPU)
                .mapToInt(r -> Integer.parseInt(r.value())).sum();
    }

    /** The SDK definition. */
    public ContainerDefinition toSdk() {
        return definition;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContainerSpec c && c.definition.equals(definition);
    }

    @Override
    public int hashCode() {
        return definition.hashCode();
    }

    @Override
    public String toString() {
        return "Container[" + name() + ", " + image() + "]";
    }

    /** Builds a {@link ContainerSpec}; {@link #build()} validates. */
    public static final class Builder {
        private ContainerDefinition d;

        private Builder(ContainerDefinition definition) {
            this.d = definition;
        }

        private Builder edit(Consumer<ContainerDefinition.Builder> change) {
            ContainerDefinition.Builder b = d.toBuilder();
            change.accept(b);
            d = b.build();
            return this;
        }

        public Builder image(String image) { return edit(b -> b.image(image)); }
        /** CPU units reserved for the container (1024 = one vCPU). */
        public Builder cpu(int units) { return edit(b -> b.cpu(units)); }
        /** Hard memory limit in MiB. */
        public Builder memory(int mib) { return edit(b -> b.memory(mib)); }
        /** Soft memory limit (reservation) in MiB. */
        public Builder memoryReservation(int mib) { return edit(b -> b.memoryReservation(mib)); }
        public Builder essential(boolean essential) { return edit(b -> b.essential(essential)); }

        /** Exposes a TCP container port (awsvpc/host: the same host port; bridge: a dynamic host port). */
        public Builder port(int containerPort) {
            return portMapping(PortMapping.builder().containerPort(containerPort).protocol(TransportProtocol.TCP)
                    .build());
        }

        /** Maps a TCP container port to a fixed host port (bridge mode). */
        public Builder port(int containerPort, int hostPort) {
            return portMapping(PortMapping.builder().containerPort(containerPort).hostPort(hostPort)
                    .protocol(TransportProtocol.TCP).build());
        }

        public Builder portMapping(PortMapping mapping) {
            return edit(b -> b.portMappings(Lists.plus(d.portMappings(), mapping)));
        }

        /** Starts after {@code container} reached {@code condition}: START, COMPLETE, SUCCESS or HEALTHY. */
        public Builder dependsOn(String container, String condition) {
            return edit(b -> b.dependsOn(Lists.plus(d.dependsOn(),
                    ContainerDependency.builder().containerName(container).condition(condition).build())));
        }

        /** A CMD-SHELL health check with ECS's defaults (interval 30 s, timeout 5 s, 3 retries). */
        public Builder healthCheck(String shellCommand) {
            return healthCheck(HealthCheckSpec.shell(shellCommand));
        }

        public Builder healthCheck(HealthCheckSpec healthCheck) {
            return edit(b -> b.healthCheck(healthCheck.toSdk()));
        }

        public Builder env(String name, String value) {
            return edit(b -> b.environment(Lists.plus(d.environment(), KeyValuePair.builder().name(name).value(value)
                    .build())));
        }

        public Builder environment(Map<String, String> variables) {
            new java.util.TreeMap<>(variables).forEach(this::env);
            return this;
        }

        /** Seconds between SIGTERM and SIGKILL when the task stops (2-120). */
        public Builder stopTimeout(int seconds) { return edit(b -> b.stopTimeout(seconds)); }
        /** Seconds ECS waits for the dependencies of this container to start. */
        public Builder startTimeout(int seconds) { return edit(b -> b.startTimeout(seconds)); }

        /** Reserves {@code count} GPUs (EC2 only). */
        public Builder gpu(int count) {
            return edit(b -> b.resourceRequirements(Lists.plus(d.resourceRequirements(),
                    ResourceRequirement.builder().type(ResourceType.GPU).value(String.valueOf(count)).build())));
        }

        /** Mounts task volume {@code sourceVolume} at {@code containerPath}, read-write. */
        public Builder mount(String sourceVolume, String containerPath) {
            return mount(sourceVolume, containerPath, false);
        }

        public Builder mount(String sourceVolume, String containerPath, boolean readOnly) {
            return edit(b -> b.mountPoints(Lists.plus(d.mountPoints(), MountPoint.builder().sourceVolume(sourceVolume)
                    .containerPath(containerPath).readOnly(readOnly).build())));
        }

        public Builder command(String... args) { return edit(b -> b.command(args)); }
        public Builder entryPoint(String... args) { return edit(b -> b.entryPoint(args)); }

        /** Anything else the SDK's ContainerDefinition has (log configuration, secrets, ulimits...). */
        public Builder sdk(Consumer<ContainerDefinition.Builder> change) { return edit(change); }

        public ContainerSpec build() {
            String name = d.name();
            Check.notBlank("container", "name", name);
            String spec = "container " + name;
            Check.that(name.matches("[A-Za-z0-9_-]{1,255}"), spec, "name", name,
                    "must be 1-255 letters, digits, hyphens or underscores");
            Check.notBlank(spec, "image", d.image());
            if (d.cpu() != null) {
                Check.range(spec, "cpu", d.cpu(), 0, 10 * 1024 * 16);
            }
            if (d.memory() != null) {
                Check.range(spec, "memory", d.memory(), 6, Integer.MAX_VALUE);
            }
            if (d.memoryReservation() != null) {
                Check.range(spec, "memoryReservation", d.memoryReservation(), 6, Integer.MAX_VALUE);
                if (d.memory() != null) {
                    Check.that(d.memoryReservation() <= d.memory(), spec, "memoryReservation", d.memoryReservation(),
                            "must be less than or equal to memory (" + d.memory() + ")");
                }
            }
            List<PortMapping> ports = d.portMappings();
            for (int i = 0; i < ports.size(); i++) {
                PortMapping pm = ports.get(i);
                if (pm.containerPort() != null) {
                    Check.range(spec, "portMappings[" + i + "].containerPort", pm.containerPort(), 1, 65535);
                }
                if (pm.hostPort() != null) {
                    Check.range(spec, "portMappings[" + i + "].hostPort", pm.hostPort(), 0, 65535);
                }
            }
            List<ContainerDependency> deps = d.dependsOn();
            for (int i = 0; i < deps.size(); i++) {
                ContainerDependency dep = deps.get(i);
                Check.that(dep.condition() != null && dep.condition() != ContainerCondition.UNKNOWN_TO_SDK_VERSION,
                        spec, "dependsOn[" + i + "].condition", dep.conditionAsString(),
                        "must be one of START, COMPLETE, SUCCESS, HEALTHY");
                Check.that(!Objects.equals(dep.containerName(), name), spec, "dependsOn[" + i + "].containerName",
                        dep.containerName(), "a container cannot depend on itself");
            }
            if (d.healthCheck() != null) {
                try {
                    HealthCheckSpec.fromSdk(d.healthCheck());
                } catch (dev.fakeecs.dsl.spec.InvalidSpecException e) {
                    throw new dev.fakeecs.dsl.spec.InvalidSpecException(spec, "healthCheck." + e.field(), e.value(),
                            e.rule());
                }
            }
            if (d.stopTimeout() != null) {
                Check.range(spec, "stopTimeout", d.stopTimeout(), 2, 120);
            }
            for (ResourceRequirement r : d.resourceRequirements()) {
                if (r.type() == ResourceType.GPU) {
                    Check.that(r.value() != null && r.value().matches("[1-9]\\d*"), spec,
                            "resourceRequirements.GPU", r.value(), "must be a whole number of GPUs, at least 1");
                }
            }
            List<MountPoint> mounts = d.mountPoints();
            for (int i = 0; i < mounts.size(); i++) {
                Check.notBlank(spec, "mountPoints[" + i + "].sourceVolume", mounts.get(i).sourceVolume());
                String path = mounts.get(i).containerPath();
                Check.that(path != null && path.startsWith("/"), spec, "mountPoints[" + i + "].containerPath", path,
                        "must be an absolute path");
            }
            return new ContainerSpec(d);
        }
    }
}
