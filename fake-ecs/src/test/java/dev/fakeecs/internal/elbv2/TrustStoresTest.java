package dev.fakeecs.internal.elbv2;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteAssociationSameAccountException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DuplicateTrustStoreNameException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.InvalidConfigurationRequestException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.MutualAuthenticationAttributes;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ResourceNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RevocationIdNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TrustStore;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TrustStoreAssociation;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TrustStoreAssociationNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TrustStoreInUseException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TrustStoreNotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Trust stores, revocations, associations through listeners' mutual TLS, resource policies. */
class TrustStoresTest {

    private static final String CERT = "arn:aws:acm:us-east-1:123456789012:certificate/aaaa";

    private final ElbWorld w = new ElbWorld();

    private String trustStore(String name) {
        return w.elb.createTrustStore(r -> r.name(name).caCertificatesBundleS3Bucket("certs")
                .caCertificatesBundleS3Key("ca.pem").tags(t -> t.key("team").value("edge")))
                .trustStores().get(0).trustStoreArn();
    }

    private String verifyingListener(String lb, String tg, String ts) {
        return w.elb.createListener(r -> r.loadBalancerArn(lb).protocol("HTTPS").port(443)
                .certificates(c -> c.certificateArn(CERT)).defaultActions(a -> a.type("forward").targetGroupArn(tg))
                .mutualAuthentication(m -> m.mode("verify").trustStoreArn(ts))).listeners().get(0).listenerArn();
    }

    @Test
    void should_create_describe_modify_and_delete_a_trust_store() {
        String ts = trustStore("clients");
        assertThat(ts).matches("arn:aws:elasticloadbalancing:us-east-1:123456789012:truststore/clients/[0-9a-f]{16}");
        TrustStore shown = w.elb.describeTrustStores(r -> r.names("clients")).trustStores().get(0);
        assertThat(shown.statusAsString()).isEqualTo("ACTIVE");
        assertThat(shown.numberOfCaCertificates()).isEqualTo(1);
        assertThat(shown.totalRevokedEntries()).isZero();
        assertThat(w.elb.describeTags(r -> r.resourceArns(ts)).tagDescriptions().get(0).tags())
                .extracting(t -> t.key() + "=" + t.value()).containsExactly("team=edge");
        assertThat(w.elb.getTrustStoreCaCertificatesBundle(r -> r.trustStoreArn(ts)).location())
                .isEqualTo("https://certs.s3.us-east-1.amazonaws.com/ca.pem");

        w.elb.modifyTrustStore(r -> r.trustStoreArn(ts).caCertificatesBundleS3Bucket("certs")
                .caCertificatesBundleS3Key("ca-2.pem").caCertificatesBundleS3ObjectVersion("v2"));
        assertThat(w.elb.getTrustStoreCaCertificatesBundle(r -> r.trustStoreArn(ts)).location())
                .isEqualTo("https://certs.s3.us-east-1.amazonaws.com/ca-2.pem?versionId=v2");

        assertThatThrownBy(() -> trustStore("clients"))
                .isInstanceOf(DuplicateTrustStoreNameException.class)
                .hasMessageStartingWith("A trust store with the specified name already exists.");
        w.elb.deleteTrustStore(r -> r.trustStoreArn(ts));
        assertThat(w.elb.describeTrustStores(r -> r.pageSize(10)).trustStores()).isEmpty();
        assertThatThrownBy(() -> w.elb.describeTrustStores(r -> r.trustStoreArns(ts)))
                .isInstanceOf(TrustStoreNotFoundException.class)
                .hasMessageStartingWith("The specified trust store does not exist.");
    }

    @Test
    void should_keep_revocation_lists_by_id() {
        String ts = trustStore("clients");
        var added = w.elb.addTrustStoreRevocations(r -> r.trustStoreArn(ts).revocationContents(
                c -> c.s3Bucket("certs").s3Key("crl-1.pem"), c -> c.s3Bucket("certs").s3Key("crl-2.pem")
                        .s3ObjectVersion("7"))).trustStoreRevocations();
        assertThat(added).extracting(x -> x.revocationId() + "/" + x.revocationTypeAsString())
                .containsExactly("1/CRL", "2/CRL");
        assertThat(w.elb.getTrustStoreRevocationContent(r -> r.trustStoreArn(ts).revocationId(2L)).location())
                .isEqualTo("https://certs.s3.us-east-1.amazonaws.com/crl-2.pem?versionId=7");

        w.elb.removeTrustStoreRevocations(r -> r.trustStoreArn(ts).revocationIds(1L));
        assertThat(w.elb.describeTrustStoreRevocations(r -> r.trustStoreArn(ts)).trustStoreRevocations())
                .extracting(x -> x.revocationId()).containsExactly(2L);
        assertThatThrownBy(() -> w.elb.removeTrustStoreRevocations(r -> r.trustStoreArn(ts).revocationIds(1L)))
                .isInstanceOf(RevocationIdNotFoundException.class)
                .hasMessageStartingWith("The specified revocation ID does not exist.");
    }

    @Test
    void should_associate_a_trust_store_with_load_balancers_whose_listeners_verify_with_it() {
        String ts = trustStore("clients");
        String lb = w.alb("web");
        String tg = w.ipGroup("blue");
        String l = verifyingListener(lb, tg, ts);

        MutualAuthenticationAttributes m = w.elb.describeListeners(r -> r.listenerArns(l)).listeners().get(0)
                .mutualAuthentication();
        assertThat(m.mode()).isEqualTo("verify");
        assertThat(m.trustStoreArn()).isEqualTo(ts);
        assertThat(m.ignoreClientCertificateExpiry()).isFalse();
        assertThat(m.advertiseTrustStoreCaNamesAsString()).isEqualTo("off");
        assertThat(m.trustStoreAssociationStatusAsString()).isEqualTo("active");
        assertThat(w.elb.describeTrustStoreAssociations(r -> r.trustStoreArn(ts)).trustStoreAssociations())
                .extracting(TrustStoreAssociation::resourceArn).containsExactly(lb);

        assertThatThrownBy(() -> w.elb.deleteTrustStore(r -> r.trustStoreArn(ts)))
                .isInstanceOf(TrustStoreInUseException.class);
        assertThatThrownBy(() -> w.elb.deleteSharedTrustStoreAssociation(r -> r.trustStoreArn(ts).resourceArn(lb)))
                .isInstanceOf(DeleteAssociationSameAccountException.class)
                .hasMessageStartingWith("The specified association can't be within the same account.");
        String foreign = lb.replace("123456789012", "210987654321");
        assertThatThrownBy(() -> w.elb.deleteSharedTrustStoreAssociation(r -> r.trustStoreArn(ts)
                .resourceArn(foreign)))
                .isInstanceOf(TrustStoreAssociationNotFoundException.class);

        w.elb.modifyListener(r -> r.listenerArn(l).mutualAuthentication(x -> x.mode("off")));
        assertThat(w.elb.describeTrustStoreAssociations(r -> r.trustStoreArn(ts)).trustStoreAssociations()).isEmpty();
        w.elb.deleteTrustStore(r -> r.trustStoreArn(ts));
    }

    @Test
    void should_check_mutual_authentication_settings() {
        String lb = w.alb("web");
        String tg = w.ipGroup("blue");
        assertThatThrownBy(() -> w.elb.createListener(r -> r.loadBalancerArn(lb).protocol("HTTPS").port(443)
                .certificates(c -> c.certificateArn(CERT)).defaultActions(a -> a.type("forward").targetGroupArn(tg))
                .mutualAuthentication(m -> m.mode("verify"))))
                .isInstanceOf(InvalidConfigurationRequestException.class)
                .hasMessageStartingWith("A trust store must be specified in 'verify' mode");
        String missing = "arn:aws:elasticloadbalancing:us-east-1:123456789012:truststore/x/0123456789abcdef";
        assertThatThrownBy(() -> verifyingListener(lb, tg, missing)).isInstanceOf(TrustStoreNotFoundException.class);
        assertThatThrownBy(() -> w.elb.createListener(r -> r.loadBalancerArn(lb).protocol("HTTP").port(80)
                .defaultActions(a -> a.type("forward").targetGroupArn(tg))
                .mutualAuthentication(m -> m.mode("passthrough"))))
                .isInstanceOf(InvalidConfigurationRequestException.class)
                .hasMessageStartingWith("Mutual authentication is supported only by HTTPS listeners");
    }

    @Test
    void should_answer_resource_not_found_for_a_resource_policy() {
        String ts = trustStore("clients");
        assertThatThrownBy(() -> w.elb.getResourcePolicy(r -> r.resourceArn(ts)))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("The specified resource does not exist.");
    }
}
