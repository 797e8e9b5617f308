package dev.fakeecs.internal.elbv2;

import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition;

import java.util.List;
import java.util.Set;

/**
 * Checks rule conditions: fields host-header, path-pattern, http-header, http-request-method, query-string and
 * source-ip, each with values (or its config), at most 5 values per rule in all. Conditions are stored and
 * echoed as given; the traffic model does not evaluate them (requests take the listener's default action).
 *
 * <pre>{@code
 * Conditions.check(request.conditions());
 * }</pre>
 */
final class Conditions {

    static final int MAX_VALUES = 5;
    private static final Set<String> FIELDS = Set.of("host-header", "path-pattern", "http-header",
            "http-request-method", "query-string", "source-ip");

    private Conditions() {
    }

    static void check(List<RuleCondition> conditions) {
        if (conditions == null || conditions.isEmpty()) {
            throw ElbErrors.validation("A rule must have at least one condition");
        }
        int values = 0;
        for (RuleCondition c : conditions) {
            if (c.field() == null || !FIELDS.contains(c.field())) {
                throw ElbErrors.validation("Condition field '" + c.field() + "' is not valid; valid values: "
                        + "host-header, path-pattern, http-header, http-request-method, query-string, source-ip");
            }
            int n = count(c);
            if (n == 0) {
                throw ElbErrors.validation("A condition value must be specified for the '" + c.field() + "' field");
            }
            values += n;
        }
        if (values > MAX_VALUES) {
            throw ElbErrors.validation(
                    "A rule can only have '" + MAX_VALUES + "' condition values");
        }
    }

    private static int count(RuleCondition c) {
        int n = (c.hasValues() ? c.values().size() : 0) + (c.hasRegexValues() ? c.regexValues().size() : 0);
        if (c.hostHeaderConfig() != null) {
            n += c.hostHeaderConfig().values().size() + c.hostHeaderConfig().regexValues().size();
        }
        if (c.pathPatternConfig() != null) {
            n += c.pathPatternConfig().values().size() + c.pathPatternConfig().regexValues().size();
        }
        if (c.httpHeaderConfig() != null) {
            n += c.httpHeaderConfig().values().size() + c.httpHeaderConfig().regexValues().size();
        }
        if (c.httpRequestMethodConfig() != null) {
            n += c.httpRequestMethodConfig().values().size();
        }
        if (c.queryStringConfig() != null) {
            n += c.queryStringConfig().values().size();
        }
        if (c.sourceIpConfig() != null) {
            n += c.sourceIpConfig().values().size();
        }
        return n;
    }
}
