package dev.fakeecs.fault;

import dev.fakeecs.internal.arn.Arns;
import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.internal.random.SeededRandom;
import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.internal.task.SimulatedTask;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Chooses what a fault hits from its spec: an explicit container instance or task, else the
 * matching ones (cluster, zone, service) of which a {@code percentage} is drawn with the world's
 * seeded random source, keeping their original order.
 */
final class Targets {

    private Targets() {
    }

    /** The hosts to hit; {@code oneByDefault}: with neither an explicit host nor a percentage, one random host. */
    static List<SimulatedContainerInstance> instances(FaultContext ctx, Predicate<SimulatedContainerInstance> filter, boolean oneByDefault) {
        FaultSpec spec = ctx.spec();
        RegionEngine state = ctx.region();
        if (spec.containerInstance() != null) {
            SimulatedContainerInstance ci = findInstance(state, spec.cluster(), spec.containerInstance());
            return ci == null || !ci.isRegistered() ? List.of() : List.of(ci);
        }
        List<SimulatedContainerInstance> matching = new ArrayList<>();
        for (SimulatedContainerInstance ci : state.containerInstances().all()) {
            if (ci.isRegistered() && (spec.cluster() == null || ci.clusterName().equals(clusterName(spec.cluster())))
                    && (spec.availabilityZone() == null || ci.availabilityZone().equals(spec.availabilityZone()))
                    && filter.test(ci)) {
                matching.add(ci);
            }
        }
        return share(state.engine().random(), matching, spec.percentage(), oneByDefault);
    }

    /** The live tasks to hit; {@code oneByDefault}: with neither an explicit task nor a percentage, one random task. */
    static List<SimulatedTask> tasks(FaultContext ctx, Predicate<SimulatedTask> filter, boolean oneByDefault) {
        FaultSpec spec = ctx.spec();
        RegionEngine state = ctx.region();
        if (spec.task() != null) {
            SimulatedTask task = state.tasks().find(spec.task());
            return task == null || task.isStoppingOrStopped() ? List.of() : List.of(task);
        }
        List<SimulatedTask> matching = new ArrayList<>();
        for (SimulatedTask t : state.tasks().all()) {
            if (!t.isStoppingOrStopped() && matches(spec, t) && filter.test(t)) {
                matching.add(t);
            }
        }
        return share(state.engine().random(), matching, spec.percentage(), oneByDefault);
    }

    /** Whether a task is in the spec's cluster, service and zone (those given). */
    static boolean matches(FaultSpec spec, SimulatedTask t) {
        return (spec.cluster() == null || t.clusterName().equals(clusterName(spec.cluster())))
                && (spec.service() == null || Arns.lastSegment(spec.service()).equals(t.serviceName()))
                && (spec.availabilityZone() == null || spec.availabilityZone().equals(t.availabilityZone()));
    }

    static SimulatedContainerInstance findInstance(RegionEngine state, String cluster, String idOrArn) {
        for (SimulatedContainerInstance ci : state.containerInstances().all()) {
            if ((ci.arn().equals(idOrArn) || ci.id().equals(idOrArn) || ci.ec2InstanceId().equals(idOrArn))
                    && (cluster == null || ci.clusterName().equals(clusterName(cluster)))) {
                return ci;
            }
        }
        return null;
    }

    static String clusterName(String nameOrArn) {
        return nameOrArn == null ? null : Arns.lastSegment(nameOrArn);
    }

    private static <T> List<T> share(SeededRandom random, List<T> matching, Integer percentage, boolean oneByDefault) {
        if (matching.isEmpty()) {
            return matching;
        }
        int count = percentage == null ? (oneByDefault ? 1 : matching.size())
                : (int) Math.ceil(matching.size() * percentage / 100.0);
        if (count >= matching.size()) {
            return matching;
        }
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < matching.size(); i++) {
            indexes.add(i);
        }
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            chosen.add(indexes.remove(random.nextInt(indexes.size())));
        }
        chosen.sort(null);
        List<T> result = new ArrayList<>(count);
        for (int i : chosen) {
            result.add(matching.get(i));
        }
        return result;
    }
}
