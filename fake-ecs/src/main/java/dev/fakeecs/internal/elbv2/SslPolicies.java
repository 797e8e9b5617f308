package dev.fakeecs.internal.elbv2;

import software.amazon.awssdk.services.elasticloadbalancingv2.model.Cipher;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SslPolicy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Elastic Load Balancing's predefined security policies (DescribeSSLPolicies) and the check of a listener's
 * {@code SslPolicy}: a subset of AWS's table (the ELBSecurityPolicy-* policies Terraform, CDK and the console
 * use, with their protocols and ciphers in AWS's priority order; the post-quantum {@code -PQ-} policies differ
 * from their non-PQ twins only in key exchange, which the API does not show). {@code ELBSecurityPolicy-2016-08}
 * is the default of HTTPS and TLS listeners created through the API.
 *
 * <pre>{@code
 * SslPolicies.require("ELBSecurityPolicy-TLS13-1-2-2021-06");
 * List<SslPolicy> shown = SslPolicies.select(List.of(), "application");
 * }</pre>
 */
final class SslPolicies {

    static final String DEFAULT = "ELBSecurityPolicy-2016-08";

    private static final List<String> TLS13 = List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256");
    /** The 18 ciphers of ELBSecurityPolicy-2016-08, in priority order. */
    private static final List<String> CLASSIC = List.of("ECDHE-ECDSA-AES128-GCM-SHA256",
            "ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-ECDSA-AES128-SHA256", "ECDHE-RSA-AES128-SHA256",
            "ECDHE-ECDSA-AES128-SHA", "ECDHE-RSA-AES128-SHA", "ECDHE-ECDSA-AES256-GCM-SHA384",
            "ECDHE-RSA-AES256-GCM-SHA384", "ECDHE-ECDSA-AES256-SHA384", "ECDHE-RSA-AES256-SHA384",
            "ECDHE-RSA-AES256-SHA", "ECDHE-ECDSA-AES256-SHA", "AES128-GCM-SHA256", "AES128-SHA256", "AES128-SHA",
            "AES256-GCM-SHA384", "AES256-SHA256", "AES256-SHA");
    /** ELBSecurityPolicy-TLS-1-2-2017-01: the TLS 1.2 ciphers without SHA-1. */
    private static final List<String> TLS12 = List.of("ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256",
            "ECDHE-ECDSA-AES128-SHA256", "ECDHE-RSA-AES128-SHA256", "ECDHE-ECDSA-AES256-GCM-SHA384",
            "ECDHE-RSA-AES256-GCM-SHA384", "ECDHE-ECDSA-AES256-SHA384", "ECDHE-RSA-AES256-SHA384",
            "AES128-GCM-SHA256", "AES128-SHA256", "AES256-GCM-SHA384", "AES256-SHA256");
    /** Forward secrecy, restricted: ECDHE with AES-GCM only. */
    private static final List<String> FS_RES = List.of("ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256",
            "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-RSA-AES256-GCM-SHA384");
    private static final List<String> FS_12 = List.of("ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256",
            "ECDHE-ECDSA-AES128-SHA256", "ECDHE-RSA-AES128-SHA256", "ECDHE-ECDSA-AES128-SHA", "ECDHE-RSA-AES128-SHA",
            "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-RSA-AES256-GCM-SHA384", "ECDHE-ECDSA-AES256-SHA384",
            "ECDHE-RSA-AES256-SHA384", "ECDHE-RSA-AES256-SHA", "ECDHE-ECDSA-AES256-SHA");

    private record Entry(List<String> protocols, List<String> ciphers) {
    }

    private static final Map<String, Entry> TABLE = new LinkedHashMap<>();

    static {
        List<String> v10to12 = List.of("TLSv1", "TLSv1.1", "TLSv1.2");
        List<String> v11to12 = List.of("TLSv1.1", "TLSv1.2");
        List<String> v12 = List.of("TLSv1.2");
        List<String> v12to13 = List.of("TLSv1.2", "TLSv1.3");
        List<String> v10to13 = List.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");
        TABLE.put("ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09", new Entry(v12to13, concat(TLS13, FS_RES)));
        TABLE.put("ELBSecurityPolicy-TLS13-1-2-Res-2021-06", new Entry(v12to13, concat(TLS13, FS_RES)));
        TABLE.put("ELBSecurityPolicy-TLS13-1-2-2021-06", new Entry(v12to13, concat(TLS13, TLS12)));
        TABLE.put("ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06", new Entry(v12to13, concat(TLS13, TLS12)));
        TABLE.put("ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06", new Entry(v12to13, concat(TLS13, CLASSIC)));
        TABLE.put("ELBSecurityPolicy-TLS13-1-1-2021-06", new Entry(List.of("TLSv1.1", "TLSv1.2", "TLSv1.3"),
                concat(TLS13, CLASSIC)));
        TABLE.put("ELBSecurityPolicy-TLS13-1-0-2021-06", new Entry(v10to13, concat(TLS13, CLASSIC)));
        TABLE.put("ELBSecurityPolicy-TLS13-1-3-2021-06", new Entry(List.of("TLSv1.3"), TLS13));
        TABLE.put("ELBSecurityPolicy-TLS13-1-3-PQ-2025-09", new Entry(List.of("TLSv1.3"), TLS13));
        TABLE.put("ELBSecurityPolicy-TLS-1-2-Ext-2018-06", new Entry(v12, CLASSIC));
        TABLE.put("ELBSecurityPolicy-TLS-1-2-2017-01", new Entry(v12, TLS12));
        TABLE.put("ELBSecurityPolicy-TLS-1-1-2017-01", new Entry(v11to12, CLASSIC));
        TABLE.put("ELBSecurityPolicy-FS-1-2-Res-2020-10", new Entry(v12, FS_RES));
        TABLE.put("ELBSecurityPolicy-FS-1-2-Res-2019-08", new Entry(v12, TLS12.subList(0, 8)));
        TABLE.put("ELBSecurityPolicy-FS-1-2-2019-08", new Entry(v12, FS_12));
        TABLE.put("ELBSecurityPolicy-FS-1-1-2019-08", new Entry(v11to12, FS_12));
        TABLE.put("ELBSecurityPolicy-FS-2018-06", new Entry(v10to12, FS_12));
        TABLE.put(DEFAULT, new Entry(v10to12, CLASSIC));
        TABLE.put("ELBSecurityPolicy-2015-05", new Entry(v10to12, CLASSIC));
    }

    private SslPolicies() {
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }

    /** Whether the table has the policy. */
    static boolean exists(String name) {
        return TABLE.containsKey(name);
    }

    /** Throws {@code SSLPolicyNotFound} unless the policy is in the table. */
    static void require(String name) {
        if (name != null && !TABLE.containsKey(name)) {
            throw ElbErrors.of("SSLPolicyNotFound", "SSL policy '" + name + "' not found");
        }
    }

    /** DescribeSSLPolicies: the named policies (all when none), for a load balancer type when given. */
    static List<SslPolicy> select(List<String> names, String loadBalancerType) {
        if (loadBalancerType != null && !List.of("application", "network", "gateway").contains(loadBalancerType)) {
            throw ElbErrors.validation("Load balancer type '" + loadBalancerType + "' is not valid; valid values: "
                    + "application, network, gateway");
        }
        List<String> chosen = new ArrayList<>();
        if (names == null || names.isEmpty()) {
            chosen.addAll(TABLE.keySet());
        } else {
            for (String n : names) {
                if (!TABLE.containsKey(n)) {
                    throw ElbErrors.of("SSLPolicyNotFound", "One or more of the specified SSL policies were not "
                            + "found");
                }
                chosen.add(n);
            }
        }
        List<SslPolicy> out = new ArrayList<>();
        if ("gateway".equals(loadBalancerType)) {
            return out;
        }
        for (String name : chosen) {
            Entry e = TABLE.get(name);
            List<Cipher> ciphers = new ArrayList<>();
            for (int i = 0; i < e.ciphers().size(); i++) {
                ciphers.add(Cipher.builder().name(e.ciphers().get(i)).priority(i + 1).build());
            }
            out.add(SslPolicy.builder().name(name).sslProtocols(e.protocols()).ciphers(ciphers)
                    .supportedLoadBalancerTypes("application", "network").build());
        }
        return out;
    }
}
