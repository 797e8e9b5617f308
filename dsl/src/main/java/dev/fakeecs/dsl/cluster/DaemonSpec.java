package dev.fakeecs.dsl.cluster;

import dev.fakeecs.dsl.internal.Check;
import software.amazon.awssdk.services.ecs.model.RegisterDaemonTaskDefinitionRequest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An ECS Managed Daemon of a cluster: one container image run as exactly one daemon task on every instance of the
 * named Managed Instances capacity providers (started before application tasks). Its daemon task definition family
 * is the daemon's name. Immutable.
 *
 * <pre>{@code
 * DaemonSpec agent = DaemonSpec.builder("log-router").image("fluent-bit:3").cpu(256).memory(256)
 *     .capacityProviders("mi").build();
 * }</pre>
 */
public final class DaemonSpec {

    private final String name;
    private final String image;
    private final int cpu;
    private final int memory;
    private final List<String> capacityProviders;

    private DaemonSpec(Builder b) {
        this.name = b.name;
        this.image = b.image;
        this.cpu = b.cpu;
        this.memory = b.memory;
        this.capacityProviders = List.copyOf(b.capacityProviders);
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() { return name; }
    public String image() { return image; }
    public List<String> capacityProviders() { return capacityProviders; }

    /** The RegisterDaemonTaskDefinition request (family = the daemon's name, one container of the image). */
    public RegisterDaemonTaskDefinitionRequest toTaskDefinitionRequest() {
        return RegisterDaemonTaskDefinitionRequest.builder().family(name).cpu(String.valueOf(cpu))
                .memory(String.valueOf(memory))
                .containerDefinitions(c -> c.name(name).image(image).essential(true)).build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DaemonSpec d && d.name.equals(name) && d.image.equals(image) && d.cpu == cpu
                && d.memory == memory && d.capacityProviders.equals(capacityProviders);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, image, cpu, memory, capacityProviders);
    }

    @Override
    public String toString() {
        return "Daemon[" + name + " " + image + " on " + capacityProviders + "]";
    }

    /** Builds a {@link DaemonSpec}; {@link #build()} validates. */
    public static final class Builder {
        private final String name;
        private String image;
        private int cpu = 256;
        private int memory = 256;
        private final List<String> capacityProviders = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder image(String value) { this.image = value; return this; }

        /** CPU units of the daemon task (default 256). */
        public Builder cpu(int value) { this.cpu = value; return this; }

        /** Memory (MiB) of the daemon task (default 256). */
        public Builder memory(int value) { this.memory = value; return this; }

        /** The Managed Instances capacity providers (by name) whose instances run the daemon. */
        public Builder capacityProviders(String... names) {
            capacityProviders.clear();
            capacityProviders.addAll(Arrays.asList(names));
            return this;
        }

        public DaemonSpec build() {
            String spec = "daemon " + name;
            Check.notBlank("daemon", "name", name);
            Check.that(name.matches("[A-Za-z0-9_-]{1,255}"), spec, "name", name,
                    "must be 1-255 letters, digits, hyphens or underscores");
            Check.notBlank(spec, "image", image);
            Check.that(!capacityProviders.isEmpty(), spec, "capacityProviders", capacityProviders,
                    "must name at least one Managed Instances capacity provider of the cluster");
            Check.range(spec, "cpu", cpu, 1, 10240);
            Check.range(spec, "memory", memory, 1, 122880);
            return new DaemonSpec(this);
        }
    }
}
