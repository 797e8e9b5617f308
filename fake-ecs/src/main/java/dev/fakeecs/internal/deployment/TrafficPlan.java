package dev.fakeecs.internal.deployment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The production traffic steps of a blue/green-family deployment, as percentages of traffic on the green
 * revision after each step, with the bake after each: BLUE_GREEN one step to 100 %; LINEAR {@code stepPercent}
 * more per step, the last clamped to 100 (ceil(100 / stepPercent) steps), {@code stepBakeTimeInMinutes} after
 * every step but the last; CANARY {@code canaryPercent}, {@code canaryBakeTimeInMinutes}, then 100 %. Percentages
 * are kept to 0.1. Also the listener weights ECS writes for a percentage ({@link #weights}).
 *
 * <pre>{@code
 * TrafficPlan.linear(25.0, 5).percents();   // [25.0, 50.0, 75.0, 100.0]
 * TrafficPlan.canary(5.0, 10).percents();   // [5.0, 100.0]
 * TrafficPlan.weights(2.5);                 // [975, 25]  (blue, green)
 * }</pre>
 */
public final class TrafficPlan {

    private final List<Double> percents;
    private final List<Integer> bakeMinutes;

    private TrafficPlan(List<Double> percents, List<Integer> bakeMinutes) {
        this.percents = Collections.unmodifiableList(percents);
        this.bakeMinutes = Collections.unmodifiableList(bakeMinutes);
    }

    public static TrafficPlan blueGreen() {
        return new TrafficPlan(new ArrayList<>(List.of(100.0)), new ArrayList<>(List.of(0)));
    }

    public static TrafficPlan linear(double stepPercent, int stepBakeMinutes) {
        List<Double> p = new ArrayList<>();
        List<Integer> b = new ArrayList<>();
        long tenths = Math.round(stepPercent * 10);
        for (long at = tenths; ; at += tenths) {
            if (at >= 1000) {
                p.add(100.0);
                b.add(0);
                break;
            }
            p.add(at / 10.0);
            b.add(stepBakeMinutes);
        }
        return new TrafficPlan(p, b);
    }

    public static TrafficPlan canary(double canaryPercent, int canaryBakeMinutes) {
        double c = Math.round(canaryPercent * 10) / 10.0;
        if (c >= 100.0) {
            return blueGreen();
        }
        return new TrafficPlan(new ArrayList<>(List.of(c, 100.0)), new ArrayList<>(List.of(canaryBakeMinutes, 0)));
    }

    /** Percent of production traffic on green after each step; the last is 100. */
    public List<Double> percents() {
        return percents;
    }

    /** Minutes of bake after each step (0 after the last). */
    public List<Integer> bakeMinutes() {
        return bakeMinutes;
    }

    public int steps() {
        return percents.size();
    }

    /**
     * The forward weights ECS writes for green at {@code percent}: {blue, green}. Whole percentages as percent
     * (0 % -> [100, 0], 30 % -> [70, 30], 100 % -> [0, 100]: green=100/blue=0 is what a real production rule shows
     * after a deployment); fractional ones in tenths ({@code green = round(p x 10)}, {@code blue = 1000 - green},
     * within ELB's 0-999).
     */
    public static int[] weights(double percent) {
        long tenths = Math.round(percent * 10);
        if (tenths <= 0) {
            return new int[] {100, 0};
        }
        if (tenths >= 1000) {
            return new int[] {0, 100};
        }
        if (tenths % 10 == 0) {
            int green = (int) (tenths / 10);
            return new int[] {100 - green, green};
        }
        return new int[] {1000 - (int) tenths, (int) tenths};
    }
}
