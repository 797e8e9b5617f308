package dev.fakeecs.internal.elbv2;

import dev.fakeecs.internal.engine.EngineContext;
import dev.fakeecs.internal.neighbour.RegionalService;
import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.internal.targets.ApplicationAnswer;
import dev.fakeecs.internal.targets.Target;
import dev.fakeecs.internal.targets.TargetApplications;
import dev.fakeecs.quota.Quotas;
import dev.fakeecs.timing.TimingModel;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A one-region world whose load balancer reaches test applications: {@link Apps} says what answers at each
 * target (status per target, 0 = nothing answers) and which instances run where.
 */
final class ElbWorld {

    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    /** What answers where, as the test sets it. */
    static final class Apps implements TargetApplications {
        final Map<Target, Integer> status = new HashMap<>();
        final Map<String, String> zoneOfIp = new HashMap<>();
        final Map<String, String> instances = new HashMap<>();
        int defaultStatus = 200;

        @Override
        public ApplicationAnswer answer(Target target) {
            String zone = instances.containsKey(target.id()) ? instances.get(target.id()) : zoneOfIp.get(target.id());
            return new ApplicationAnswer(status.getOrDefault(target, defaultStatus), zone);
        }

        @Override
        public String instanceZone(String instanceId) {
            return instances.get(instanceId);
        }
    }

    final Apps apps = new Apps();
    /** Requests per second the services offer to each target group (ARN), as the test sets it. */
    final Map<String, Double> offered = new HashMap<>();
    final EngineContext engine;
    final RegionEngine region;
    final LoadBalancing elb;

    ElbWorld() {
        this(7);
    }

    ElbWorld(long seed) {
        engine = new EngineContext(seed, "123456789012", START, Quotas.seedDefaults(), TimingModel.defaults());
        RegionalService<LoadBalancing> service = (ctx, ecs) -> new LoadBalancing(ctx, ecs, () -> apps,
                (tg, from, period) -> offered.getOrDefault(tg, 0.0) * period.toSeconds());
        region = new RegionEngine(engine, "us-east-1", List.of("us-east-1a", "us-east-1b", "us-east-1c"),
                List.of(service));
        elb = region.service(service);
    }

    void advance(long seconds) {
        engine.clock().advance(Duration.ofSeconds(seconds));
    }

    /** Advances to {@code START + seconds}. */
    void at(long seconds) {
        engine.clock().advanceTo(START.plusSeconds(seconds));
    }

    String alb(String name) {
        return elb.createLoadBalancer(r -> r.name(name).subnets("subnet-us-east-1a", "subnet-us-east-1b"))
                .loadBalancers().get(0).loadBalancerArn();
    }

    String ipGroup(String name) {
        return elb.createTargetGroup(r -> r.name(name).protocol("HTTP").port(80).vpcId("vpc-1").targetType("ip"))
                .targetGroups().get(0).targetGroupArn();
    }

    String listener(String lb, int port, String tg) {
        return elb.createListener(r -> r.loadBalancerArn(lb).protocol("HTTP").port(port)
                .defaultActions(a -> a.type("forward").targetGroupArn(tg))).listeners().get(0).listenerArn();
    }

    /** An ALB with an HTTP:80 listener forwarding to a new ip target group; returns the target group ARN. */
    String servedGroup(String name) {
        String lb = alb(name + "-lb");
        String tg = ipGroup(name);
        listener(lb, 80, tg);
        return tg;
    }

    void register(String tg, String ip, int port) {
        elb.registerTargets(r -> r.targetGroupArn(tg).targets(t -> t.id(ip).port(port)));
    }

    TargetHealthDescription health(String tg, String ip, int port) {
        return elb.describeTargetHealth(r -> r.targetGroupArn(tg).targets(t -> t.id(ip).port(port)))
                .targetHealthDescriptions().get(0);
    }

    String state(String tg, String ip, int port) {
        var h = health(tg, ip, port).targetHealth();
        return h.stateAsString() + (h.reasonAsString() == null ? "" : "/" + h.reasonAsString());
    }
}
