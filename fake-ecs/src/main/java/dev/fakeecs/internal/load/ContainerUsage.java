package dev.fakeecs.internal.load;

import dev.fakeecs.autoscaling.ScalingMetric;
import dev.fakeecs.internal.task.SimulatedContainer;
import dev.fakeecs.internal.task.SimulatedTask;
import dev.fakeecs.internal.taskdefinition.TaskResources;

import java.util.List;

/**
 * Service utilisation from what the images say their containers use, for services with no
 * {@link ServiceLoad}: CPU is the average over RUNNING tasks of their containers' declared
 * {@code cpuPercent}; memory is the containers' {@code memoryMiB} as a percent of the task's
 * memory. Request count has no source here (no data).
 *
 * <pre>{@code
 * ecs.declareImage("acme/worker:1", ImageBehavior.DEFAULT.withCpuPercent(85));
 * ContainerUsage.metric(ScalingMetric.ECS_SERVICE_AVERAGE_CPU_UTILIZATION, runningTasks);   // 85.0
 * }</pre>
 */
final class ContainerUsage {

    private ContainerUsage() {
    }

    /** The metric over the given tasks' RUNNING ones, or NaN with no data. */
    static double metric(ScalingMetric metric, List<SimulatedTask> tasks) {
        double sum = 0;
        int n = 0;
        for (SimulatedTask t : tasks) {
            if (!t.isRunning()) {
                continue;
            }
            double value = switch (metric) {
                case ECS_SERVICE_AVERAGE_CPU_UTILIZATION -> cpu(t);
                case ECS_SERVICE_AVERAGE_MEMORY_UTILIZATION -> memory(t);
                case ALB_REQUEST_COUNT_PER_TARGET -> Double.NaN;
            };
            if (Double.isNaN(value)) {
                return Double.NaN;
            }
            sum += value;
            n++;
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static double cpu(SimulatedTask task) {
        double total = 0;
        int n = 0;
        for (SimulatedContainer c : task.containers()) {
            if (!c.isStopped()) {
                total += c.behavior().cpuPercent();
                n++;
            }
        }
        return n == 0 ? 0 : total / n;
    }

    private static double memory(SimulatedTask task) {
        int memory = TaskResources.memoryMiB(task.taskDefinition());
        if (memory <= 0) {
            return Double.NaN;
        }
        double used = 0;
        for (SimulatedContainer c : task.containers()) {
            if (!c.isStopped()) {
                used += c.behavior().memoryMiB();
            }
        }
        return used / memory * 100.0;
    }
}
