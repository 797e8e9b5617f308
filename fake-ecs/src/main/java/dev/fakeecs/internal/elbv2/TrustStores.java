package dev.fakeecs.internal.elbv2;

import dev.fakeecs.journal.JournalEventType;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateTrustStoreRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTrustStoreRevocation;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.MutualAuthenticationAttributes;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RevocationContent;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TrustStore;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TrustStoreAssociation;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TrustStoreRevocation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Trust stores for mutual TLS on HTTPS listeners, stored and returned (no S3 object is read): CreateTrustStore
 * (name rules, {@code DuplicateTrustStoreName}, {@link #MAX_TRUST_STORES} per Region, status {@code ACTIVE} at
 * once), ModifyTrustStore (a new bundle reference), DeleteTrustStore (refused while a listener verifies clients
 * with it: {@code TrustStoreInUse}), DescribeTrustStores, the revocation lists (Add/Remove/Describe, ids from 1),
 * the associations (load balancers whose HTTPS listeners verify with the store), the bundle and revocation
 * locations (the S3 object's URL), and the check of a listener's {@code MutualAuthentication}. As nothing is read,
 * a bundle counts as one CA certificate and a revocation list as no revoked entries.
 *
 * <pre>{@code
 * TrustStoreRecord ts = trustStores.create(CreateTrustStoreRequest.builder().name("clients")
 *         .caCertificatesBundleS3Bucket("certs").caCertificatesBundleS3Key("ca.pem").build());
 * }</pre>
 */
final class TrustStores {

    /** Trust stores per Region. */
    static final int MAX_TRUST_STORES = 100;

    private final ElbResources resources;
    private final ElbTags tags;

    TrustStores(ElbResources resources, ElbTags tags) {
        this.resources = resources;
        this.tags = tags;
    }

    TrustStoreRecord create(CreateTrustStoreRequest r) {
        checkName(r.name());
        checkBundle(r.caCertificatesBundleS3Bucket(), r.caCertificatesBundleS3Key());
        List<Tag> given = r.tags();
        tags.check(given);
        for (TrustStoreRecord ts : resources.trustStores.values()) {
            if (ts.name.equals(r.name())) {
                throw ElbErrors.of("DuplicateTrustStoreName", "A trust store with the specified name already "
                        + "exists.");
            }
        }
        if (resources.trustStores.size() >= MAX_TRUST_STORES) {
            throw ElbErrors.of("TooManyTrustStores", "You've reached the limit on the number of trust stores for "
                    + "your AWS account");
        }
        TrustStoreRecord ts = new TrustStoreRecord(resources.trustStoreArn(r.name()), r.name());
        ts.bucket = r.caCertificatesBundleS3Bucket();
        ts.key = r.caCertificatesBundleS3Key();
        ts.version = r.caCertificatesBundleS3ObjectVersion();
        resources.trustStores.put(ts.arn, ts);
        if (r.hasTags()) {
            tags.add(List.of(ts.arn), given);
        }
        resources.region().record(JournalEventType.LOAD_BALANCER, ts.arn, "trustStore", "created",
                "bundle", "s3://" + ts.bucket + "/" + ts.key);
        return ts;
    }

    TrustStoreRecord modify(String arn, String bucket, String key, String version) {
        TrustStoreRecord ts = resources.trustStore(arn);
        checkBundle(bucket, key);
        ts.bucket = bucket;
        ts.key = key;
        ts.version = version;
        resources.region().record(JournalEventType.LOAD_BALANCER, arn, "trustStore", "modified",
                "bundle", "s3://" + bucket + "/" + key);
        return ts;
    }

    void delete(String arn) {
        TrustStoreRecord ts = resources.trustStore(arn);
        if (!associations(ts.arn).isEmpty()) {
            throw ElbErrors.of("TrustStoreInUse", "Trust store '" + arn + "' is in use by a listener and cannot "
                    + "be deleted");
        }
        resources.trustStores.remove(arn);
        tags.forget(arn);
        resources.region().record(JournalEventType.LOAD_BALANCER, arn, "trustStore", "deleted");
    }

    List<TrustStoreRecord> select(List<String> arns, List<String> names) {
        if (!arns.isEmpty() && !names.isEmpty()) {
            throw ElbErrors.validation("Trust store names and trust store ARNs cannot be specified at the same time");
        }
        List<TrustStoreRecord> out = new ArrayList<>();
        if (!arns.isEmpty()) {
            for (String arn : arns) {
                out.add(resources.trustStore(arn));
            }
        } else if (!names.isEmpty()) {
            for (String name : names) {
                out.add(resources.trustStores.values().stream().filter(ts -> ts.name.equals(name)).findFirst()
                        .orElseThrow(() -> ElbErrors.of("TrustStoreNotFound", "The specified trust store does not "
                                + "exist.")));
            }
        } else {
            out.addAll(resources.trustStores.values());
        }
        return out;
    }

    TrustStore render(TrustStoreRecord ts) {
        return TrustStore.builder().name(ts.name).trustStoreArn(ts.arn).status("ACTIVE").numberOfCaCertificates(1)
                .totalRevokedEntries(0L).build();
    }

    /** The load balancers whose HTTPS listeners verify clients with the trust store, in creation order. */
    List<TrustStoreAssociation> associations(String trustStoreArn) {
        Set<String> lbs = new LinkedHashSet<>();
        for (ListenerRecord l : resources.listeners.values()) {
            if (l.mutualAuthentication != null && trustStoreArn.equals(l.mutualAuthentication.trustStoreArn())) {
                lbs.add(l.loadBalancerArn);
            }
        }
        List<TrustStoreAssociation> out = new ArrayList<>();
        for (String lb : lbs) {
            out.add(TrustStoreAssociation.builder().resourceArn(lb).build());
        }
        return out;
    }

    /** DescribeTrustStoreAssociations: the trust store must exist. */
    List<TrustStoreAssociation> describeAssociations(String trustStoreArn) {
        return associations(resources.trustStore(trustStoreArn).arn);
    }

    /**
     * DeleteSharedTrustStoreAssociation removes another account's association with a shared trust store; this
     * world has one account, so a resource of this account is refused and any other has no association.
     */
    void deleteSharedAssociation(String trustStoreArn, String resourceArn) {
        resources.trustStore(trustStoreArn);
        String account = resources.region().engine().accountId();
        if (resourceArn != null && resourceArn.contains(":" + account + ":")) {
            throw ElbErrors.of("DeleteAssociationSameAccount", "The specified association can't be within the same "
                    + "account.");
        }
        throw ElbErrors.of("AssociationNotFound", "The specified association does not exist.");
    }

    List<TrustStoreRevocation> addRevocations(String arn, List<RevocationContent> contents) {
        TrustStoreRecord ts = resources.trustStore(arn);
        if (contents == null || contents.isEmpty()) {
            throw ElbErrors.validation("At least one revocation content must be specified");
        }
        for (RevocationContent c : contents) {
            if (c.s3Bucket() == null || c.s3Bucket().isEmpty() || c.s3Key() == null || c.s3Key().isEmpty()) {
                throw ElbErrors.of("InvalidRevocationContent", "The revocation content must name an S3 bucket and "
                        + "key");
            }
            if (c.revocationTypeAsString() != null && !"CRL".equals(c.revocationTypeAsString())) {
                throw ElbErrors.validation("Revocation type '" + c.revocationTypeAsString() + "' is not valid; "
                        + "valid values: CRL");
            }
        }
        List<TrustStoreRevocation> out = new ArrayList<>();
        for (RevocationContent c : contents) {
            TrustStoreRecord.Revocation rev = new TrustStoreRecord.Revocation(ts.nextRevocationId++, c.s3Bucket(),
                    c.s3Key(), c.s3ObjectVersion(), "CRL");
            ts.revocations.put(rev.id(), rev);
            out.add(TrustStoreRevocation.builder().trustStoreArn(arn).revocationId(rev.id()).revocationType("CRL")
                    .numberOfRevokedEntries(0L).build());
            resources.region().record(JournalEventType.LOAD_BALANCER, arn, "revocation", "added",
                    "revocationId", String.valueOf(rev.id()));
        }
        return out;
    }

    void removeRevocations(String arn, List<Long> ids) {
        TrustStoreRecord ts = resources.trustStore(arn);
        if (ids == null || ids.isEmpty()) {
            throw ElbErrors.validation("At least one revocation ID must be specified");
        }
        for (Long id : ids) {
            if (!ts.revocations.containsKey(id)) {
                throw revocationNotFound();
            }
        }
        for (Long id : ids) {
            ts.revocations.remove(id);
            resources.region().record(JournalEventType.LOAD_BALANCER, arn, "revocation", "removed",
                    "revocationId", String.valueOf(id));
        }
    }

    List<DescribeTrustStoreRevocation> describeRevocations(String arn, List<Long> ids) {
        TrustStoreRecord ts = resources.trustStore(arn);
        List<TrustStoreRecord.Revocation> chosen = new ArrayList<>();
        if (ids == null || ids.isEmpty()) {
            chosen.addAll(ts.revocations.values());
        } else {
            for (Long id : ids) {
                TrustStoreRecord.Revocation rev = ts.revocations.get(id);
                if (rev == null) {
                    throw revocationNotFound();
                }
                chosen.add(rev);
            }
        }
        List<DescribeTrustStoreRevocation> out = new ArrayList<>();
        for (TrustStoreRecord.Revocation rev : chosen) {
            out.add(DescribeTrustStoreRevocation.builder().trustStoreArn(arn).revocationId(rev.id())
                    .revocationType(rev.type()).numberOfRevokedEntries(0L).build());
        }
        return out;
    }

    /** The CA certificates bundle's location: the URL of the S3 object the trust store was given. */
    String bundleLocation(String arn) {
        TrustStoreRecord ts = resources.trustStore(arn);
        return location(ts.bucket, ts.key, ts.version);
    }

    String revocationLocation(String arn, Long id) {
        TrustStoreRecord ts = resources.trustStore(arn);
        TrustStoreRecord.Revocation rev = id == null ? null : ts.revocations.get(id);
        if (rev == null) {
            throw revocationNotFound();
        }
        return location(rev.bucket(), rev.key(), rev.version());
    }

    private String location(String bucket, String key, String version) {
        return "https://" + bucket + ".s3." + resources.region().name() + ".amazonaws.com/" + key
                + (version == null ? "" : "?versionId=" + version);
    }

    /**
     * A listener's mutual TLS settings, normalised as DescribeListeners returns them: mode {@code off} (default),
     * {@code passthrough} or {@code verify}; only {@code verify} takes a trust store, which must exist, and then
     * shows {@code IgnoreClientCertificateExpiry=false}, {@code AdvertiseTrustStoreCaNames=off} unless given and
     * {@code TrustStoreAssociationStatus=active}. HTTPS listeners only.
     */
    MutualAuthenticationAttributes checkMutualAuthentication(String protocol, MutualAuthenticationAttributes m) {
        if (m == null) {
            return null;
        }
        String mode = m.mode() == null ? "off" : m.mode();
        if (!List.of("off", "passthrough", "verify").contains(mode)) {
            throw ElbErrors.validation("Mutual authentication mode '" + mode + "' is not valid; valid values: off, "
                    + "passthrough, verify");
        }
        if (!"HTTPS".equals(protocol) && !"off".equals(mode)) {
            throw ElbErrors.invalidConfiguration("Mutual authentication is supported only by HTTPS listeners");
        }
        if (!"verify".equals(mode)) {
            if (m.trustStoreArn() != null || m.ignoreClientCertificateExpiry() != null
                    || m.advertiseTrustStoreCaNamesAsString() != null) {
                throw ElbErrors.invalidConfiguration("A trust store and its options can only be specified in "
                        + "'verify' mode");
            }
            return MutualAuthenticationAttributes.builder().mode(mode).build();
        }
        if (m.trustStoreArn() == null) {
            throw ElbErrors.invalidConfiguration("A trust store must be specified in 'verify' mode");
        }
        resources.trustStore(m.trustStoreArn());
        String advertise = m.advertiseTrustStoreCaNamesAsString() == null ? "off" : m.advertiseTrustStoreCaNamesAsString();
        if (!List.of("on", "off").contains(advertise)) {
            throw ElbErrors.validation("AdvertiseTrustStoreCaNames '" + advertise + "' is not valid; valid values: "
                    + "on, off");
        }
        return MutualAuthenticationAttributes.builder().mode(mode).trustStoreArn(m.trustStoreArn())
                .ignoreClientCertificateExpiry(Boolean.TRUE.equals(m.ignoreClientCertificateExpiry()))
                .advertiseTrustStoreCaNames(advertise).trustStoreAssociationStatus("active").build();
    }

    private static void checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw ElbErrors.validation("A trust store name must be specified");
        }
        if (name.length() > 32) {
            throw ElbErrors.validation("Trust store name '" + name + "' cannot be longer than '32' characters");
        }
        if (!name.matches("[a-zA-Z0-9-]+") || name.startsWith("-") || name.endsWith("-")) {
            throw ElbErrors.validation("Trust store name '" + name + "' can only contain alphanumeric characters "
                    + "and hyphens, and cannot begin or end with a hyphen");
        }
    }

    private static void checkBundle(String bucket, String key) {
        if (bucket == null || bucket.isEmpty() || key == null || key.isEmpty()) {
            throw ElbErrors.of("InvalidCaCertificatesBundle", "The CA certificates bundle must name an S3 bucket and "
                    + "key");
        }
    }

    private static RuntimeException revocationNotFound() {
        return ElbErrors.of("RevocationIdNotFound", "The specified revocation ID does not exist.");
    }
}
