package dev.fakeecs.internal.express;

import dev.fakeecs.internal.random.SeededRandom;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Certificate;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.FixedResponseActionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ForwardActionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The load balancers of a region's Express services, created through the simulated Elastic Load Balancing v2 API
 * as AWS creates them: up to {@value #SERVICES_PER_LOAD_BALANCER} Express services share one internet-facing
 * Application Load Balancer (a new one is created when every existing one is full, and one is deleted when its last
 * service goes) with an HTTPS:443 listener (an ACM certificate for {@code *.ecs.<region>.on.aws}, default action a
 * fixed 404); each service gets two {@code ip} target groups (HTTP, HTTP1, port = container port, health checks
 * every 30 s, timeout 5 s, healthy 5, unhealthy 2) and a listener rule matching its host name that forwards to both
 * (weights 1 and 0: the pair the service's canary deployments shift traffic between).
 *
 * <pre>{@code
 * ExpressIngress.Attachment a = ingress.attach("web", "we-0123....ecs.us-east-1.on.aws", 8080, "/ping", subnets, now);
 * ingress.detach(a);
 * }</pre>
 */
final class ExpressIngress {

    /** How many Express services share one load balancer. */
    static final int SERVICES_PER_LOAD_BALANCER = 25;

    private final ElasticLoadBalancingV2Client elb;
    private final SeededRandom ids;
    private final String region;
    private final String account;
    private final List<SharedLoadBalancer> loadBalancers = new ArrayList<>();

    ExpressIngress(ElasticLoadBalancingV2Client elb, SeededRandom ids, String region, String account) {
        this.elb = elb;
        this.ids = ids;
        this.region = region;
        this.account = account;
    }

    /** A load balancer Express services share, with its listener, certificate and security group. */
    static final class SharedLoadBalancer {
        final LoadBalancer loadBalancer;
        final ManagedResource resource;
        final ManagedResource listener;
        final ManagedResource certificate;
        final ManagedResource securityGroup;
        final String domainName;
        final TreeSet<Integer> priorities = new TreeSet<>();
        int services;

        SharedLoadBalancer(LoadBalancer lb, ManagedResource resource, ManagedResource listener,
                           ManagedResource certificate, ManagedResource securityGroup, String domainName) {
            this.loadBalancer = lb;
            this.resource = resource;
            this.listener = listener;
            this.certificate = certificate;
            this.securityGroup = securityGroup;
            this.domainName = domainName;
        }
    }

    /** One service's place on a shared load balancer: its rule and its two target groups. */
    static final class Attachment {
        final SharedLoadBalancer shared;
        final ManagedResource rule;
        final int priority;
        final ManagedResource primaryTargetGroup;
        final ManagedResource alternateTargetGroup;
        final String host;
        final int port;
        String healthCheckPath;

        Attachment(SharedLoadBalancer shared, ManagedResource rule, int priority, ManagedResource primary,
                   ManagedResource alternate, String host, int port, String healthCheckPath) {
            this.shared = shared;
            this.rule = rule;
            this.priority = priority;
            this.primaryTargetGroup = primary;
            this.alternateTargetGroup = alternate;
            this.host = host;
            this.port = port;
            this.healthCheckPath = healthCheckPath;
        }

        List<ManagedResource> targetGroups() {
            return List.of(primaryTargetGroup, alternateTargetGroup);
        }
    }

    /** The host name of a new Express service: two letters of its name, 32 hex digits, {@code .ecs.<region>.on.aws}. */
    String newHost(String serviceName) {
        String prefix = serviceName.substring(0, Math.min(2, serviceName.length())).toLowerCase(java.util.Locale.ROOT)
                .replace('_', '-');
        return prefix + "-" + ids.hex(32) + ".ecs." + region + ".on.aws";
    }

    /** Places a service on a load balancer with room (creating one when none has), with its target groups and rule. */
    Attachment attach(String host, int port, String healthCheckPath, List<String> subnets, Instant now) {
        SharedLoadBalancer shared = null;
        for (SharedLoadBalancer lb : loadBalancers) {
            if (lb.services < SERVICES_PER_LOAD_BALANCER) {
                shared = lb;
                break;
            }
        }
        if (shared == null) {
            shared = create(subnets, now);
            loadBalancers.add(shared);
        }
        ManagedResource primary = new ManagedResource(targetGroup(shared, port, healthCheckPath), now);
        ManagedResource alternate = new ManagedResource(targetGroup(shared, port, healthCheckPath), now);
        int free = 1;
        while (shared.priorities.contains(free)) {
            free++;
        }
        final int priority = free;
        final String listenerArn = shared.listener.arn;
        String ruleArn = elb.createRule(r -> r.listenerArn(listenerArn)
                .priority(priority)
                .conditions(RuleCondition.builder().field("host-header").values(host).build())
                .actions(Action.builder().type("forward").forwardConfig(ForwardActionConfig.builder().targetGroups(
                        TargetGroupTuple.builder().targetGroupArn(primary.arn).weight(1).build(),
                        TargetGroupTuple.builder().targetGroupArn(alternate.arn).weight(0).build()).build())
                        .build())).rules().get(0).ruleArn();
        shared.priorities.add(priority);
        shared.services++;
        return new Attachment(shared, new ManagedResource(ruleArn, now), priority, primary, alternate, host, port,
                healthCheckPath);
    }

    /** Changes the health check path of the service's target groups. */
    void healthCheckPath(Attachment a, String path) {
        if (path.equals(a.healthCheckPath)) {
            return;
        }
        for (ManagedResource tg : a.targetGroups()) {
            elb.modifyTargetGroup(r -> r.targetGroupArn(tg.arn).healthCheckPath(path));
        }
        a.healthCheckPath = path;
    }

    /**
     * Removes the service's rule and target groups; the load balancer goes too when no other Express service uses
     * it. Returns whether it did.
     */
    boolean detach(Attachment a) {
        elb.deleteRule(r -> r.ruleArn(a.rule.arn));
        for (ManagedResource tg : a.targetGroups()) {
            elb.deleteTargetGroup(r -> r.targetGroupArn(tg.arn));
        }
        SharedLoadBalancer shared = a.shared;
        shared.priorities.remove(a.priority);
        shared.services--;
        if (shared.services > 0) {
            return false;
        }
        elb.deleteLoadBalancer(r -> r.loadBalancerArn(shared.loadBalancer.loadBalancerArn()));
        loadBalancers.remove(shared);
        return true;
    }

    private SharedLoadBalancer create(List<String> subnets, Instant now) {
        String groupId = "sg-" + ids.hex(17);
        String name = "ecs-express-gateway-alb-" + ids.hex(8);
        LoadBalancer lb = elb.createLoadBalancer(r -> r.name(name).type("application").scheme("internet-facing")
                .ipAddressType("ipv4").subnets(subnets).securityGroups(groupId)).loadBalancers().get(0);
        String domain = "*.ecs." + region + ".on.aws";
        String certificate = "arn:aws:acm:" + region + ":" + account + ":certificate/" + ids.uuid();
        String listener = elb.createListener(r -> r.loadBalancerArn(lb.loadBalancerArn()).protocol("HTTPS").port(443)
                .certificates(Certificate.builder().certificateArn(certificate).build())
                .defaultActions(Action.builder().type("fixed-response").fixedResponseConfig(
                        FixedResponseActionConfig.builder().statusCode("404").contentType("text/plain").build())
                        .build())).listeners().get(0).listenerArn();
        return new SharedLoadBalancer(lb, new ManagedResource(lb.loadBalancerArn(), now),
                new ManagedResource(listener, now), new ManagedResource(certificate, now),
                new ManagedResource(securityGroupArn(groupId), now), domain);
    }

    private String targetGroup(SharedLoadBalancer lb, int port, String healthCheckPath) {
        String name = "ecs-gateway-tg-" + ids.hex(12);
        return elb.createTargetGroup(r -> r.name(name).protocol("HTTP").protocolVersion("HTTP1").port(port)
                .vpcId(lb.loadBalancer.vpcId()).targetType("ip").healthCheckProtocol("HTTP")
                .healthCheckPath(healthCheckPath).healthCheckIntervalSeconds(30).healthCheckTimeoutSeconds(5)
                .healthyThresholdCount(5).unhealthyThresholdCount(2)).targetGroups().get(0).targetGroupArn();
    }

    /** The ARN of an EC2 security group of this region. */
    String securityGroupArn(String groupId) {
        return "arn:aws:ec2:" + region + ":" + account + ":security-group/" + groupId;
    }

    /** A new security group id ({@code sg-} and 17 hex digits). */
    String newSecurityGroupId() {
        return "sg-" + ids.hex(17);
    }

    /** Every shared load balancer now, oldest first. */
    List<SharedLoadBalancer> loadBalancers() {
        return List.copyOf(loadBalancers);
    }
}
