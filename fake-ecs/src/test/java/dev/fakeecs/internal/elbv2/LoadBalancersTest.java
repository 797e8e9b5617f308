package dev.fakeecs.internal.elbv2;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DuplicateLoadBalancerNameException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.InvalidConfigurationRequestException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerAttribute;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ListenerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.OperationNotPermittedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Load balancers: creation rules, zones from subnets, DNS, provisioning, paging, deletion, attributes. */
class LoadBalancersTest {

    private final ElbWorld w = new ElbWorld();

    @Test
    void should_create_an_internet_facing_alb_provisioning_for_60_seconds() {
        // when
        LoadBalancer lb = w.elb.createLoadBalancer(r -> r.name("web").subnets("subnet-us-east-1a", "subnet-us-east-1c"))
                .loadBalancers().get(0);

        // then
        assertThat(lb.loadBalancerArn()).matches(
                "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/[0-9a-f]{16}");
        assertThat(lb.dnsName()).matches("web-\\d{10}\\.us-east-1\\.elb\\.amazonaws\\.com");
        assertThat(lb.canonicalHostedZoneId()).isEqualTo("Z35SXDOTRQ7X7K");
        assertThat(lb.schemeAsString()).isEqualTo("internet-facing");
        assertThat(lb.typeAsString()).isEqualTo("application");
        assertThat(lb.ipAddressTypeAsString()).isEqualTo("ipv4");
        assertThat(lb.availabilityZones()).extracting(z -> z.zoneName() + "=" + z.subnetId())
                .containsExactly("us-east-1a=subnet-us-east-1a", "us-east-1c=subnet-us-east-1c");
        assertThat(lb.securityGroups()).hasSize(1).allMatch(g -> g.matches("sg-[0-9a-f]{17}"));
        assertThat(lb.state().codeAsString()).isEqualTo("provisioning");
        w.at(59);
        assertThat(describe(lb).state().codeAsString()).isEqualTo("provisioning");
        w.at(60);
        assertThat(describe(lb).state().codeAsString()).isEqualTo("active");
    }

    @Test
    void should_give_an_internal_one_the_internal_prefix_and_spread_other_subnets_over_free_zones() {
        // when
        LoadBalancer lb = w.elb.createLoadBalancer(r -> r.name("api").scheme("internal")
                .subnets("subnet-aaa", "subnet-us-east-1a", "subnet-bbb")).loadBalancers().get(0);

        // then
        assertThat(lb.dnsName()).startsWith("internal-api-");
        assertThat(lb.availabilityZones()).extracting(z -> z.zoneName() + "=" + z.subnetId())
                .containsExactly("us-east-1a=subnet-us-east-1a", "us-east-1b=subnet-aaa", "us-east-1c=subnet-bbb");
    }

    @Test
    void should_refuse_an_alb_in_one_zone_but_accept_an_nlb() {
        assertThatThrownBy(() -> w.elb.createLoadBalancer(r -> r.name("web").subnets("subnet-fake-ecs")))
                .isInstanceOf(InvalidConfigurationRequestException.class)
                .hasMessageContaining("More than 1 availability zone must be specified");
        LoadBalancer nlb = w.elb.createLoadBalancer(r -> r.name("tcp").type("network").subnets("subnet-fake-ecs"))
                .loadBalancers().get(0);
        assertThat(nlb.canonicalHostedZoneId()).isEqualTo("Z26RNL4JYFTOTI");
        assertThat(nlb.loadBalancerArn()).contains(":loadbalancer/net/tcp/");
        assertThat(nlb.dnsName()).matches("tcp-[0-9a-f]{16}\\.elb\\.us-east-1\\.amazonaws\\.com");
        assertThat(nlb.securityGroups()).isEmpty();
    }

    @Test
    void should_be_idempotent_for_identical_settings_and_refuse_a_different_one() {
        String first = w.alb("web");
        assertThat(w.alb("web")).isEqualTo(first);
        assertThatThrownBy(() -> w.elb.createLoadBalancer(r -> r.name("web").scheme("internal")
                .subnets("subnet-us-east-1a", "subnet-us-east-1b")))
                .isInstanceOf(DuplicateLoadBalancerNameException.class)
                .hasMessageContaining("A load balancer with the specified name already exists.");
    }

    @Test
    void should_check_names() {
        assertThatThrownBy(() -> w.alb("-web")).hasMessageContaining("cannot begin or end with '-'");
        assertThatThrownBy(() -> w.alb("internal-web")).hasMessageContaining("cannot begin with 'internal-'");
        assertThatThrownBy(() -> w.alb("web_1")).hasMessageContaining("alphanumeric characters or hyphens");
        assertThatThrownBy(() -> w.alb("a".repeat(33)))
                .isInstanceOf(ElasticLoadBalancingV2Exception.class)
                .satisfies(e -> assertThat(((ElasticLoadBalancingV2Exception) e).awsErrorDetails().errorCode())
                        .isEqualTo("ValidationError"));
    }

    @Test
    void should_page_describe_with_markers_and_find_by_name() {
        // given
        for (int i = 0; i < 5; i++) {
            w.alb("lb" + i);
        }

        // when
        var first = w.elb.describeLoadBalancers(r -> r.pageSize(2));
        var second = w.elb.describeLoadBalancers(r -> r.pageSize(2).marker(first.nextMarker()));
        var third = w.elb.describeLoadBalancers(r -> r.pageSize(2).marker(second.nextMarker()));

        // then
        assertThat(first.loadBalancers()).extracting(LoadBalancer::loadBalancerName).containsExactly("lb0", "lb1");
        assertThat(second.loadBalancers()).extracting(LoadBalancer::loadBalancerName).containsExactly("lb2", "lb3");
        assertThat(third.loadBalancers()).extracting(LoadBalancer::loadBalancerName).containsExactly("lb4");
        assertThat(third.nextMarker()).isNull();
        assertThat(w.elb.describeLoadBalancers(r -> r.names("lb3")).loadBalancers()).hasSize(1);
        assertThatThrownBy(() -> w.elb.describeLoadBalancers(r -> r.names("nope")))
                .isInstanceOf(LoadBalancerNotFoundException.class);
        assertThatThrownBy(() -> w.elb.describeLoadBalancers(r -> r.pageSize(401)))
                .hasMessageContaining("Member must have value less than or equal to 400");
    }

    @Test
    void should_delete_listeners_with_the_load_balancer_but_keep_target_groups_and_accept_unknown_arns() {
        // given
        String lb = w.alb("web");
        String tg = w.ipGroup("tg");
        String listener = w.listener(lb, 80, tg);

        // when
        w.elb.deleteLoadBalancer(r -> r.loadBalancerArn(lb));
        w.elb.deleteLoadBalancer(r -> r.loadBalancerArn(lb));

        // then
        assertThatThrownBy(() -> w.elb.describeListeners(r -> r.listenerArns(listener)))
                .isInstanceOf(ListenerNotFoundException.class);
        assertThat(w.elb.describeTargetGroups(r -> r.targetGroupArns(tg)).targetGroups().get(0).loadBalancerArns())
                .isEmpty();
        w.elb.deleteTargetGroup(r -> r.targetGroupArn(tg));
    }

    @Test
    void should_list_alb_attribute_defaults_and_honour_deletion_protection() {
        // given
        String lb = w.alb("web");

        // then
        assertThat(w.elb.describeLoadBalancerAttributes(r -> r.loadBalancerArn(lb)).attributes())
                .extracting(a -> a.key() + "=" + a.value())
                .contains("idle_timeout.timeout_seconds=60", "deletion_protection.enabled=false",
                        "routing.http2.enabled=true", "routing.http.desync_mitigation_mode=defensive");
        assertThatThrownBy(() -> w.elb.modifyLoadBalancerAttributes(r -> r.loadBalancerArn(lb)
                .attributes(LoadBalancerAttribute.builder().key("idle_timeout.timeout_seconds").value("4001").build())))
                .hasMessage("'idle_timeout.timeout_seconds' value '4001' must be between '1-4000' inclusive "
                        + "(Service: ElasticLoadBalancingV2, Status Code: 400, Request ID: null)");
        assertThatThrownBy(() -> w.elb.modifyLoadBalancerAttributes(r -> r.loadBalancerArn(lb)
                .attributes(LoadBalancerAttribute.builder().key("nope").value("1").build())))
                .isInstanceOf(InvalidConfigurationRequestException.class).hasMessageStartingWith("Key nope not valid");
        w.elb.modifyLoadBalancerAttributes(r -> r.loadBalancerArn(lb).attributes(
                LoadBalancerAttribute.builder().key("deletion_protection.enabled").value("true").build()));
        assertThatThrownBy(() -> w.elb.deleteLoadBalancer(r -> r.loadBalancerArn(lb)))
                .isInstanceOf(OperationNotPermittedException.class);
    }

    @Test
    void should_move_targets_out_of_use_when_set_subnets_drops_their_zone() {
        // given
        String lb = w.elb.createLoadBalancer(r -> r.name("web").subnets("subnet-us-east-1a", "subnet-us-east-1b",
                "subnet-us-east-1c")).loadBalancers().get(0).loadBalancerArn();
        String tg = w.ipGroup("tg");
        w.listener(lb, 80, tg);
        w.apps.zoneOfIp.put("10.0.3.7", "us-east-1c");
        w.register(tg, "10.0.3.7", 80);
        w.at(5);
        assertThat(w.state(tg, "10.0.3.7", 80)).isEqualTo("healthy");

        // when
        var zones = w.elb.setSubnets(r -> r.loadBalancerArn(lb).subnets("subnet-us-east-1a", "subnet-us-east-1b"));

        // then
        assertThat(zones.availabilityZones()).hasSize(2);
        assertThat(w.state(tg, "10.0.3.7", 80)).isEqualTo("unused/Target.NotInUse");
    }

    @Test
    void should_run_calls_as_ecs_calls_run_after_the_interceptors_and_the_auto_clock_step() {
        // given
        java.util.List<String> seen = new java.util.ArrayList<>();
        w.region.addInterceptor((region, operation) -> seen.add(region + " " + operation));
        w.region.autoAdvanceStep(java.time.Duration.ofSeconds(1));

        // when
        w.alb("web");
        w.ipGroup("tg");

        // then
        assertThat(seen).containsExactly("us-east-1 CreateLoadBalancer", "us-east-1 CreateTargetGroup");
        assertThat(w.engine.now()).isEqualTo(ElbWorld.START.plusSeconds(2));
    }

    private LoadBalancer describe(LoadBalancer lb) {
        return w.elb.describeLoadBalancers(r -> r.loadBalancerArns(lb.loadBalancerArn())).loadBalancers().get(0);
    }
}
