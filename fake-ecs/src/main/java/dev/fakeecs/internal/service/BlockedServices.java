package dev.fakeecs.internal.service;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Services whose last launch could not be placed (no instance fits, no capacity, provisioning
 * limit): they are not in a steady state, and they reconcile again as soon as capacity changes in
 * their cluster rather than only when their placement retry falls due.
 */
final class BlockedServices {

    private final Set<SimulatedService> blocked = new LinkedHashSet<>();

    void add(SimulatedService service) {
        blocked.add(service);
    }

    void remove(SimulatedService service) {
        blocked.remove(service);
    }

    boolean contains(SimulatedService service) {
        return blocked.contains(service);
    }

    /** The blocked services of the cluster, in the order they last became blocked (a copy). */
    List<SimulatedService> inCluster(String clusterName) {
        List<SimulatedService> list = new ArrayList<>();
        for (SimulatedService s : blocked) {
            if (s.clusterName().equals(clusterName)) {
                list.add(s);
            }
        }
        return list;
    }
}
