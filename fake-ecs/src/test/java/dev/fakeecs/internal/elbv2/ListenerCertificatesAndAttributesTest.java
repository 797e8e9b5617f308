package dev.fakeecs.internal.elbv2;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Certificate;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CertificateNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.InvalidConfigurationRequestException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ListenerAttribute;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ListenerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.OperationNotPermittedException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SslPolicyNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TooManyCertificatesException;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Listener certificates (default kept apart), listener attributes per protocol, SSL policy checks. */
class ListenerCertificatesAndAttributesTest {

    private static final String CERT = "arn:aws:acm:us-east-1:123456789012:certificate/aaaa";

    private final ElbWorld w = new ElbWorld();
    private final String lb = w.alb("web");
    private final String tg = w.ipGroup("blue");

    private static String cert(int i) {
        return "arn:aws:acm:us-east-1:123456789012:certificate/c" + i;
    }

    private String https() {
        return w.elb.createListener(r -> r.loadBalancerArn(lb).protocol("HTTPS").port(443)
                .certificates(c -> c.certificateArn(CERT)).defaultActions(a -> a.type("forward").targetGroupArn(tg)))
                .listeners().get(0).listenerArn();
    }

    private static Map<String, String> asMap(List<ListenerAttribute> attributes) {
        return attributes.stream().collect(Collectors.toMap(ListenerAttribute::key, ListenerAttribute::value,
                (a, b) -> b, java.util.LinkedHashMap::new));
    }

    @Test
    void should_keep_the_default_certificate_apart_from_the_certificate_list() {
        String l = https();
        var added = w.elb.addListenerCertificates(r -> r.listenerArn(l).certificates(
                c -> c.certificateArn(cert(1)), c -> c.certificateArn(cert(1)), c -> c.certificateArn(CERT)))
                .certificates();
        assertThat(added).extracting(Certificate::certificateArn, Certificate::isDefault)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(cert(1), false));

        var all = w.elb.describeListenerCertificates(r -> r.listenerArn(l)).certificates();
        assertThat(all).extracting(Certificate::certificateArn).containsExactly(CERT, cert(1));
        assertThat(all).extracting(Certificate::isDefault).containsExactly(true, false);
        assertThat(w.elb.describeListeners(r -> r.listenerArns(l)).listeners().get(0).certificates())
                .extracting(Certificate::certificateArn).containsExactly(CERT);

        w.elb.removeListenerCertificates(r -> r.listenerArn(l).certificates(c -> c.certificateArn(cert(1))));
        assertThat(w.elb.describeListenerCertificates(r -> r.listenerArn(l)).certificates())
                .extracting(Certificate::certificateArn).containsExactly(CERT);
        assertThat(w.engine.journal().entries()).filteredOn(e -> l.equals(e.subject()) && e.detail("certificate") != null)
                .extracting(e -> e.detail("certificate") + " " + e.detail("certificateArn"))
                .containsExactly("added " + cert(1), "removed " + cert(1));
    }

    @Test
    void should_page_listener_certificates() {
        String l = https();
        w.elb.addListenerCertificates(r -> r.listenerArn(l).certificates(c -> c.certificateArn(cert(1)),
                c -> c.certificateArn(cert(2))));
        var first = w.elb.describeListenerCertificates(r -> r.listenerArn(l).pageSize(2));
        assertThat(first.certificates()).hasSize(2);
        var second = w.elb.describeListenerCertificates(r -> r.listenerArn(l).pageSize(2).marker(first.nextMarker()));
        assertThat(second.certificates()).extracting(Certificate::certificateArn).containsExactly(cert(2));
        assertThat(second.nextMarker()).isNull();
    }

    @Test
    void should_refuse_removing_the_default_unknown_certificates_and_more_than_25() {
        String l = https();
        assertThatThrownBy(() -> w.elb.removeListenerCertificates(r -> r.listenerArn(l)
                .certificates(c -> c.certificateArn(CERT))))
                .isInstanceOf(OperationNotPermittedException.class)
                .hasMessageStartingWith("The default certificate cannot be removed");
        assertThatThrownBy(() -> w.elb.addListenerCertificates(r -> r.listenerArn(l)
                .certificates(c -> c.certificateArn("not-an-arn"))))
                .isInstanceOf(CertificateNotFoundException.class)
                .hasMessageStartingWith("Certificate 'not-an-arn' not found");
        for (int i = 0; i < 25; i++) {
            int n = i;
            w.elb.addListenerCertificates(r -> r.listenerArn(l).certificates(c -> c.certificateArn(cert(n))));
        }
        assertThatThrownBy(() -> w.elb.addListenerCertificates(r -> r.listenerArn(l)
                .certificates(c -> c.certificateArn(cert(99)))))
                .isInstanceOf(TooManyCertificatesException.class)
                .hasMessageStartingWith("You've reached the limit on the number of certificates per load balancer");
        String http = w.listener(lb, 80, tg);
        assertThatThrownBy(() -> w.elb.addListenerCertificates(r -> r.listenerArn(http)
                .certificates(c -> c.certificateArn(cert(1)))))
                .isInstanceOf(InvalidConfigurationRequestException.class);
        assertThatThrownBy(() -> w.elb.describeListenerCertificates(r -> r.listenerArn(http + "0")))
                .isInstanceOf(ListenerNotFoundException.class);
    }

    @Test
    void should_describe_listener_attributes_with_aws_defaults_per_protocol() {
        Map<String, String> http = asMap(w.elb.describeListenerAttributes(r -> r.listenerArn(w.listener(lb, 80, tg)))
                .attributes());
        assertThat(http).containsEntry("routing.http.response.server.enabled", "true")
                .containsEntry("routing.http.response.strict_transport_security.header_value", "")
                .doesNotContainKey("routing.http.request.x_amzn_tls_version.header_name")
                .doesNotContainKey("tcp.idle_timeout.seconds");
        Map<String, String> tls = asMap(w.elb.describeListenerAttributes(r -> r.listenerArn(https())).attributes());
        assertThat(tls).containsEntry("routing.http.request.x_amzn_tls_version.header_name", "X-Amzn-Tls-Version")
                .hasSize(http.size() + 8);

        String nlb = w.elb.createLoadBalancer(r -> r.name("net").type("network").subnets("subnet-us-east-1a"))
                .loadBalancers().get(0).loadBalancerArn();
        String tcpGroup = w.elb.createTargetGroup(r -> r.name("tcp").protocol("TCP").port(80).vpcId("vpc-1")
                .targetType("ip")).targetGroups().get(0).targetGroupArn();
        String tcp = w.elb.createListener(r -> r.loadBalancerArn(nlb).protocol("TCP").port(80)
                .defaultActions(a -> a.type("forward").targetGroupArn(tcpGroup))).listeners().get(0).listenerArn();
        assertThat(asMap(w.elb.describeListenerAttributes(r -> r.listenerArn(tcp)).attributes()))
                .containsExactly(Map.entry("tcp.idle_timeout.seconds", "350"));
    }

    @Test
    void should_modify_listener_attributes_and_refuse_keys_the_listener_has_not() {
        String l = w.listener(lb, 80, tg);
        var after = asMap(w.elb.modifyListenerAttributes(r -> r.listenerArn(l).attributes(
                a -> a.key("routing.http.response.server.enabled").value("false"),
                a -> a.key("routing.http.response.x_frame_options.header_value").value("DENY"))).attributes());
        assertThat(after).containsEntry("routing.http.response.server.enabled", "false")
                .containsEntry("routing.http.response.x_frame_options.header_value", "DENY");
        assertThat(asMap(w.elb.describeListenerAttributes(r -> r.listenerArn(l)).attributes())).isEqualTo(after);

        assertThatThrownBy(() -> w.elb.modifyListenerAttributes(r -> r.listenerArn(l)
                .attributes(a -> a.key("tcp.idle_timeout.seconds").value("60"))))
                .isInstanceOf(InvalidConfigurationRequestException.class)
                .hasMessageStartingWith("Key tcp.idle_timeout.seconds not valid");
        assertThatThrownBy(() -> w.elb.modifyListenerAttributes(r -> r.listenerArn(l)
                .attributes(a -> a.key("routing.http.response.server.enabled").value("yes"))))
                .hasMessageStartingWith("'routing.http.response.server.enabled' value 'yes' must be one of 'true', "
                        + "'false'");
    }

    @Test
    void should_check_ssl_policies_and_default_them_on_https_listeners() {
        String l = https();
        assertThat(w.elb.describeListeners(r -> r.listenerArns(l)).listeners().get(0).sslPolicy())
                .isEqualTo("ELBSecurityPolicy-2016-08");
        assertThatThrownBy(() -> w.elb.modifyListener(r -> r.listenerArn(l).sslPolicy("MyPolicy")))
                .isInstanceOf(SslPolicyNotFoundException.class)
                .hasMessageStartingWith("SSL policy 'MyPolicy' not found");
        var modified = w.elb.modifyListener(r -> r.listenerArn(l).sslPolicy("ELBSecurityPolicy-TLS13-1-2-2021-06"))
                .listeners().get(0);
        assertThat(modified.sslPolicy()).isEqualTo("ELBSecurityPolicy-TLS13-1-2-2021-06");
    }
}
