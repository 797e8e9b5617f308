package dev.fakeecs.internal.task;

import dev.fakeecs.internal.random.SeededRandom;

import java.util.HashSet;
import java.util.Set;

/**
 * The private IPv4 addresses of a region's tasks, unique among its live tasks, as a VPC's subnets never hand
 * one address to two network interfaces: a new task draws from the world's seeded random source
 * ({@link SeededRandom#privateIp()}, 10.0.0.0/16) once, as every task did before addresses were kept unique,
 * and while that address is taken walks on to the next one ({@code 10.0.3.254} → {@code 10.0.4.1}, after
 * {@code 10.0.255.254} {@code 10.0.0.1}) without drawing again, so the random sequence, and every journal, stays
 * what it was. A task's address is free again once it is STOPPED. Without this two live tasks could share an
 * address and so one load balancer target ({@code ip} targets are keyed by address and port).
 *
 * <pre>{@code
 * String ip = addresses.allocate(region.engine().random());   // "10.0.37.201", taken until the task stops
 * }</pre>
 */
final class PrivateAddresses implements TaskStateListener {

    private final Set<String> inUse = new HashSet<>();

    /** A free address, now taken. */
    String allocate(SeededRandom random) {
        String ip = random.privateIp();
        if (inUse.add(ip)) {
            return ip;
        }
        String[] octets = ip.split("\\.");
        int third = Integer.parseInt(octets[2]);
        int fourth = Integer.parseInt(octets[3]);
        for (int i = 0; i < 256 * 254; i++) {
            if (++fourth > 254) {
                fourth = 1;
                third = (third + 1) % 256;
            }
            String next = "10.0." + third + "." + fourth;
            if (inUse.add(next)) {
                return next;
            }
        }
        throw new IllegalStateException("every private address of 10.0.0.0/16 is taken by a live task");
    }

    @Override
    public void onTransition(SimulatedTask task, String from, String to) {
        if ("STOPPED".equals(to) && task.privateIp() != null) {
            inUse.remove(task.privateIp());
        }
    }
}
