package dev.fakeecs.benchmarks;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.internal.elbv2.LoadBalancing;
import dev.fakeecs.internal.region.RegionEngine;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Wall time and retained heap of a world of 500 Fargate services behind 50 application load balancers, through
 * a rolling deployment of all of them. Each load balancer has one HTTP listener whose default action forwards to
 * its first target group and nine path rules ({@code /svc-N/*}) forwarding to the other nine: 50 load balancers,
 * 500 {@code ip} target groups (one per service, AWS's default health checks: 30 s interval, 5 s timeout, one
 * passing check for a new target; deregistration delay 300 s), 450 rules. Each service runs {@code TASKS} tasks
 * (default 2: 1,000 targets). Phase 1 creates everything and runs the world until every deployment is COMPLETED
 * with every target healthy; phase 2 updates all 500 services to a new revision and moves the clock 30 s at a
 * time until every new deployment is COMPLETED, then 10 more minutes so the old targets finish draining. The
 * retained heap is measured after a GC once phase 2 is done.
 * Run: {@code java -cp benchmarks/target/benchmarks.jar dev.fakeecs.benchmarks.LoadBalancedRollingDeployment [TASKS]}.
 */
public final class LoadBalancedRollingDeployment {

    static final int LOAD_BALANCERS = 50;
    static final int GROUPS_PER_LOAD_BALANCER = 10;
    private static final String[] SUBNETS = {"subnet-us-east-1a", "subnet-us-east-1b"};

    private LoadBalancedRollingDeployment() {
    }

    public static void main(String[] args) throws Exception {
        int tasksEach = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        long before = Measure.usedAfterGc();
        long start = System.nanoTime(); // wall time of the benchmark itself, outside the engine
        FakeEcs ecs = FakeEcs.builder().seed(500).build();
        List<String> services = build(ecs, tasksEach);
        Duration settled = runUntilCompleted(ecs, services);
        long phase1 = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("phase 1: %d services, %d target groups, %d targets healthy after %s virtual, wall=%d ms%n",
                services.size(), services.size(), healthyTargets(ecs), settled, phase1);

        String revision2 = registerRevision(ecs, "acme/web:2");
        long deployStart = System.nanoTime();
        for (String service : services) {
            ecs.api().updateService(r -> r.cluster("prod").service(service).taskDefinition(revision2));
        }
        Duration rolled = runUntilCompleted(ecs, services);
        long phase2 = (System.nanoTime() - deployStart) / 1_000_000;
        ecs.clock().advance(Duration.ofMinutes(10));
        long drained = (System.nanoTime() - deployStart) / 1_000_000;
        long after = Measure.usedAfterGc();
        System.out.printf("phase 2: rolling deployment of %d services COMPLETED after %s virtual, wall=%d ms "
                        + "(%d ms with 10 more virtual minutes of draining); %d targets healthy%n",
                services.size(), rolled, phase2, drained, healthyTargets(ecs));
        System.out.printf("total wall=%d ms retainedHeap=%.1f MiB journalEntries=%d%n",
                (System.nanoTime() - start) / 1_000_000, (after - before) / 1048576.0, ecs.journal().size());
        ecs.close();
    }

    static LoadBalancing elb(FakeEcs ecs) {
        return RegionEngine.of(ecs.defaultRegion()).service(LoadBalancing.SERVICE);
    }

    /** The load balancers, target groups, rules, task definition and services; returns the service names. */
    static List<String> build(FakeEcs ecs, int tasksEach) {
        LoadBalancing elb = elb(ecs);
        ecs.api().createCluster(r -> r.clusterName("prod").capacityProviders("FARGATE"));
        String revision1 = registerRevision(ecs, "acme/web:1");
        List<String> services = new ArrayList<>();
        for (int lb = 0; lb < LOAD_BALANCERS; lb++) {
            String lbName = "alb-" + lb;
            String lbArn = elb.createLoadBalancer(r -> r.name(lbName).subnets(SUBNETS)).loadBalancers().get(0)
                    .loadBalancerArn();
            List<String> groups = new ArrayList<>();
            for (int g = 0; g < GROUPS_PER_LOAD_BALANCER; g++) {
                String name = "svc-" + (lb * GROUPS_PER_LOAD_BALANCER + g);
                groups.add(elb.createTargetGroup(r -> r.name(name).protocol("HTTP").port(8080).vpcId("vpc-1")
                        .targetType("ip")).targetGroups().get(0).targetGroupArn());
            }
            String listener = elb.createListener(r -> r.loadBalancerArn(lbArn).protocol("HTTP").port(80)
                    .defaultActions(a -> a.type("forward").targetGroupArn(groups.get(0)))).listeners().get(0).listenerArn();
            for (int g = 1; g < GROUPS_PER_LOAD_BALANCER; g++) {
                String tg = groups.get(g);
                String path = "/svc-" + (lb * GROUPS_PER_LOAD_BALANCER + g) + "/*";
                int priority = g;
                elb.createRule(r -> r.listenerArn(listener).priority(priority)
                        .conditions(c -> c.field("path-pattern").values(path))
                        .actions(a -> a.type("forward").targetGroupArn(tg)));
            }
            for (int g = 0; g < GROUPS_PER_LOAD_BALANCER; g++) {
                String name = "svc-" + (lb * GROUPS_PER_LOAD_BALANCER + g);
                String tg = groups.get(g);
                ecs.api().createService(r -> r.cluster("prod").serviceName(name).taskDefinition(revision1)
                        .desiredCount(tasksEach).launchType(LaunchType.FARGATE)
                        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(SUBNETS)))
                        .loadBalancers(l -> l.targetGroupArn(tg).containerName("web").containerPort(8080)));
                services.add(name);
            }
        }
        return services;
    }

    static String registerRevision(FakeEcs ecs, String image) {
        return ecs.api().registerTaskDefinition(r -> r.family("web").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("web").image(image).portMappings(p -> p.containerPort(8080))))
                .taskDefinition().taskDefinitionArn();
    }

    /** Moves the clock 30 s at a time until every service has one deployment, COMPLETED; returns the virtual time taken. */
    static Duration runUntilCompleted(FakeEcs ecs, List<String> services) {
        Duration elapsed = Duration.ZERO;
        while (elapsed.compareTo(Duration.ofHours(2)) < 0) {
            ecs.clock().advance(Duration.ofSeconds(30));
            elapsed = elapsed.plusSeconds(30);
            if (allCompleted(ecs, services)) {
                return elapsed;
            }
        }
        throw new IllegalStateException("not every deployment completed within 2 virtual hours: " + firstIncomplete(ecs, services));
    }

    private static String firstIncomplete(FakeEcs ecs, List<String> services) {
        int incomplete = 0;
        String first = null;
        for (String name : services) {
            Service s = ecs.api().describeServices(r -> r.cluster("prod").services(name)).services().get(0);
            Deployment d = s.deployments().get(0);
            if (s.deployments().size() != 1 || !"COMPLETED".equals(d.rolloutStateAsString()) || d.runningCount() != d.desiredCount()) {
                incomplete++;
                if (first == null) {
                    String tg = s.loadBalancers().get(0).targetGroupArn();
                    var tasks = ecs.api().describeTasks(r -> r.cluster("prod").tasks(ecs.api().listTasks(l -> l.cluster("prod")
                            .serviceName(name)).taskArns())).tasks();
                    first = name + " " + s.deployments().stream().map(x -> x.taskDefinition() + " " + x.rolloutStateAsString()
                            + " running=" + x.runningCount()).toList()
                            + " health=" + elb(ecs).describeTargetHealth(r -> r.targetGroupArn(tg)).targetHealthDescriptions()
                            .stream().map(h -> h.target().id() + ":" + h.targetHealth().stateAsString() + "/" + h.targetHealth().reasonAsString()).toList()
                            + " tasks=" + tasks.stream().map(t -> t.taskDefinitionArn().substring(t.taskDefinitionArn().length() - 5) + " "
                            + t.lastStatus() + " " + t.healthStatusAsString() + " " + t.availabilityZone() + " "
                            + t.attachments().get(0).details().stream().filter(a -> a.name().equals("privateIPv4Address")).findFirst().get().value()).toList();
                }
            }
        }
        return incomplete + " incomplete, first: " + first;
    }

    private static boolean allCompleted(FakeEcs ecs, List<String> services) {
        for (int i = 0; i < services.size(); i += 10) {
            List<String> batch = services.subList(i, Math.min(services.size(), i + 10));
            for (Service s : ecs.api().describeServices(r -> r.cluster("prod").services(batch)).services()) {
                if (s.deployments().size() != 1) {
                    return false;
                }
                Deployment d = s.deployments().get(0);
                if (!"COMPLETED".equals(d.rolloutStateAsString()) || d.runningCount() != d.desiredCount()) {
                    return false;
                }
            }
        }
        return true;
    }

    static long healthyTargets(FakeEcs ecs) {
        LoadBalancing elb = elb(ecs);
        long healthy = 0;
        String marker = null;
        do {
            String page = marker;
            var groups = elb.describeTargetGroups(r -> r.pageSize(400).marker(page));
            for (var tg : groups.targetGroups()) {
                healthy += elb.describeTargetHealth(r -> r.targetGroupArn(tg.targetGroupArn())).targetHealthDescriptions()
                        .stream().filter(d -> d.targetHealth().stateAsString().equals("healthy")).count();
            }
            marker = groups.nextMarker();
        } while (marker != null);
        return healthy;
    }
}
