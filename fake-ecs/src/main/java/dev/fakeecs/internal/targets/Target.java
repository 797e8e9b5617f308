package dev.fakeecs.internal.targets;

import java.util.Objects;

/**
 * One load balancer target: an IP address (target type {@code ip}, a task's ENI) or an EC2 instance id (target
 * type {@code instance}, a container instance) with a port.
 *
 * <pre>{@code
 * Target target = new Target("10.0.1.17", 8080);
 * }</pre>
 *
 * @param id   the IPv4 address or {@code i-...} instance id
 * @param port the port the target receives traffic on (container port for ip, host port for instance)
 */
public record Target(String id, int port) {

    public Target {
        Objects.requireNonNull(id, "id");
    }

    @Override
    public String toString() {
        return id + ":" + port;
    }
}
