package dev.fakeecs.internal.elbv2;

import software.amazon.awssdk.services.elasticloadbalancingv2.model.AdministrativeOverride;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.AnomalyDetection;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

import java.util.ArrayList;
import java.util.List;

/**
 * DescribeTargetHealth's {@code Include}: {@code AnomalyDetection} adds each target's anomaly detection result
 * (application load balancer target groups; the simulation never finds a target anomalous, so {@code normal},
 * mitigation {@code no}); {@code All} adds that and the administrative override ({@code no_override}: zonal shifts
 * are not simulated).
 *
 * <pre>{@code
 * List<TargetHealthDescription> shown = TargetHealthIncludes.apply(tg, described, request.includeAsStrings());
 * }</pre>
 */
final class TargetHealthIncludes {

    private TargetHealthIncludes() {
    }

    static List<TargetHealthDescription> apply(TargetGroupRecord tg, List<TargetHealthDescription> described,
                                               List<String> include) {
        for (String i : include) {
            if (!"AnomalyDetection".equals(i) && !"All".equals(i)) {
                throw ElbErrors.validation("Include value '" + i + "' is not valid; valid values: AnomalyDetection, "
                        + "All");
            }
        }
        boolean anomaly = include.contains("AnomalyDetection") || include.contains("All");
        boolean override = include.contains("All");
        if (!anomaly && !override) {
            return described;
        }
        boolean http = tg.protocol != null && tg.protocol.startsWith("HTTP");
        List<TargetHealthDescription> out = new ArrayList<>();
        for (TargetHealthDescription d : described) {
            TargetHealthDescription.Builder b = d.toBuilder();
            if (anomaly && http) {
                b.anomalyDetection(AnomalyDetection.builder().result("normal").mitigationInEffect("no").build());
            }
            if (override) {
                b.administrativeOverride(AdministrativeOverride.builder().state("no_override")
                        .reason("AdministrativeOverride.NoOverride")
                        .description("No override is currently active on target").build());
            }
            out.add(b.build());
        }
        return out;
    }
}
