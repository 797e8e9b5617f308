package dev.fakeecs.internal.managedinstances;

import dev.fakeecs.internal.containerinstance.InstanceType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which instances to launch for a batch of waiting tasks (one architecture, one zone): the cheapest matching
 * type that holds the whole batch (CPU, memory, and one ENI per awsvpc task besides the primary one); when no
 * type holds it all, the largest matching type (memory, then CPU; ties the cheaper) is filled first-fit
 * decreasing by memory, and the rest planned again. Tasks no matching type can hold are left out
 * ({@link Plan#unplaceable}).
 *
 * <pre>{@code
 * InstancePlanner.Plan plan = InstancePlanner.plan(needs, InstanceRequirementsMatcher.matching(req, "x86_64"));
 * plan.launches().get(0).type();   // e.g. c5.large
 * }</pre>
 */
final class InstancePlanner {

    /** One instance to launch and the tasks it is meant for. */
    record Launch(InstanceType type, List<TaskNeed> tasks) {
    }

    /** The launches, and the tasks no candidate type can hold. */
    record Plan(List<Launch> launches, List<TaskNeed> unplaceable) {
    }

    static Plan plan(List<TaskNeed> batch, List<InstanceType> cheapestFirst) {
        return plan(batch, cheapestFirst, 0, 0);
    }

    /**
     * Same, keeping {@code reservedCpu} CPU units and {@code reservedMemory} MiB free on every instance (the
     * provider's daemon tasks, which start there first).
     */
    static Plan plan(List<TaskNeed> batch, List<InstanceType> cheapestFirst, int reservedCpu, int reservedMemory) {
        InstancePlanner planner = new InstancePlanner(reservedCpu, reservedMemory);
        return planner.run(batch, cheapestFirst);
    }

    private final int reservedCpu;
    private final int reservedMemory;

    private InstancePlanner(int reservedCpu, int reservedMemory) {
        this.reservedCpu = reservedCpu;
        this.reservedMemory = reservedMemory;
    }

    private Plan run(List<TaskNeed> batch, List<InstanceType> cheapestFirst) {
        List<Launch> launches = new ArrayList<>();
        List<TaskNeed> unplaceable = new ArrayList<>();
        List<TaskNeed> rest = new ArrayList<>();
        for (TaskNeed need : batch) {
            if (cheapestFirst.stream().anyMatch(t -> fits(t, List.of(need)))) {
                rest.add(need);
            } else {
                unplaceable.add(need);
            }
        }
        rest.sort(Comparator.comparingInt(TaskNeed::memory).thenComparingInt(TaskNeed::cpu).reversed());
        InstanceType largest = cheapestFirst.stream()
                .max(Comparator.comparingInt(InstanceType::memoryMiB).thenComparingInt(InstanceType::cpuUnits))
                .orElse(null);
        while (!rest.isEmpty()) {
            InstanceType whole = null;
            for (InstanceType t : cheapestFirst) {
                if (fits(t, rest)) {
                    whole = t;
                    break;
                }
            }
            if (whole != null) {
                launches.add(new Launch(whole, List.copyOf(rest)));
                break;
            }
            List<TaskNeed> packed = new ArrayList<>();
            for (TaskNeed need : new ArrayList<>(rest)) {
                List<TaskNeed> trial = new ArrayList<>(packed);
                trial.add(need);
                if (fits(largest, trial)) {
                    packed.add(need);
                    rest.remove(need);
                }
            }
            if (packed.isEmpty()) {
                // cannot happen: each remaining task fits some type, the largest at least by memory and CPU
                unplaceable.addAll(rest);
                break;
            }
            // the cheapest type that holds what the largest one holds
            InstanceType chosen = largest;
            for (InstanceType t : cheapestFirst) {
                if (fits(t, packed)) {
                    chosen = t;
                    break;
                }
            }
            launches.add(new Launch(chosen, List.copyOf(packed)));
        }
        return new Plan(launches, unplaceable);
    }

    private boolean fits(InstanceType type, List<TaskNeed> tasks) {
        int cpu = reservedCpu;
        int memory = reservedMemory;
        int enis = 0;
        for (TaskNeed t : tasks) {
            cpu += t.cpu();
            memory += t.memory();
            enis += t.eni() ? 1 : 0;
        }
        return cpu <= type.cpuUnits() && memory <= type.memoryMiB() && enis <= Math.max(0, type.maxEnis() - 1);
    }
}
