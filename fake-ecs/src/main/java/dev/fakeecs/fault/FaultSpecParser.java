package dev.fakeecs.fault;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** Reads a {@link FaultSpec} from the control API's JSON fields (see {@link FaultSpec#fromMap}). */
final class FaultSpecParser {

    private static final Set<String> KNOWN = Set.of("type", "region", "availabilityZone", "cluster",
            "containerInstance", "service", "task", "percentage", "atSeconds", "durationSeconds", "noticeSeconds",
            "exitCode", "operation", "errorCode", "everyNth", "probability", "latencyMillis");

    private FaultSpecParser() {
    }

    public static FaultSpec parse(Map<String, ?> fields) {
        if (fields == null) {
            throw new IllegalArgumentException("a fault needs a body with at least a type");
        }
        for (String key : fields.keySet()) {
            if (!KNOWN.contains(key)) {
                throw new IllegalArgumentException("unknown fault field " + key + "; known fields: "
                        + new java.util.TreeSet<>(KNOWN));
            }
        }
        FaultSpec.Builder b = FaultSpec.of(FaultType.parse(text(fields, "type")));
        b.region(text(fields, "region"));
        b.availabilityZone(text(fields, "availabilityZone"));
        b.cluster(text(fields, "cluster"));
        b.containerInstance(text(fields, "containerInstance"));
        b.service(text(fields, "service"));
        b.task(text(fields, "task"));
        b.operation(text(fields, "operation"));
        b.errorCode(text(fields, "errorCode"));
        Double percentage = number(fields, "percentage");
        if (percentage != null) {
            b.percentage((int) Math.round(percentage));
        }
        Duration at = seconds(fields, "atSeconds");
        if (at != null) {
            b.at(at);
        }
        Duration duration = seconds(fields, "durationSeconds");
        if (duration != null) {
            b.duration(duration);
        }
        Duration notice = seconds(fields, "noticeSeconds");
        if (notice != null) {
            b.notice(notice);
        }
        Double exitCode = number(fields, "exitCode");
        if (exitCode != null) {
            b.exitCode(exitCode.intValue());
        }
        Double everyNth = number(fields, "everyNth");
        if (everyNth != null) {
            b.everyNth(everyNth.intValue());
        }
        Double probability = number(fields, "probability");
        if (probability != null) {
            b.probability(probability);
        }
        Double latency = number(fields, "latencyMillis");
        if (latency != null) {
            b.latency(Duration.ofMillis(latency.longValue()));
        }
        return b.build();
    }

    private static String text(Map<String, ?> fields, String name) {
        Object v = fields.get(name);
        if (v == null) {
            return null;
        }
        String s = v.toString();
        return s.isBlank() ? null : s;
    }

    private static Double number(Map<String, ?> fields, String name) {
        Object v = fields.get(name);
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number: " + v);
        }
    }

    private static Duration seconds(Map<String, ?> fields, String name) {
        Double v = number(fields, name);
        return v == null ? null : Duration.ofMillis(Math.round(v * 1000));
    }
}
