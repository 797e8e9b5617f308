package dev.fakeecs.internal.elbv2;

import dev.fakeecs.journal.JournalEventType;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ListenerAttribute;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Listener attributes (DescribeListenerAttributes, ModifyListenerAttributes), stored and returned: the keys and
 * defaults AWS documents per listener protocol. TCP listeners of network load balancers have
 * {@code tcp.idle_timeout.seconds} (350, 60–6000); HTTP and HTTPS listeners of application load balancers have the
 * response header keys (empty: header not added) and {@code routing.http.response.server.enabled} (true); HTTPS
 * listeners also the renamable mTLS/TLS request header names (default: AWS's header name). TLS, UDP and TCP_UDP
 * listeners have none. A key the listener does not have → {@code InvalidConfigurationRequest}.
 *
 * <pre>{@code
 * Map<String, String> defaults = ListenerAttributes.defaults("HTTPS");
 * List<ListenerAttribute> all = listenerAttributes.modify(listenerArn, changes);
 * }</pre>
 */
final class ListenerAttributes {

    static final String TCP_IDLE_TIMEOUT = "tcp.idle_timeout.seconds";
    static final String SERVER_HEADER = "routing.http.response.server.enabled";

    private static final String[][] MTLS_HEADERS = {
            {"routing.http.request.x_amzn_mtls_clientcert_serial_number.header_name",
                    "X-Amzn-Mtls-Clientcert-Serial-Number"},
            {"routing.http.request.x_amzn_mtls_clientcert_issuer.header_name", "X-Amzn-Mtls-Clientcert-Issuer"},
            {"routing.http.request.x_amzn_mtls_clientcert_subject.header_name", "X-Amzn-Mtls-Clientcert-Subject"},
            {"routing.http.request.x_amzn_mtls_clientcert_validity.header_name", "X-Amzn-Mtls-Clientcert-Validity"},
            {"routing.http.request.x_amzn_mtls_clientcert_leaf.header_name", "X-Amzn-Mtls-Clientcert-Leaf"},
            {"routing.http.request.x_amzn_mtls_clientcert.header_name", "X-Amzn-Mtls-Clientcert"},
            {"routing.http.request.x_amzn_tls_version.header_name", "X-Amzn-Tls-Version"},
            {"routing.http.request.x_amzn_tls_cipher_suite.header_name", "X-Amzn-Tls-Cipher-Suite"},
    };
    private static final List<String> RESPONSE_HEADERS = List.of(
            "routing.http.response.strict_transport_security.header_value",
            "routing.http.response.access_control_allow_origin.header_value",
            "routing.http.response.access_control_allow_methods.header_value",
            "routing.http.response.access_control_allow_headers.header_value",
            "routing.http.response.access_control_allow_credentials.header_value",
            "routing.http.response.access_control_expose_headers.header_value",
            "routing.http.response.access_control_max_age.header_value",
            "routing.http.response.content_security_policy.header_value",
            "routing.http.response.x_content_type_options.header_value",
            "routing.http.response.x_frame_options.header_value");

    private final ElbResources resources;

    ListenerAttributes(ElbResources resources) {
        this.resources = resources;
    }

    /** Every key a listener of this protocol has, with AWS's default, in the order Describe lists them. */
    static Map<String, String> defaults(String protocol) {
        Map<String, String> a = new LinkedHashMap<>();
        if ("TCP".equals(protocol)) {
            a.put(TCP_IDLE_TIMEOUT, "350");
        } else if ("HTTP".equals(protocol) || "HTTPS".equals(protocol)) {
            if ("HTTPS".equals(protocol)) {
                for (String[] h : MTLS_HEADERS) {
                    a.put(h[0], h[1]);
                }
            }
            for (String key : RESPONSE_HEADERS) {
                a.put(key, "");
            }
            a.put(SERVER_HEADER, "true");
        }
        return a;
    }

    /** The listener's attributes: defaults for its current protocol, overlaid with what was set. */
    static Map<String, String> current(ListenerRecord l) {
        Map<String, String> a = defaults(l.protocol);
        l.attributes.forEach((k, v) -> {
            if (a.containsKey(k)) {
                a.put(k, v);
            }
        });
        return a;
    }

    List<ListenerAttribute> describe(String listenerArn) {
        return render(current(resources.listener(listenerArn)));
    }

    List<ListenerAttribute> modify(String listenerArn, List<ListenerAttribute> changes) {
        ListenerRecord l = resources.listener(listenerArn);
        if (changes == null || changes.isEmpty()) {
            throw ElbErrors.validation("At least one attribute must be specified");
        }
        Map<String, String> now = current(l);
        for (ListenerAttribute a : changes) {
            check(a.key(), a.value() == null ? "" : a.value(), now);
        }
        List<String> kv = new ArrayList<>();
        for (ListenerAttribute a : changes) {
            String v = a.value() == null ? "" : a.value();
            l.attributes.put(a.key(), v);
            kv.add(a.key());
            kv.add(v);
        }
        resources.region().record(JournalEventType.LOAD_BALANCER, l.arn, kv.toArray(String[]::new));
        return render(current(l));
    }

    private static void check(String key, String v, Map<String, String> now) {
        AttributeValues.known(key, now);
        if (TCP_IDLE_TIMEOUT.equals(key)) {
            AttributeValues.between(key, v, 60, 6000);
        } else if (SERVER_HEADER.equals(key)) {
            AttributeValues.oneOf(key, v, List.of("true", "false"));
        } else if (key.endsWith(".header_name")) {
            if (v.isEmpty() || v.length() > 40 || !v.matches("[A-Za-z0-9-]+")) {
                throw ElbErrors.validation("'" + key + "' value '" + v + "' must be 1-40 characters: letters, "
                        + "digits and hyphens");
            }
        } else if (v.length() > 1000) {
            throw ElbErrors.validation("'" + key + "' value cannot be longer than 1000 characters");
        }
    }

    private static List<ListenerAttribute> render(Map<String, String> attributes) {
        List<ListenerAttribute> out = new ArrayList<>();
        attributes.forEach((k, v) -> out.add(ListenerAttribute.builder().key(k).value(v).build()));
        return out;
    }
}
