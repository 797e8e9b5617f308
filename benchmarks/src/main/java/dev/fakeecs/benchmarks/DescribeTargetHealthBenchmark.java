package dev.fakeecs.benchmarks;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.internal.elbv2.LoadBalancing;
import dev.fakeecs.internal.region.RegionEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * DescribeTargetHealth of a 1,000-target group behind an ALB, in process (the SDK request object straight into
 * the load balancer's engine, under the engine lock), after two minutes of health checks.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class DescribeTargetHealthBenchmark {

    private LoadBalancing elb;
    private String targetGroup;

    @Setup(Level.Trial)
    public void setUp() {
        FakeEcs ecs = FakeEcs.create();
        elb = RegionEngine.of(ecs.defaultRegion()).service(LoadBalancing.SERVICE);
        String lb = elb.createLoadBalancer(r -> r.name("bench").subnets("subnet-a", "subnet-b")).loadBalancers()
                .get(0).loadBalancerArn();
        targetGroup = elb.createTargetGroup(r -> r.name("bench").protocol("HTTP").port(8080).vpcId("vpc-1")
                .targetType("ip")).targetGroups().get(0).targetGroupArn();
        elb.createListener(r -> r.loadBalancerArn(lb).protocol("HTTP").port(80)
                .defaultActions(a -> a.type("forward").targetGroupArn(targetGroup)));
        for (int batch = 0; batch < 10; batch++) {
            List<TargetDescription> targets = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                targets.add(TargetDescription.builder().id("10.0." + batch + "." + (i + 1)).build());
            }
            elb.registerTargets(r -> r.targetGroupArn(targetGroup).targets(targets));
        }
        ecs.clock().advance(Duration.ofMinutes(2));
    }

    @Benchmark
    public int describeThousandTargets() {
        return elb.describeTargetHealth(r -> r.targetGroupArn(targetGroup)).targetHealthDescriptions().size();
    }
}
