package dev.fakeecs.docs;

import dev.fakeecs.FakeEcs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.DeploymentStrategy;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

/**
 * Draws docs/images/deployment-STRATEGY.svg from a real run: a world with a fixed seed, a service of 4 Fargate
 * tasks behind an application load balancer with an alternate target group and production/test listener rules, one
 * UpdateService from revision 1 to 2, sampled every 10 virtual seconds through the SDK clients only: the lifecycle
 * stage and status (DescribeServiceDeployments), the production rule's forward weights (DescribeRules), the healthy
 * targets of each group (DescribeTargetHealth) and the RUNNING tasks per revision (ListTasks/DescribeTasks). The share
 * of production traffic on the new revision is the rule's weights applied to the healthy targets of each group, so it
 * is also right for ROLLING, whose rule never changes.
 *
 * <pre>{@code
 * DeploymentTimelines.Timeline t = DeploymentTimelines.run(DeploymentTimelines.Kind.CANARY);
 * String svg = DeploymentTimelines.svg(t);
 * }</pre>
 */
final class DeploymentTimelines {

    static final long SEED = 14;
    static final int SAMPLE_SECONDS = 10;
    static final int MAX_SECONDS = 45 * 60;

    /** The four strategies as the pictures configure them. */
    enum Kind {
        ROLLING("ROLLING: minimumHealthyPercent 100, maximumPercent 200",
                d -> d.strategy(DeploymentStrategy.ROLLING).minimumHealthyPercent(100).maximumPercent(200)),
        BLUE_GREEN("BLUE_GREEN: bakeTimeInMinutes 5",
                d -> d.strategy(DeploymentStrategy.BLUE_GREEN).bakeTimeInMinutes(5)),
        LINEAR("LINEAR: stepPercent 25, stepBakeTimeInMinutes 2, bakeTimeInMinutes 2",
                d -> d.strategy(DeploymentStrategy.LINEAR).bakeTimeInMinutes(2)
                        .linearConfiguration(l -> l.stepPercent(25.0).stepBakeTimeInMinutes(2))),
        CANARY("CANARY: canaryPercent 10, canaryBakeTimeInMinutes 5, bakeTimeInMinutes 5",
                d -> d.strategy(DeploymentStrategy.CANARY).bakeTimeInMinutes(5)
                        .canaryConfiguration(c -> c.canaryPercent(10.0).canaryBakeTimeInMinutes(5)));

        final String title;
        final Consumer<DeploymentConfiguration.Builder> config;

        Kind(String title, Consumer<DeploymentConfiguration.Builder> config) {
            this.title = title;
            this.config = config;
        }

        String fileName() {
            return "deployment-" + name().toLowerCase(Locale.ROOT).replace('_', '-') + ".svg";
        }
    }

    /**
     * One sample.
     *
     * @param second     virtual seconds since the UpdateService call
     * @param stage      the lifecycle stage, or the status when there is none (ROLLING) or the deployment ended
     * @param status     the service deployment's status
     * @param newPercent percent of production traffic on the new revision's healthy targets
     * @param greenWeight the production rule's weight of the new revision's target group (-1 for ROLLING)
     * @param testPercent percent of test listener traffic on the new revision (-1 for ROLLING: no test rule used)
     * @param oldTasks   RUNNING tasks of revision 1
     * @param newTasks   RUNNING tasks of revision 2
     * @param draining   tasks of either revision on their way out (desired STOPPED, not yet STOPPED: draining)
     */
    record Sample(int second, String stage, String status, double newPercent, int greenWeight, double testPercent,
                  int oldTasks, int newTasks, int draining) {
    }

    /** A run: what was configured, the samples, and the final status. */
    record Timeline(Kind kind, List<Sample> samples) {
        Sample last() {
            return samples.get(samples.size() - 1);
        }
    }

    private DeploymentTimelines() {
    }

    /** Runs one deployment of {@code kind} and samples it. */
    static Timeline run(Kind kind) {
        try (FakeEcs ecs = FakeEcs.builder().seed(SEED).build()) {
            World w = new World(ecs);
            w.createService(kind);
            ecs.clock().advance(Duration.ofMinutes(20));
            w.client.updateService(r -> r.cluster("prod").service("web").taskDefinition("web:2"));
            String arn = w.client.listServiceDeployments(r -> r.cluster("prod").service("web"))
                    .serviceDeployments().get(0).serviceDeploymentArn();
            List<Sample> samples = new ArrayList<>();
            int endedAt = -1;
            for (int s = 0; s <= MAX_SECONDS; s += SAMPLE_SECONDS) {
                if (s > 0) {
                    ecs.clock().advance(Duration.ofSeconds(SAMPLE_SECONDS));
                }
                Sample sample = w.sample(s, arn, kind);
                samples.add(sample);
                if (endedAt < 0 && TERMINAL.contains(sample.status()) && sample.oldTasks() == 0
                        && sample.draining() == 0) {
                    endedAt = s;
                }
                if (endedAt >= 0 && s >= endedAt + 60) {
                    break;
                }
            }
            return new Timeline(kind, samples);
        }
    }

    static final Set<String> TERMINAL = Set.of("SUCCESSFUL", "STOPPED", "ROLLBACK_SUCCESSFUL", "ROLLBACK_FAILED");

    /** The world of one picture: cluster, two revisions, an ALB with two target groups and two listener rules. */
    private static final class World {
        final EcsClient client;
        final ElasticLoadBalancingV2Client elb;
        final String blueTg;
        final String greenTg;
        final String productionRule;
        final String testRule;

        World(FakeEcs ecs) {
            client = ecs.newClient();
            elb = ecs.newLoadBalancingClient();
            String lb = elb.createLoadBalancer(r -> r.name("web-alb").subnets("subnet-us-east-1a", "subnet-us-east-1b"))
                    .loadBalancers().get(0).loadBalancerArn();
            blueTg = targetGroup("web-blue");
            greenTg = targetGroup("web-green");
            productionRule = rule(listener(lb, 80));
            testRule = rule(listener(lb, 8080));
            client.createCluster(r -> r.clusterName("prod"));
            for (String image : List.of("web:1", "web:2")) {
                client.registerTaskDefinition(r -> r.family("web").networkMode(NetworkMode.AWSVPC)
                        .requiresCompatibilities(Compatibility.FARGATE).cpu("256").memory("512")
                        .containerDefinitions(c -> c.name("app").image(image).essential(true)
                                .portMappings(p -> p.containerPort(8080))));
            }
        }

        private String targetGroup(String name) {
            return elb.createTargetGroup(r -> r.name(name).protocol("HTTP").port(8080).vpcId("vpc-1")
                    .targetType("ip")).targetGroups().get(0).targetGroupArn();
        }

        private String listener(String lb, int port) {
            return elb.createListener(r -> r.loadBalancerArn(lb).protocol("HTTP").port(port)
                    .defaultActions(a -> a.type("fixed-response").fixedResponseConfig(f -> f.statusCode("404"))))
                    .listeners().get(0).listenerArn();
        }

        private String rule(String listener) {
            return elb.createRule(r -> r.listenerArn(listener).priority(1)
                    .conditions(c -> c.field("path-pattern").values("/*"))
                    .actions(a -> a.type("forward").forwardConfig(f -> f.targetGroups(
                            TargetGroupTuple.builder().targetGroupArn(blueTg).weight(100).build(),
                            TargetGroupTuple.builder().targetGroupArn(greenTg).weight(0).build()))))
                    .rules().get(0).ruleArn();
        }

        void createService(Kind kind) {
            client.createService(r -> r.cluster("prod").serviceName("web").taskDefinition("web:1").desiredCount(4)
                    .launchType(LaunchType.FARGATE)
                    .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-us-east-1a",
                            "subnet-us-east-1b")))
                    .loadBalancers(l -> {
                        l.targetGroupArn(blueTg).containerName("app").containerPort(8080);
                        if (kind != Kind.ROLLING) {
                            l.advancedConfiguration(a -> a.alternateTargetGroupArn(greenTg)
                                    .productionListenerRule(productionRule).testListenerRule(testRule)
                                    .roleArn("arn:aws:iam::123456789012:role/ecsInfrastructureRole"));
                        }
                    })
                    .deploymentConfiguration(kind.config));
        }

        Sample sample(int second, String deploymentArn, Kind kind) {
            ServiceDeployment d = client.describeServiceDeployments(r -> r.serviceDeploymentArns(deploymentArn))
                    .serviceDeployments().get(0);
            String status = d.statusAsString();
            String stage = TERMINAL.contains(status) || d.lifecycleStageAsString() == null ? status
                    : d.lifecycleStageAsString();

            Map<String, Integer> revisionOfIp = new HashMap<>();
            int oldTasks = 0;
            int newTasks = 0;
            for (Task t : runningTasks()) {
                int revision = t.taskDefinitionArn().endsWith(":2") ? 2 : 1;
                if (revision == 2) {
                    newTasks++;
                } else {
                    oldTasks++;
                }
                t.containers().forEach(c -> c.networkInterfaces().forEach(
                        n -> revisionOfIp.put(n.privateIpv4Address(), revision)));
            }

            Map<String, Integer> weights = weights(productionRule);
            double percent = onNew(weights, revisionOfIp);
            int greenWeight = -1;
            double testPercent = -1;
            if (kind != Kind.ROLLING) {
                // revision 2 registers in the service's own group: the first deployment of a blue/green service
                // lands in the alternate group, and the groups swap roles with every deployment
                greenWeight = weights.getOrDefault(blueTg, 0);
                testPercent = onNew(weights(testRule), revisionOfIp);
            }
            int draining = client.listTasks(r -> r.cluster("prod").serviceName("web").desiredStatus("STOPPED"))
                    .taskArns().size();
            if (draining > 0) {
                List<String> arns = client.listTasks(r -> r.cluster("prod").serviceName("web")
                        .desiredStatus("STOPPED")).taskArns();
                draining = (int) client.describeTasks(r -> r.cluster("prod").tasks(arns)).tasks().stream()
                        .filter(t -> !"STOPPED".equals(t.lastStatus())).count();
            }
            return new Sample(second, stage, status, percent, greenWeight, testPercent, oldTasks, newTasks,
                    draining);
        }

        private Map<String, Integer> weights(String ruleArn) {
            Rule rule = elb.describeRules(r -> r.ruleArns(ruleArn)).rules().get(0);
            Map<String, Integer> weights = new LinkedHashMap<>();
            for (TargetGroupTuple t : rule.actions().get(0).forwardConfig().targetGroups()) {
                weights.put(t.targetGroupArn(), t.weight());
            }
            return weights;
        }

        /** Percent of a rule's traffic reaching revision 2: each group's weight share x its healthy targets' share. */
        private double onNew(Map<String, Integer> weights, Map<String, Integer> revisionOfIp) {
            double total = 0;
            double onNew = 0;
            for (Map.Entry<String, Integer> e : weights.entrySet()) {
                int healthy = 0;
                int healthyNew = 0;
                for (TargetHealthDescription h : elb.describeTargetHealth(r -> r.targetGroupArn(e.getKey()))
                        .targetHealthDescriptions()) {
                    if ("healthy".equals(h.targetHealth().stateAsString())) {
                        healthy++;
                        if (Integer.valueOf(2).equals(revisionOfIp.get(h.target().id()))) {
                            healthyNew++;
                        }
                    }
                }
                if (healthy > 0 && e.getValue() > 0) {
                    total += e.getValue();
                    onNew += e.getValue() * (double) healthyNew / healthy;
                }
            }
            return total == 0 ? 0 : Math.round(1000.0 * onNew / total) / 10.0;
        }

        private List<Task> runningTasks() {
            List<String> arns = client.listTasks(r -> r.cluster("prod").serviceName("web").desiredStatus("RUNNING"))
                    .taskArns();
            List<Task> running = new ArrayList<>();
            if (!arns.isEmpty()) {
                for (Task t : client.describeTasks(r -> r.cluster("prod").tasks(arns)).tasks()) {
                    if ("RUNNING".equals(t.lastStatus())) {
                        running.add(t);
                    }
                }
            }
            return running;
        }
    }

    // ---- SVG -----------------------------------------------------------------------------------

    private static final int WIDTH = 920;
    private static final int LEFT = 70;
    private static final int RIGHT = 890;
    private static final int BAND_TOP = 62;
    private static final int BAND_H = 28;
    private static final int TRAFFIC_TOP = 120;
    private static final int TRAFFIC_H = 150;
    private static final int TASKS_TOP = 320;
    private static final int TASKS_H = 120;

    private static final Map<String, String> STAGE_COLOURS = new LinkedHashMap<>();

    static {
        STAGE_COLOURS.put("RECONCILE_SERVICE", "#d9d9d9");
        STAGE_COLOURS.put("PRE_SCALE_UP", "#c6dbef");
        STAGE_COLOURS.put("SCALE_UP", "#9ecae1");
        STAGE_COLOURS.put("POST_SCALE_UP", "#6baed6");
        STAGE_COLOURS.put("TEST_TRAFFIC_SHIFT", "#fdd0a2");
        STAGE_COLOURS.put("POST_TEST_TRAFFIC_SHIFT", "#fdae6b");
        STAGE_COLOURS.put("PRODUCTION_TRAFFIC_SHIFT", "#fd8d3c");
        STAGE_COLOURS.put("POST_PRODUCTION_TRAFFIC_SHIFT", "#e6550d");
        STAGE_COLOURS.put("BAKE_TIME", "#c7e9c0");
        STAGE_COLOURS.put("CLEAN_UP", "#a1d99b");
        STAGE_COLOURS.put("PENDING", "#eeeeee");
        STAGE_COLOURS.put("IN_PROGRESS", "#9ecae1");
        STAGE_COLOURS.put("SUCCESSFUL", "#74c476");
        STAGE_COLOURS.put("STOPPED", "#bdbdbd");
        STAGE_COLOURS.put("ROLLBACK_IN_PROGRESS", "#fc9272");
        STAGE_COLOURS.put("ROLLBACK_SUCCESSFUL", "#de2d26");
        STAGE_COLOURS.put("ROLLBACK_FAILED", "#a50f15");
    }

    /** A stage band: from the first sample in the stage to the first sample after it. */
    record Band(String stage, int from, int to) {
    }

    static List<Band> bands(Timeline t) {
        List<Band> bands = new ArrayList<>();
        List<Sample> s = t.samples();
        int start = 0;
        for (int i = 1; i <= s.size(); i++) {
            if (i == s.size() || !s.get(i).stage().equals(s.get(start).stage())) {
                int to = i == s.size() ? s.get(i - 1).second() : s.get(i).second();
                bands.add(new Band(s.get(start).stage(), s.get(start).second(), to));
                start = i;
            }
        }
        return bands;
    }

    /** The picture, as SVG text (deterministic: same timeline, same bytes). */
    static String svg(Timeline t) {
        List<Sample> s = t.samples();
        int span = Math.max(60, s.get(s.size() - 1).second());
        int minutes = (span + 59) / 60;
        double perSecond = (RIGHT - LEFT) / (minutes * 60.0);
        int maxTasks = 8;
        for (Sample x : s) {
            maxTasks = Math.max(maxTasks, x.oldTasks() + x.newTasks() + x.draining());
        }
        List<Band> bands = bands(t);
        List<String> legendStages = new ArrayList<>();
        for (Band b : bands) {
            if (!legendStages.contains(b.stage())) {
                legendStages.add(b.stage());
            }
        }
        int legendRows = (legendStages.size() + 2) / 3;
        int height = TASKS_TOP + TASKS_H + 70 + legendRows * 20 + 30;

        StringBuilder o = new StringBuilder();
        o.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"11\">\n");
        o.append("<!-- generated by DeploymentTimelinesTest from a fake-ecs run (seed ").append(SEED)
                .append("); do not edit: run with -Dfake-ecs.updateDocs=true -->\n");
        o.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" fill=\"#ffffff\"/>\n");
        o.append(text(LEFT, 22, "font-size=\"15\" font-weight=\"bold\"",
                "ECS " + t.kind().name() + " deployment of 4 tasks behind an ALB (fake-ecs, virtual time)"));
        o.append(text(LEFT, 40, "fill=\"#444444\"", t.kind().title + "; sampled every " + SAMPLE_SECONDS
                + " s" + (t.kind() == Kind.ROLLING ? "" : "; dots: production rule weights revision 1 / revision 2")));

        // stage bands
        o.append(text(LEFT - 6, BAND_TOP + 18, "text-anchor=\"end\"", "stage"));
        for (Band b : bands) {
            double x = LEFT + b.from() * perSecond;
            double w = Math.max(1.0, (b.to() - b.from()) * perSecond);
            o.append("<rect x=\"").append(f(x)).append("\" y=\"").append(BAND_TOP).append("\" width=\"").append(f(w))
                    .append("\" height=\"").append(BAND_H).append("\" fill=\"").append(colour(b.stage()))
                    .append("\" stroke=\"#ffffff\" stroke-width=\"0.5\"><title>").append(b.stage()).append(' ')
                    .append(clock(b.from())).append("–").append(clock(b.to())).append("</title></rect>\n");
            String label = shortName(b.stage());
            if (w >= label.length() * 6.2 + 6) {
                o.append(text(x + w / 2, BAND_TOP + 18, "text-anchor=\"middle\" font-size=\"10\"", label));
            }
        }

        // traffic panel
        axes(o, TRAFFIC_TOP, TRAFFIC_H, minutes, perSecond, 100, 25,
                "% traffic on revision 2 (listener rule weights x healthy targets; DescribeRules, DescribeTargetHealth)");
        String line = steps(s, perSecond, Sample::newPercent);
        if (t.kind() != Kind.ROLLING) {
            String test = steps(s, perSecond, Sample::testPercent);
            o.append("<path d=\"").append(test).append("\" fill=\"none\" stroke=\"#ff7f0e\" stroke-width=\"1.5\" ")
                    .append("stroke-dasharray=\"5,3\"/>\n");
        }
        o.append("<path d=\"").append(line).append("\" fill=\"none\" stroke=\"#d62728\" stroke-width=\"2\"/>\n");
        // the production rule's weights (blue/green) wherever they changed
        int lastWeight = Integer.MIN_VALUE;
        for (Sample x : s) {
            if (x.greenWeight() >= 0 && x.greenWeight() != lastWeight) {
                if (lastWeight != Integer.MIN_VALUE) {
                    double px = LEFT + x.second() * perSecond;
                    double py = TRAFFIC_TOP + TRAFFIC_H - x.newPercent() / 100.0 * TRAFFIC_H;
                    o.append("<circle cx=\"").append(f(px)).append("\" cy=\"").append(f(py))
                            .append("\" r=\"3\" fill=\"#d62728\"/>\n");
                    o.append(text(px + 5, Math.max(TRAFFIC_TOP + 12, py - 6), "font-size=\"10\" fill=\"#7f0000\"",
                            (100 - x.greenWeight()) + " / " + x.greenWeight()));
                }
                lastWeight = x.greenWeight();
            }
        }

        // task panel: stacked old (bottom) and new (top)
        axes(o, TASKS_TOP, TASKS_H, minutes, perSecond, maxTasks, 2, "tasks (ListTasks / DescribeTasks)");
        o.append(area(s, perSecond, maxTasks, 0, "#9e9e9e"));
        o.append(area(s, perSecond, maxTasks, 1, "#3182bd"));
        o.append(area(s, perSecond, maxTasks, 2, "#c7c7c7"));
        o.append(text((LEFT + RIGHT) / 2.0, TASKS_TOP + TASKS_H + 32, "text-anchor=\"middle\"",
                "virtual minutes since UpdateService (revision 1 → 2)"));

        // legend
        int ly = TASKS_TOP + TASKS_H + 56;
        o.append(swatchLine(LEFT, ly, "#d62728"));
        o.append(text(LEFT + 26, ly + 4, "", "production traffic on rev. 2"));
        if (t.kind() != Kind.ROLLING) {
            o.append("<line x1=\"" + (LEFT + 190) + "\" y1=\"" + ly + "\" x2=\"" + (LEFT + 210) + "\" y2=\"" + ly
                    + "\" stroke=\"#ff7f0e\" stroke-width=\"1.5\" stroke-dasharray=\"5,3\"/>\n");
            o.append(text(LEFT + 214, ly + 4, "", "test listener"));
        }
        o.append(swatch(LEFT + 300, ly - 5, "#9e9e9e"));
        o.append(text(LEFT + 316, ly + 4, "", "revision 1 RUNNING"));
        o.append(swatch(LEFT + 440, ly - 5, "#3182bd"));
        o.append(text(LEFT + 456, ly + 4, "", "revision 2 RUNNING"));
        o.append(swatch(LEFT + 580, ly - 5, "#c7c7c7"));
        o.append(text(LEFT + 596, ly + 4, "", "stopping (desired STOPPED, draining)"));
        for (int i = 0; i < legendStages.size(); i++) {
            String stage = legendStages.get(i);
            int x = LEFT + (i % 3) * 270;
            int y = ly + 22 + (i / 3) * 20;
            o.append(swatch(x, y - 5, colour(stage)));
            StringBuilder when = new StringBuilder();
            for (Band b : bands) {
                if (b.stage().equals(stage)) {
                    when.append(when.length() == 0 ? " " : ", ").append(clock(b.from())).append("–")
                            .append(clock(b.to()));
                }
            }
            o.append(text(x + 16, y + 4, "", stage + when));
        }
        o.append("</svg>\n");
        return o.toString();
    }

    private static void axes(StringBuilder o, int top, int h, int minutes, double perSecond, int max, int step,
                             String label) {
        o.append("<rect x=\"").append(LEFT).append("\" y=\"").append(top).append("\" width=\"").append(RIGHT - LEFT)
                .append("\" height=\"").append(h).append("\" fill=\"#fafafa\" stroke=\"#999999\"/>\n");
        for (int v = 0; v <= max; v += step) {
            double y = top + h - (double) v / max * h;
            o.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(f(y)).append("\" x2=\"").append(RIGHT)
                    .append("\" y2=\"").append(f(y)).append("\" stroke=\"#e0e0e0\"/>\n");
            o.append(text(LEFT - 6, y + 4, "text-anchor=\"end\"", Integer.toString(v)));
        }
        int tick = minutes <= 20 ? 1 : minutes <= 40 ? 2 : 5;
        for (int m = 0; m <= minutes; m += tick) {
            double x = LEFT + m * 60 * perSecond;
            o.append("<line x1=\"").append(f(x)).append("\" y1=\"").append(top + h).append("\" x2=\"").append(f(x))
                    .append("\" y2=\"").append(top + h + 4).append("\" stroke=\"#999999\"/>\n");
            o.append(text(x, top + h + 15, "text-anchor=\"middle\"", Integer.toString(m)));
        }
        o.append(text(LEFT, top - 6, "font-weight=\"bold\"", label));
    }

    /** Layer 0: revision 1 RUNNING; 1: revision 2 RUNNING on top; 2: draining on top of both. Held between samples. */
    private static String area(List<Sample> s, double perSecond, int max, int layer, String fill) {
        StringBuilder top = new StringBuilder();
        StringBuilder bottom = new StringBuilder();
        for (int i = 0; i < s.size(); i++) {
            Sample x = s.get(i);
            double x0 = LEFT + x.second() * perSecond;
            double x1 = LEFT + (i + 1 < s.size() ? s.get(i + 1).second() : x.second()) * perSecond;
            int[] stack = {0, x.oldTasks(), x.oldTasks() + x.newTasks(), x.oldTasks() + x.newTasks() + x.draining()};
            double lower = y(stack[layer], max);
            double higher = y(stack[layer + 1], max);
            top.append(top.length() == 0 ? "M" : " L").append(f(x0)).append(',').append(f(higher))
                    .append(" L").append(f(x1)).append(',').append(f(higher));
            bottom.insert(0, " L" + f(x1) + ',' + f(lower) + " L" + f(x0) + ',' + f(lower));
        }
        return "<path d=\"" + top + bottom + " Z\" fill=\"" + fill + "\" fill-opacity=\"0.85\" stroke=\"none\"/>\n";
    }

    /** A step line of a percentage through the samples (each value held until the next sample). */
    private static String steps(List<Sample> s, double perSecond, java.util.function.ToDoubleFunction<Sample> value) {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < s.size(); i++) {
            double px = LEFT + s.get(i).second() * perSecond;
            double py = TRAFFIC_TOP + TRAFFIC_H - value.applyAsDouble(s.get(i)) / 100.0 * TRAFFIC_H;
            if (i == 0) {
                d.append('M').append(f(px)).append(',').append(f(py));
            } else {
                d.append(" H").append(f(px)).append(" V").append(f(py));
            }
        }
        return d.toString();
    }

    private static double y(int tasks, int max) {
        return TASKS_TOP + TASKS_H - (double) tasks / max * TASKS_H;
    }

    private static String swatch(int x, int y, String fill) {
        return "<rect x=\"" + x + "\" y=\"" + y + "\" width=\"12\" height=\"10\" fill=\"" + fill + "\"/>\n";
    }

    private static String swatchLine(int x, int y, String stroke) {
        return "<line x1=\"" + x + "\" y1=\"" + y + "\" x2=\"" + (x + 20) + "\" y2=\"" + y + "\" stroke=\"" + stroke
                + "\" stroke-width=\"2\"/>\n";
    }

    private static String text(double x, double y, String attrs, String body) {
        return "<text x=\"" + f(x) + "\" y=\"" + f(y) + "\"" + (attrs.isEmpty() ? "" : " " + attrs) + ">"
                + body.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</text>\n";
    }

    private static String colour(String stage) {
        return STAGE_COLOURS.getOrDefault(stage, "#eeeeee");
    }

    private static String shortName(String stage) {
        return stage.replace("PRODUCTION", "PROD").replace("_TRAFFIC_SHIFT", "_SHIFT");
    }

    /** m:ss since the update. */
    static String clock(int seconds) {
        return seconds / 60 + ":" + String.format(Locale.ROOT, "%02d", seconds % 60);
    }

    private static String f(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
