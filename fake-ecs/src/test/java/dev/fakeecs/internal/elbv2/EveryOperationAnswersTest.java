package dev.fakeecs.internal.elbv2;

import dev.fakeecs.FakeEcs;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.*;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every operation of the SDK's {@link ElasticLoadBalancingV2Client}, through {@link FakeEcs#newLoadBalancingClient()}
 * (the Query protocol, in process), with a minimal valid request in a fresh world: none may answer
 * {@code UnsupportedOperation}; all succeed except the two that AWS itself answers with an error in a one-account
 * world without resource policies.
 */
class EveryOperationAnswersTest {

    private static final String CERT = "arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555";
    private static final String CERT2 = "arn:aws:acm:us-east-1:123456789012:certificate/66666666-2222-3333-4444-555555555555";
    /** Operations whose minimal request AWS answers with an error here (error code expected). */
    private static final Map<String, String> EXPECTED_ERRORS = Map.of(
            "getResourcePolicy", "ResourceNotFound",
            "deleteSharedTrustStoreAssociation", "DeleteAssociationSameAccount");

    /** A world with one of everything; the request builders below refer to it. */
    private static final class World implements AutoCloseable {
        final FakeEcs ecs = FakeEcs.builder().seed(3).build();
        final ElasticLoadBalancingV2Client elb = ecs.newLoadBalancingClient();
        final String lb;
        final String tg;
        final String listener;
        final String rule;
        final String trustStore;

        World() {
            lb = elb.createLoadBalancer(r -> r.name("web").subnets("subnet-us-east-1a", "subnet-us-east-1b"))
                    .loadBalancers().get(0).loadBalancerArn();
            tg = elb.createTargetGroup(r -> r.name("blue").protocol("HTTP").port(80).vpcId("vpc-1").targetType("ip"))
                    .targetGroups().get(0).targetGroupArn();
            listener = elb.createListener(r -> r.loadBalancerArn(lb).protocol("HTTPS").port(443)
                    .certificates(c -> c.certificateArn(CERT))
                    .defaultActions(a -> a.type("forward").targetGroupArn(tg))).listeners().get(0).listenerArn();
            rule = elb.createRule(r -> r.listenerArn(listener).priority(10)
                    .conditions(c -> c.field("path-pattern").values("/api/*"))
                    .actions(a -> a.type("forward").targetGroupArn(tg))).rules().get(0).ruleArn();
            trustStore = elb.createTrustStore(r -> r.name("clients").caCertificatesBundleS3Bucket("certs")
                    .caCertificatesBundleS3Key("ca.pem")).trustStores().get(0).trustStoreArn();
            elb.addTrustStoreRevocations(r -> r.trustStoreArn(trustStore)
                    .revocationContents(c -> c.s3Bucket("certs").s3Key("crl.pem")));
        }

        @Override
        public void close() {
            elb.close();
        }
    }

    private static final Map<String, Function<World, SdkRequest>> REQUESTS = new LinkedHashMap<>();

    private static void op(String name, Function<World, SdkRequest> request) {
        REQUESTS.put(name, request);
    }

    static {
        op("addListenerCertificates", w -> AddListenerCertificatesRequest.builder().listenerArn(w.listener)
                .certificates(c -> c.certificateArn(CERT2)).build());
        op("addTags", w -> AddTagsRequest.builder().resourceArns(w.lb).tags(t -> t.key("k").value("v")).build());
        op("addTrustStoreRevocations", w -> AddTrustStoreRevocationsRequest.builder().trustStoreArn(w.trustStore)
                .revocationContents(c -> c.s3Bucket("certs").s3Key("crl2.pem")).build());
        op("createListener", w -> CreateListenerRequest.builder().loadBalancerArn(w.lb).protocol("HTTP").port(80)
                .defaultActions(a -> a.type("fixed-response").fixedResponseConfig(f -> f.statusCode("404")))
                .build());
        op("createLoadBalancer", w -> CreateLoadBalancerRequest.builder().name("other")
                .subnets("subnet-us-east-1a", "subnet-us-east-1b").build());
        op("createRule", w -> CreateRuleRequest.builder().listenerArn(w.listener).priority(20)
                .conditions(c -> c.field("host-header").values("a.example.com"))
                .actions(a -> a.type("fixed-response").fixedResponseConfig(f -> f.statusCode("200"))).build());
        op("createTargetGroup", w -> CreateTargetGroupRequest.builder().name("green").protocol("HTTP").port(80)
                .vpcId("vpc-1").targetType("ip").build());
        op("createTrustStore", w -> CreateTrustStoreRequest.builder().name("more").caCertificatesBundleS3Bucket("b")
                .caCertificatesBundleS3Key("k.pem").build());
        op("deleteListener", w -> DeleteListenerRequest.builder().listenerArn(w.listener).build());
        op("deleteLoadBalancer", w -> DeleteLoadBalancerRequest.builder().loadBalancerArn(w.lb).build());
        op("deleteRule", w -> DeleteRuleRequest.builder().ruleArn(w.rule).build());
        op("deleteSharedTrustStoreAssociation", w -> DeleteSharedTrustStoreAssociationRequest.builder()
                .trustStoreArn(w.trustStore).resourceArn(w.lb).build());
        op("deleteTargetGroup", w -> {
            String other = w.elb.createTargetGroup(r -> r.name("spare").protocol("HTTP").port(80).vpcId("vpc-1"))
                    .targetGroups().get(0).targetGroupArn();
            return DeleteTargetGroupRequest.builder().targetGroupArn(other).build();
        });
        op("deleteTrustStore", w -> DeleteTrustStoreRequest.builder().trustStoreArn(w.trustStore).build());
        op("deregisterTargets", w -> DeregisterTargetsRequest.builder().targetGroupArn(w.tg)
                .targets(t -> t.id("10.0.1.7").port(80)).build());
        op("describeAccountLimits", w -> DescribeAccountLimitsRequest.builder().build());
        op("describeCapacityReservation", w -> DescribeCapacityReservationRequest.builder().loadBalancerArn(w.lb)
                .build());
        op("describeListenerAttributes", w -> DescribeListenerAttributesRequest.builder().listenerArn(w.listener)
                .build());
        op("describeListenerCertificates", w -> DescribeListenerCertificatesRequest.builder()
                .listenerArn(w.listener).build());
        op("describeListeners", w -> DescribeListenersRequest.builder().loadBalancerArn(w.lb).build());
        op("describeLoadBalancerAttributes", w -> DescribeLoadBalancerAttributesRequest.builder()
                .loadBalancerArn(w.lb).build());
        op("describeLoadBalancers", w -> DescribeLoadBalancersRequest.builder().build());
        op("describeRules", w -> DescribeRulesRequest.builder().listenerArn(w.listener).build());
        op("describeSSLPolicies", w -> DescribeSslPoliciesRequest.builder().build());
        op("describeTags", w -> DescribeTagsRequest.builder().resourceArns(w.tg).build());
        op("describeTargetGroupAttributes", w -> DescribeTargetGroupAttributesRequest.builder()
                .targetGroupArn(w.tg).build());
        op("describeTargetGroups", w -> DescribeTargetGroupsRequest.builder().build());
        op("describeTargetHealth", w -> DescribeTargetHealthRequest.builder().targetGroupArn(w.tg).build());
        op("describeTrustStoreAssociations", w -> DescribeTrustStoreAssociationsRequest.builder()
                .trustStoreArn(w.trustStore).build());
        op("describeTrustStoreRevocations", w -> DescribeTrustStoreRevocationsRequest.builder()
                .trustStoreArn(w.trustStore).build());
        op("describeTrustStores", w -> DescribeTrustStoresRequest.builder().build());
        op("getResourcePolicy", w -> GetResourcePolicyRequest.builder().resourceArn(w.trustStore).build());
        op("getTrustStoreCaCertificatesBundle", w -> GetTrustStoreCaCertificatesBundleRequest.builder()
                .trustStoreArn(w.trustStore).build());
        op("getTrustStoreRevocationContent", w -> GetTrustStoreRevocationContentRequest.builder()
                .trustStoreArn(w.trustStore).revocationId(1L).build());
        op("modifyCapacityReservation", w -> ModifyCapacityReservationRequest.builder().loadBalancerArn(w.lb)
                .minimumLoadBalancerCapacity(m -> m.capacityUnits(100)).build());
        op("modifyIpPools", w -> ModifyIpPoolsRequest.builder().loadBalancerArn(w.lb)
                .ipamPools(p -> p.ipv4IpamPoolId("ipam-pool-0123456789abcdef0")).build());
        op("modifyListener", w -> ModifyListenerRequest.builder().listenerArn(w.listener)
                .sslPolicy("ELBSecurityPolicy-TLS13-1-2-2021-06").build());
        op("modifyListenerAttributes", w -> ModifyListenerAttributesRequest.builder().listenerArn(w.listener)
                .attributes(a -> a.key("routing.http.response.server.enabled").value("false")).build());
        op("modifyLoadBalancerAttributes", w -> ModifyLoadBalancerAttributesRequest.builder().loadBalancerArn(w.lb)
                .attributes(a -> a.key("idle_timeout.timeout_seconds").value("120")).build());
        op("modifyRule", w -> ModifyRuleRequest.builder().ruleArn(w.rule)
                .conditions(c -> c.field("path-pattern").values("/v2/*")).build());
        op("modifyTargetGroup", w -> ModifyTargetGroupRequest.builder().targetGroupArn(w.tg)
                .healthCheckPath("/health").build());
        op("modifyTargetGroupAttributes", w -> ModifyTargetGroupAttributesRequest.builder().targetGroupArn(w.tg)
                .attributes(a -> a.key("deregistration_delay.timeout_seconds").value("30")).build());
        op("modifyTrustStore", w -> ModifyTrustStoreRequest.builder().trustStoreArn(w.trustStore)
                .caCertificatesBundleS3Bucket("certs").caCertificatesBundleS3Key("ca-2.pem").build());
        op("registerTargets", w -> RegisterTargetsRequest.builder().targetGroupArn(w.tg)
                .targets(t -> t.id("10.0.1.7").port(80)).build());
        op("removeListenerCertificates", w -> {
            w.elb.addListenerCertificates(r -> r.listenerArn(w.listener).certificates(c -> c.certificateArn(CERT2)));
            return RemoveListenerCertificatesRequest.builder().listenerArn(w.listener)
                    .certificates(c -> c.certificateArn(CERT2)).build();
        });
        op("removeTags", w -> RemoveTagsRequest.builder().resourceArns(w.lb).tagKeys("k").build());
        op("removeTrustStoreRevocations", w -> RemoveTrustStoreRevocationsRequest.builder()
                .trustStoreArn(w.trustStore).revocationIds(1L).build());
        op("setIpAddressType", w -> SetIpAddressTypeRequest.builder().loadBalancerArn(w.lb)
                .ipAddressType("dualstack").build());
        op("setRulePriorities", w -> SetRulePrioritiesRequest.builder()
                .rulePriorities(p -> p.ruleArn(w.rule).priority(5)).build());
        op("setSecurityGroups", w -> SetSecurityGroupsRequest.builder().loadBalancerArn(w.lb)
                .securityGroups("sg-0123456789abcdef0").build());
        op("setSubnets", w -> SetSubnetsRequest.builder().loadBalancerArn(w.lb)
                .subnets("subnet-us-east-1a", "subnet-us-east-1c").build());
    }

    /** The operations of the SDK interface (one request argument, no paginators). */
    private static Set<String> sdkOperations() {
        Set<String> ops = new TreeSet<>();
        for (Method m : ElasticLoadBalancingV2Client.class.getMethods()) {
            if (m.getParameterCount() == 1 && SdkRequest.class.isAssignableFrom(m.getParameterTypes()[0])
                    && !m.getName().endsWith("Paginator")) {
                ops.add(m.getName());
            }
        }
        return ops;
    }

    @Test
    void should_have_a_request_for_every_operation_of_the_sdk_interface() {
        assertThat(REQUESTS.keySet()).containsExactlyInAnyOrderElementsOf(sdkOperations());
    }

    @TestFactory
    Stream<DynamicTest> every_operation_answers_through_the_query_protocol() {
        return sdkOperations().stream().filter(REQUESTS::containsKey).map(name -> DynamicTest.dynamicTest(name, () -> {
            try (World w = new World()) {
                SdkRequest request = REQUESTS.get(name).apply(w);
                Method method = Arrays.stream(ElasticLoadBalancingV2Client.class.getMethods())
                        .filter(m -> m.getName().equals(name) && m.getParameterCount() == 1
                                && m.getParameterTypes()[0].isInstance(request))
                        .findFirst().orElseThrow();
                try {
                    Object response = method.invoke(w.elb, request);
                    assertThat(EXPECTED_ERRORS).as(name + " answered instead of failing").doesNotContainKey(name);
                    assertThat(response).isNotNull();
                } catch (InvocationTargetException e) {
                    Throwable cause = e.getCause();
                    if (!(cause instanceof ElasticLoadBalancingV2Exception elbError)) {
                        throw cause;
                    }
                    String code = elbError.awsErrorDetails().errorCode();
                    if (!code.equals(EXPECTED_ERRORS.get(name))) {
                        fail(name + " answered " + code + ": " + elbError.awsErrorDetails().errorMessage());
                    }
                }
            }
        }));
    }

    @Test
    void should_carry_the_new_shapes_and_errors_over_the_wire() {
        try (World w = new World()) {
            var policy = w.elb.describeSSLPolicies(r -> r.names("ELBSecurityPolicy-2016-08")).sslPolicies().get(0);
            assertThat(policy.ciphers()).hasSize(18);
            assertThat(policy.ciphers().get(0).priority()).isEqualTo(1);
            w.elb.addListenerCertificates(r -> r.listenerArn(w.listener).certificates(c -> c.certificateArn(CERT2)));
            assertThat(w.elb.describeListenerCertificates(r -> r.listenerArn(w.listener)).certificates())
                    .extracting(Certificate::isDefault).containsExactly(true, false);
            assertThat(w.elb.describeTrustStoreRevocations(r -> r.trustStoreArn(w.trustStore))
                    .trustStoreRevocations().get(0).revocationId()).isEqualTo(1L);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> w.elb.modifyListener(r -> r
                            .listenerArn(w.listener).sslPolicy("Nope")))
                    .isInstanceOfSatisfying(SslPolicyNotFoundException.class, e -> assertThat(
                            e.awsErrorDetails().errorCode()).isEqualTo("SSLPolicyNotFound"));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> w.elb.getResourcePolicy(r -> r
                            .resourceArn(w.trustStore)))
                    .isInstanceOf(ResourceNotFoundException.class);
        }
    }
}
