package dev.fakeecs.internal.elbv2;

import dev.fakeecs.internal.clock.QueuedEvent;
import dev.fakeecs.internal.targets.ApplicationAnswer;
import dev.fakeecs.internal.targets.OfferedLoad;
import dev.fakeecs.internal.targets.TargetApplications;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures CloudWatch publishes for application load balancers ({@code AWS/ApplicationELB}), kept per
 * virtual minute for each load balancer and each (load balancer, target group): RequestCount,
 * HTTPCode_Target_5XX_Count, HTTPCode_ELB_5XX_Count, HealthyHostCount, UnHealthyHostCount, TargetResponseTime.
 *
 * <p>Traffic model (kept simple on purpose): what reaches a load balancer is the load ECS's services offer
 * ({@link OfferedLoad}). Rules' conditions are not evaluated; a listener's requests all take one forward action,
 * its <em>routed forward</em> ({@link ListenerRecord#routedForward}): that of its forward rule with the lowest
 * priority number when it has non-default rules that forward, else its default action's. Each minute, a listener
 * whose routed action forwards gets the requests offered during that minute to the target groups that action
 * forwards to (the services' load models sampled every second), rounded to a whole number. Each target group's
 * load is counted once per load balancer: on the first listener whose routed forward gives it a non-zero weight,
 * else on the first whose routed forward names it (so a test listener sending 100 % to the green group does not
 * carry the blue group's production load). A test may instead set a load balancer's request rate
 * ({@link #requestRate}), which wins: every minute {@code rate × 60} requests go through each listener's routed
 * action. Either way the requests of a listener are split over the routed forward's target groups by weight
 * (largest remainder), then evenly over the group's healthy targets, or over all its in-use targets when none is
 * healthy (fail open). Each target answers what {@link TargetApplications#answer} says: 5XX counts as
 * HTTPCode_Target_5XX_Count, no answer as HTTPCode_ELB_5XX_Count (502); a group with no target at all, or a
 * forward whose weights are all 0, gives ELB 503s. A target in slow start gets a linearly growing share
 * (see {@code slowStartShares}). TargetResponseTime is a constant 0.005 s per answered
 * request (the fake has no latency model). Host counts are sampled each minute for every target group a
 * listener forwards to. The minute ticker starts with the region's first load balancer, so worlds without one
 * queue nothing.
 *
 * <pre>{@code
 * elb.metrics().requestRate(lbArn, 10.0);               // 600 requests a minute
 * clock.advance(Duration.ofMinutes(5));
 * List<LoadBalancerMetrics.Minute> m = elb.metrics().minutes(lbArn, tgArn);
 * }</pre>
 */
public final class LoadBalancerMetrics {

    /** The constant TargetResponseTime of an answered request, in seconds. */
    public static final double RESPONSE_TIME_SECONDS = 0.005;
    /** How many minutes each series keeps (one day). */
    public static final int RETAINED_MINUTES = 1440;

    /**
     * One minute's figures of a load balancer ({@code targetGroupArn} null) or of one of its target groups.
     *
     * @param minute             the start of the minute
     * @param targetResponseTime average seconds, or null when no request was answered
     */
    public record Minute(Instant minute, String loadBalancerArn, String targetGroupArn, long requestCount,
                         long target5xxCount, long elb5xxCount, int healthyHostCount, int unhealthyHostCount,
                         Double targetResponseTime) {

        /**
         * The same minute of the same target group behind two load balancers, added up (host counts are the
         * group's, so the larger is kept; the load balancer is dropped).
         */
        public Minute plus(Minute other) {
            return new Minute(minute, null, targetGroupArn, requestCount + other.requestCount,
                    target5xxCount + other.target5xxCount, elb5xxCount + other.elb5xxCount,
                    Math.max(healthyHostCount, other.healthyHostCount),
                    Math.max(unhealthyHostCount, other.unhealthyHostCount),
                    targetResponseTime != null ? targetResponseTime : other.targetResponseTime);
        }
    }

    private final ElbResources resources;
    private final TargetHealthChecker health;
    private final OfferedLoad offeredLoad;
    private final Map<String, Deque<Minute>> series = new LinkedHashMap<>();
    private QueuedEvent ticker;

    LoadBalancerMetrics(ElbResources resources, TargetHealthChecker health, OfferedLoad offeredLoad) {
        this.resources = resources;
        this.health = health;
        this.offeredLoad = offeredLoad == null ? OfferedLoad.NONE : offeredLoad;
    }

    /**
     * Sets how many requests per second reach each listener of the load balancer, instead of the load the
     * services offer (0 stops traffic); starts the minute ticker.
     */
    public void requestRate(String loadBalancerArn, double perSecond) {
        resources.region().read(() -> {
            resources.loadBalancer(loadBalancerArn).requestRate = Math.max(0, perSecond);
            start();
            return null;
        });
    }

    /** Lets the load balancer's traffic follow the load the services offer again (undoes {@link #requestRate}). */
    public void followOfferedLoad(String loadBalancerArn) {
        resources.region().read(() -> {
            resources.loadBalancer(loadBalancerArn).requestRate = null;
            return null;
        });
    }

    /** The minutes recorded for a load balancer ({@code targetGroupArn} null) or one of its target groups, oldest first. */
    public List<Minute> minutes(String loadBalancerArn, String targetGroupArn) {
        return resources.region().read(() -> List.copyOf(series.getOrDefault(key(loadBalancerArn, targetGroupArn),
                new ArrayDeque<>())));
    }

    /** The newest minute recorded for a load balancer ({@code targetGroupArn} null) or one of its target groups, or null. */
    public Minute latest(String loadBalancerArn, String targetGroupArn) {
        return resources.region().read(() -> {
            Deque<Minute> minutes = series.get(key(loadBalancerArn, targetGroupArn));
            return minutes == null || minutes.isEmpty() ? null : minutes.peekLast();
        });
    }

    /** Starts sampling every virtual minute (idempotent). */
    void start() {
        if (ticker == null) {
            ticker = resources.region().engine().clock().schedulePeriodic(Duration.ofMinutes(1), Duration.ofMinutes(1),
                    "elbv2 metrics " + resources.region().name(), this::tick);
        }
    }

    private static String key(String lb, String tg) {
        return lb + "|" + (tg == null ? "" : tg);
    }

    private void tick() {
        Instant minute = resources.region().now().minus(Duration.ofMinutes(1));
        TargetApplications apps = health.applications();
        for (LoadBalancerRecord lb : resources.loadBalancers.values()) {
            long lbRequests = 0;
            long lbTarget5xx = 0;
            long lbElb5xx = 0;
            long answered = 0;
            Map<String, long[]> perGroup = new LinkedHashMap<>();
            boolean explicit = lb.requestRate != null;
            long fixed = explicit ? Math.round(lb.requestRate * 60) : 0;
            List<ListenerRecord> listeners = resources.listenersOf(lb.arn);
            Map<String, ListenerRecord> carriers = carriers(listeners);
            for (ListenerRecord l : listeners) {
                for (String tg : ElbResources.forwardedTargetGroups(l.defaultActions)) {
                    perGroup.putIfAbsent(tg, new long[4]);
                }
                for (RuleRecord rule : l.rules) {
                    for (String tg : ElbResources.forwardedTargetGroups(rule.actions)) {
                        perGroup.putIfAbsent(tg, new long[4]);
                    }
                }
                Action forward = l.routedForward();
                long perMinute = explicit ? fixed : offered(l, forward, minute, carriers);
                if (perMinute == 0) {
                    continue;
                }
                if (forward == null) {
                    lbRequests += perMinute;
                    continue;
                }
                List<TargetGroupTuple> tuples = forward.forwardConfig().targetGroups();
                long[] shares = split(perMinute, tuples);
                if (shares == null) {
                    lbElb5xx += perMinute;
                    continue;
                }
                for (int i = 0; i < tuples.size(); i++) {
                    long[] g = perGroup.get(tuples.get(i).targetGroupArn());
                    serve(resources.targetGroups.get(tuples.get(i).targetGroupArn()), shares[i], g, apps);
                }
            }
            for (Map.Entry<String, long[]> e : perGroup.entrySet()) {
                TargetGroupRecord tg = resources.targetGroups.get(e.getKey());
                long[] g = e.getValue();
                lbRequests += g[0];
                lbTarget5xx += g[1];
                lbElb5xx += g[2];
                answered += g[3];
                int[] hosts = hosts(tg);
                record(new Minute(minute, lb.arn, tg.arn, g[0], g[1], g[2], hosts[0], hosts[1],
                        g[3] == 0 ? null : RESPONSE_TIME_SECONDS));
            }
            record(new Minute(minute, lb.arn, null, lbRequests, lbTarget5xx, lbElb5xx, 0, 0,
                    answered == 0 ? null : RESPONSE_TIME_SECONDS));
        }
    }

    /**
     * Which listener carries each target group's offered load (once per load balancer): the first listener (in
     * creation order) whose routed forward gives the group a non-zero weight, else the first whose routed forward
     * names it at all. So a test listener forwarding 100 % to a group no service names does not take the
     * production group's load, whatever the listeners' order.
     */
    private static Map<String, ListenerRecord> carriers(List<ListenerRecord> listeners) {
        Map<String, ListenerRecord> carriers = new HashMap<>();
        for (boolean weighted : new boolean[]{true, false}) {
            for (ListenerRecord l : listeners) {
                ForwardWeights.weights(l.routedForward()).forEach((tg, weight) -> {
                    if (!weighted || weight > 0) {
                        carriers.putIfAbsent(tg, l);
                    }
                });
            }
        }
        return carriers;
    }

    /**
     * The requests offered during the minute to the target groups the listener's routed forward action sends to
     * and whose load it carries ({@link #carriers}); 0 without a forward action.
     */
    private long offered(ListenerRecord l, Action forward, Instant minute, Map<String, ListenerRecord> carriers) {
        if (forward == null) {
            return 0;
        }
        double requests = 0;
        for (String tg : ForwardWeights.weights(forward).keySet()) {
            if (carriers.get(tg) == l) {
                requests += offeredLoad.requests(tg, minute, Duration.ofMinutes(1));
            }
        }
        return Math.round(requests);
    }

    /** Requests per target group by weight (largest remainder, ties to the first); null when all weights are 0. */
    private static long[] split(long requests, List<TargetGroupTuple> tuples) {
        long total = 0;
        for (TargetGroupTuple t : tuples) {
            total += t.weight() == null ? 1 : t.weight();
        }
        if (total == 0) {
            return null;
        }
        long[] shares = new long[tuples.size()];
        long given = 0;
        double[] remainders = new double[tuples.size()];
        for (int i = 0; i < tuples.size(); i++) {
            double exact = (double) requests * (tuples.get(i).weight() == null ? 1 : tuples.get(i).weight()) / total;
            shares[i] = (long) Math.floor(exact);
            remainders[i] = exact - shares[i];
            given += shares[i];
        }
        while (given < requests) {
            int best = 0;
            for (int i = 1; i < remainders.length; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            shares[best]++;
            remainders[best] = -1;
            given++;
        }
        return shares;
    }

    /** Sends {@code requests} to the group's targets; g = {requests, target 5XX, ELB 5XX, answered}. */
    private void serve(TargetGroupRecord tg, long requests, long[] g, TargetApplications apps) {
        if (tg == null || requests == 0) {
            return;
        }
        List<RegisteredTarget> healthy = new ArrayList<>();
        List<RegisteredTarget> inUse = new ArrayList<>();
        for (RegisteredTarget t : tg.targets.values()) {
            String state = health.reported(tg, t).state();
            if ("healthy".equals(state)) {
                healthy.add(t);
            }
            if ("healthy".equals(state) || "unhealthy".equals(state) || "initial".equals(state)) {
                inUse.add(t);
            }
        }
        List<RegisteredTarget> chosen = healthy.isEmpty() ? inUse : healthy;
        if (chosen.isEmpty()) {
            g[2] += requests;
            return;
        }
        g[0] += requests;
        long[] shares = slowStartShares(tg, chosen, requests);
        for (int i = 0; i < chosen.size(); i++) {
            long share = shares[i];
            ApplicationAnswer answer = apps.answer(chosen.get(i).target);
            if (!answer.answered()) {
                g[2] += share;
            } else {
                g[3] += share;
                if (answer.trafficStatus() >= 500) {
                    g[1] += share;
                }
            }
        }
    }

    /**
     * Requests per chosen target: even, except that a target in slow start (healthy for less than
     * {@code slow_start.duration_seconds}, while another healthy target is past it) gets the elapsed share of
     * the slow start, linearly (at least 1 %).
     */
    private long[] slowStartShares(TargetGroupRecord tg, List<RegisteredTarget> chosen, long requests) {
        int slowStart = tg.slowStart();
        Instant now = resources.region().now();
        double[] weights = new double[chosen.size()];
        boolean anyWarm = false;
        for (int i = 0; i < chosen.size(); i++) {
            RegisteredTarget t = chosen.get(i);
            weights[i] = 1;
            if (slowStart > 0 && t.healthySince != null) {
                double elapsed = Duration.between(t.healthySince, now).toMillis() / 1000.0;
                if (elapsed < slowStart) {
                    weights[i] = Math.max(0.01, elapsed / slowStart);
                } else {
                    anyWarm = true;
                }
            }
        }
        if (!anyWarm) {
            java.util.Arrays.fill(weights, 1);
        }
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        long[] shares = new long[chosen.size()];
        long given = 0;
        for (int i = 0; i < shares.length; i++) {
            shares[i] = (long) Math.floor(requests * weights[i] / total);
            given += shares[i];
        }
        for (int i = 0; given < requests; i = (i + 1) % shares.length) {
            shares[i]++;
            given++;
        }
        return shares;
    }

    private int[] hosts(TargetGroupRecord tg) {
        int healthy = 0;
        int unhealthy = 0;
        for (RegisteredTarget t : tg.targets.values()) {
            String state = health.reported(tg, t).state();
            if ("healthy".equals(state)) {
                healthy++;
            } else if ("unhealthy".equals(state)) {
                unhealthy++;
            }
        }
        return new int[]{healthy, unhealthy};
    }

    private void record(Minute m) {
        Deque<Minute> s = series.computeIfAbsent(key(m.loadBalancerArn(), m.targetGroupArn()), k -> new ArrayDeque<>());
        s.addLast(m);
        while (s.size() > RETAINED_MINUTES) {
            s.removeFirst();
        }
    }
}
