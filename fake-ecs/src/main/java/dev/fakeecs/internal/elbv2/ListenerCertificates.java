package dev.fakeecs.internal.elbv2;

import dev.fakeecs.journal.JournalEventType;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Certificate;

import java.util.ArrayList;
import java.util.List;

/**
 * The certificates of HTTPS and TLS listeners: the default certificate (CreateListener, ModifyListener; exactly
 * one) is kept apart from the certificate list (AddListenerCertificates, RemoveListenerCertificates) and
 * DescribeListenerCertificates shows both, the default one with {@code IsDefault=true}. Certificates must be ACM
 * or IAM server certificate ARNs ({@code CertificateNotFound} otherwise: there is no certificate store to look in);
 * at most {@link #MAX_CERTIFICATES} in the lists of one load balancer's listeners ({@code TooManyCertificates});
 * adding a certificate already there adds nothing; the default certificate cannot be removed.
 *
 * <pre>{@code
 * certificates.add(listenerArn, List.of(Certificate.builder().certificateArn(acmArn).build()));
 * List<Certificate> all = certificates.describe(listenerArn);
 * }</pre>
 */
final class ListenerCertificates {

    /** Certificates per load balancer, the default certificates not counted (neighbours.md 1.5). */
    static final int MAX_CERTIFICATES = 25;

    private final ElbResources resources;

    ListenerCertificates(ElbResources resources) {
        this.resources = resources;
    }

    /** Checks a certificate ARN's form: {@code arn:aws:acm:...:certificate/...} or {@code arn:aws:iam::...:server-certificate/...}. */
    static void checkArn(String arn) {
        if (arn == null || arn.isEmpty()) {
            throw ElbErrors.validation("A certificate ARN must be specified");
        }
        if (!arn.matches("arn:aws[a-z-]*:acm:[a-z0-9-]+:\\d{12}:certificate/.+")
                && !arn.matches("arn:aws[a-z-]*:iam::\\d{12}:server-certificate/.+")) {
            throw ElbErrors.of("CertificateNotFound", "Certificate '" + arn + "' not found");
        }
    }

    /** The default certificate of a CreateListener/ModifyListener request: exactly one, well formed. */
    static List<Certificate> checkDefault(List<Certificate> given) {
        if (given.size() > 1) {
            throw ElbErrors.validation("Only one default certificate can be specified for a listener; add others "
                    + "with AddListenerCertificates");
        }
        List<Certificate> out = new ArrayList<>();
        for (Certificate c : given) {
            checkArn(c.certificateArn());
            out.add(Certificate.builder().certificateArn(c.certificateArn()).build());
        }
        return out;
    }

    List<Certificate> describe(String listenerArn) {
        ListenerRecord l = resources.listener(listenerArn);
        List<Certificate> out = new ArrayList<>();
        for (Certificate c : l.certificates) {
            out.add(Certificate.builder().certificateArn(c.certificateArn()).isDefault(true).build());
        }
        out.addAll(l.extraCertificates);
        return out;
    }

    List<Certificate> add(String listenerArn, List<Certificate> certificates) {
        ListenerRecord l = resources.listener(listenerArn);
        if (!"HTTPS".equals(l.protocol) && !"TLS".equals(l.protocol)) {
            throw ElbErrors.invalidConfiguration("Certificates can only be added to HTTPS and TLS listeners");
        }
        if (certificates == null || certificates.isEmpty()) {
            throw ElbErrors.validation("At least one certificate must be specified");
        }
        List<Certificate> added = new ArrayList<>();
        for (Certificate c : certificates) {
            checkArn(c.certificateArn());
            if (!holds(l, c.certificateArn()) && added.stream()
                    .noneMatch(a -> a.certificateArn().equals(c.certificateArn()))) {
                added.add(Certificate.builder().certificateArn(c.certificateArn()).isDefault(false).build());
            }
        }
        int inUse = 0;
        for (ListenerRecord other : resources.listenersOf(l.loadBalancerArn)) {
            inUse += other.extraCertificates.size();
        }
        if (inUse + added.size() > MAX_CERTIFICATES) {
            throw ElbErrors.of("TooManyCertificates", "You've reached the limit on the number of certificates per "
                    + "load balancer");
        }
        l.extraCertificates.addAll(added);
        for (Certificate c : added) {
            resources.region().record(JournalEventType.LOAD_BALANCER, l.arn, "certificate", "added",
                    "certificateArn", c.certificateArn());
        }
        return List.copyOf(l.extraCertificates);
    }

    void remove(String listenerArn, List<Certificate> certificates) {
        ListenerRecord l = resources.listener(listenerArn);
        if (certificates == null || certificates.isEmpty()) {
            throw ElbErrors.validation("At least one certificate must be specified");
        }
        for (Certificate c : certificates) {
            for (Certificate d : l.certificates) {
                if (d.certificateArn().equals(c.certificateArn())) {
                    throw ElbErrors.of("OperationNotPermitted", "The default certificate cannot be removed; use "
                            + "ModifyListener to replace it");
                }
            }
        }
        for (Certificate c : certificates) {
            if (l.extraCertificates.removeIf(e -> e.certificateArn().equals(c.certificateArn()))) {
                resources.region().record(JournalEventType.LOAD_BALANCER, l.arn, "certificate", "removed",
                        "certificateArn", c.certificateArn());
            }
        }
    }

    private static boolean holds(ListenerRecord l, String arn) {
        return l.certificates.stream().anyMatch(c -> arn.equals(c.certificateArn()))
                || l.extraCertificates.stream().anyMatch(c -> arn.equals(c.certificateArn()));
    }
}
