package dev.fakeecs.dsl.taskdefinition;

import dev.fakeecs.dsl.internal.Lists;

import dev.fakeecs.spi.EngineSetup;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.CPUArchitecture;
import software.amazon.awssdk.services.ecs.model.EphemeralStorage;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.OSFamily;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.RuntimePlatform;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Volume;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A task definition, read like {@code aws ecs register-task-definition}. Immutable: it wraps the
 * SDK's {@link RegisterTaskDefinitionRequest}, so every field survives JSON import and export;
 * {@link #toBuilder()} makes variants ({@code ORDERS.toBuilder().container("app", c -> c.image("orders:2"))}).
 *
 * <pre>{@code
 * TaskDefinitionSpec orders = TaskDefinitionSpec.builder("order-service")
 *     .fargate().cpu(512).memory(1024)                 // networkMode awsvpc, as Fargate requires
 *     .executionRole("arn:aws:iam::123456789012:role/ecsTaskExecutionRole")
 *     .container("app", c -> c.image("acme/orders:1.4").port(8080)
 *         .healthCheck("curl -f http://localhost:8080/health || exit 1"))
 *     .build();
 * orders.toRequest();   // the RegisterTaskDefinitionRequest
 * }</pre>
 */
public final class TaskDefinitionSpec {

    /** The ephemeral storage a Fargate task gets when none is declared. */
    public static final int DEFAULT_EPHEMERAL_GIB = 20;

    private final RegisterTaskDefinitionRequest base;
    private final List<ContainerSpec> containers;

    TaskDefinitionSpec(RegisterTaskDefinitionRequest base, List<ContainerSpec> containers) {
        this.base = base.toBuilder().containerDefinitions((List<ContainerDefinition>) null).build();
        this.containers = List.copyOf(containers);
    }

    /** A builder for a task definition of this family. */
    public static Builder builder(String family) {
        return new Builder(RegisterTaskDefinitionRequest.builder().family(family).build(), List.of());
    }

    /** Wraps an SDK request (as imported from JSON), validating it. */
    public static TaskDefinitionSpec from(RegisterTaskDefinitionRequest request) {
        List<ContainerSpec> containers = new ArrayList<>();
        for (ContainerDefinition d : request.containerDefinitions()) {
            containers.add(ContainerSpec.from(d));
        }
        return new Builder(request, containers).build();
    }

    public Builder toBuilder() {
        return new Builder(base, containers);
    }

    public String family() { return base.family(); }
    /** Task CPU in CPU units, or null if not set at task level. */
    public Integer cpu() { return EngineSetup.taskCpuUnits(base.cpu()); }
    /** Task memory in MiB, or null if not set at task level. */
    public Integer memory() { return EngineSetup.taskMemoryMiB(base.memory()); }
    /** The network mode, {@code bridge} when none is declared (the ECS default on Linux). */
    public NetworkMode networkMode() { return base.networkMode() == null ? NetworkMode.BRIDGE : base.networkMode(); }
    public boolean requiresFargate() { return base.requiresCompatibilities().contains(Compatibility.FARGATE); }
    public List<ContainerSpec> containers() { return containers; }
    public List<Volume> volumes() { return base.volumes(); }

    /** The container of that name, or null. */
    public ContainerSpec container(String name) {
        return containers.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    /** The volume of that name, or null. */
    public Volume volume(String name) {
        return base.volumes().stream().filter(v -> v.name().equals(name)).findFirst().orElse(null);
    }

    /** Declared ephemeral storage in GiB, or {@link #DEFAULT_EPHEMERAL_GIB}. */
    public int ephemeralStorageGiB() {
        return base.ephemeralStorage() == null || base.ephemeralStorage().sizeInGiB() == null
                ? DEFAULT_EPHEMERAL_GIB : base.ephemeralStorage().sizeInGiB();
    }

    /** The RegisterTaskDefinition request. */
    public RegisterTaskDefinitionRequest toRequest() {
        return base.toBuilder().containerDefinitions(containers.stream().map(ContainerSpec::toSdk).toList()).build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaskDefinitionSpec t && t.toRequest().equals(toRequest());
    }

    @Override
    public int hashCode() {
        return toRequest().hashCode();
    }

    @Override
    public String toString() {
        return "TaskDefinition[" + family() + ", cpu=" + base.cpu() + ", memory=" + base.memory() + ", containers="
                + containers.stream().map(ContainerSpec::name).toList() + "]";
    }

    /** Builds a {@link TaskDefinitionSpec}; {@link #build()} validates. */
    public static final class Builder {
        private RegisterTaskDefinitionRequest r;
        private final List<ContainerSpec> containers;

        private Builder(RegisterTaskDefinitionRequest base, List<ContainerSpec> containers) {
            this.r = base;
            this.containers = new ArrayList<>(containers);
        }

        private Builder edit(Consumer<RegisterTaskDefinitionRequest.Builder> change) {
            RegisterTaskDefinitionRequest.Builder b = r.toBuilder();
            change.accept(b);
            r = b.build();
            return this;
        }

        /** Renames the family (for variants). */
        public Builder family(String family) { return edit(b -> b.family(family)); }
        /** Task CPU in CPU units (256 = 0.25 vCPU). */
        public Builder cpu(int units) { return edit(b -> b.cpu(String.valueOf(units))); }
        /** Task CPU as the console writes it, e.g. {@code "0.5 vCPU"} or {@code "512"}. */
        public Builder cpu(String value) { return edit(b -> b.cpu(value)); }
        /** Task memory in MiB. */
        public Builder memory(int mib) { return edit(b -> b.memory(String.valueOf(mib))); }
        /** Task memory as the console writes it, e.g. {@code "1 GB"} or {@code "1024"}. */
        public Builder memory(String value) { return edit(b -> b.memory(value)); }
        public Builder networkMode(NetworkMode mode) { return edit(b -> b.networkMode(mode)); }
        public Builder awsvpc() { return networkMode(NetworkMode.AWSVPC); }
        public Builder bridge() { return networkMode(NetworkMode.BRIDGE); }
        public Builder hostNetwork() { return networkMode(NetworkMode.HOST); }

        /** requiresCompatibilities FARGATE; network mode awsvpc unless one was declared. */
        public Builder fargate() {
            return edit(b -> {
                b.requiresCompatibilities(Compatibility.FARGATE);
                if (r.networkMode() == null) {
                    b.networkMode(NetworkMode.AWSVPC);
                }
            });
        }

        /** requiresCompatibilities EC2. */
        public Builder ec2() { return edit(b -> b.requiresCompatibilities(Compatibility.EC2)); }

        public Builder requiresCompatibilities(Compatibility... values) {
            return edit(b -> b.requiresCompatibilities(values));
        }

        public Builder runtimePlatform(CPUArchitecture architecture, OSFamily os) {
            return edit(b -> b.runtimePlatform(RuntimePlatform.builder().cpuArchitecture(architecture)
                    .operatingSystemFamily(os).build()));
        }

        /** Linux on ARM64 (Graviton). */
        public Builder arm64() { return runtimePlatform(CPUArchitecture.ARM64, OSFamily.LINUX); }
        /** Linux on x86_64. */
        public Builder x86_64() { return runtimePlatform(CPUArchitecture.X86_64, OSFamily.LINUX); }

        /** Ephemeral storage in GiB (Fargate: 21-200; 20 when not declared). */
        public Builder ephemeralStorage(int gib) {
            return edit(b -> b.ephemeralStorage(EphemeralStorage.builder().sizeInGiB(gib).build()));
        }

        public Builder taskRole(String arn) { return edit(b -> b.taskRoleArn(arn)); }
        public Builder executionRole(String arn) { return edit(b -> b.executionRoleArn(arn)); }

        /** Adds a container, or replaces the container of the same name. */
        public Builder container(ContainerSpec container) {
            for (int i = 0; i < containers.size(); i++) {
                if (containers.get(i).name().equals(container.name())) {
                    containers.set(i, container);
                    return this;
                }
            }
            containers.add(container);
            return this;
        }

        /** Declares a container, or edits the existing container of that name (for variants). */
        public Builder container(String name, Consumer<ContainerSpec.Builder> container) {
            ContainerSpec existing = containers.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
            ContainerSpec.Builder b = existing == null ? ContainerSpec.builder(name) : existing.toBuilder();
            container.accept(b);
            return container(b.build());
        }

        public Builder withoutContainer(String name) {
            containers.removeIf(c -> c.name().equals(name));
            return this;
        }

        /** Adds a volume (see {@link Volumes}). */
        public Builder volume(Volume volume) { return edit(b -> b.volumes(Lists.plus(r.volumes(), volume))); }
        /** Adds a task-scoped bind mount volume. */
        public Builder bindVolume(String name) { return volume(Volumes.bind(name)); }
        /** Adds an EFS volume. */
        public Builder efsVolume(String name, String fileSystemId) { return volume(Volumes.efs(name, fileSystemId)); }
        /** Adds a host path volume (EC2). */
        public Builder hostVolume(String name, String sourcePath) { return volume(Volumes.host(name, sourcePath)); }

        public Builder tag(String key, String value) {
            return edit(b -> b.tags(Lists.plus(r.tags(), Tag.builder().key(key).value(value).build())));
        }

        /** Anything else the SDK's RegisterTaskDefinitionRequest has (pidMode, proxyConfiguration...). */
        public Builder sdk(Consumer<RegisterTaskDefinitionRequest.Builder> change) { return edit(change); }

        public TaskDefinitionSpec build() {
            TaskDefinitionRules.check(r, containers);
            return new TaskDefinitionSpec(r, containers);
        }
    }
}
