package dev.fakeecs.internal.elbv2;

import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleTransform;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks listener rule transforms (CreateRule, ModifyRule): application load balancers only, type
 * {@code host-header-rewrite} with a {@code HostHeaderRewriteConfig} or {@code url-rewrite} with a
 * {@code UrlRewriteConfig}, at most one transform of each type. Transforms are stored and returned; requests are
 * not rewritten (the traffic model has no hosts or paths).
 *
 * <pre>{@code
 * RuleTransforms.check(lb, request.transforms());
 * }</pre>
 */
final class RuleTransforms {

    private RuleTransforms() {
    }

    static void check(LoadBalancerRecord lb, List<RuleTransform> transforms) {
        if (transforms == null || transforms.isEmpty()) {
            return;
        }
        if (!lb.isApplication()) {
            throw ElbErrors.invalidConfiguration("Rule transforms are supported only by application load balancers");
        }
        Set<String> seen = new HashSet<>();
        for (RuleTransform t : transforms) {
            String type = t.typeAsString();
            if (!"host-header-rewrite".equals(type) && !"url-rewrite".equals(type)) {
                throw ElbErrors.validation("Transform type '" + type + "' is not valid; valid values: "
                        + "host-header-rewrite, url-rewrite");
            }
            boolean hostConfig = t.hostHeaderRewriteConfig() != null;
            boolean urlConfig = t.urlRewriteConfig() != null;
            if ("host-header-rewrite".equals(type) ? !hostConfig || urlConfig : !urlConfig || hostConfig) {
                throw ElbErrors.validation("A '" + type + "' transform needs exactly its own configuration ("
                        + ("host-header-rewrite".equals(type) ? "HostHeaderRewriteConfig" : "UrlRewriteConfig") + ")");
            }
            if (!seen.add(type)) {
                throw ElbErrors.validation("Only one '" + type + "' transform can be specified per rule");
            }
        }
    }
}
