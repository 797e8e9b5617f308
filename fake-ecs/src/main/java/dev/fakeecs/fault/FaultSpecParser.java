package dev.fakeecs.fault;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** Reads a {@link FaultSpec} from the control API's JSON fields (see {@link FaultSpec#fromMap}). */
final class FaultSpecParser {

    private static final Set<String> KNOWN = Set.of("type", "region", "availabilityZone", "cluster",
            "containerInstance", "service", "task", "percentage", "atSeconds", "durationSeconds", "noticeSeconds",
            "exitCode", "operation", "errorCode", "everyNth", "probability", "latencyMillis", "targetGroup");

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
        b.targetGroup(text(fields, "targetGroup"));
        Double percentage = number(fields, "percentage");
        if (percentage != null) {
            if (percentage < 1 || percentage > 100) {
                throw new IllegalArgumentException("percentage must be between 1 and 100: " + plain(percentage));
            }
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
            b.exitCode(integer(exitCode, "exitCode", Integer.MIN_VALUE));
        }
        Double everyNth = number(fields, "everyNth");
        if (everyNth != null) {
            b.everyNth(integer(everyNth, "everyNth", 1));
        }
        Double probability = number(fields, "probability");
        if (probability != null) {
            b.probability(probability);
        }
        Double latency = number(fields, "latencyMillis");
        if (latency != null) {
            if (latency < 0 || latency > FaultSpec.MAX_LATENCY_MILLIS) {
                throw new IllegalArgumentException("latencyMillis must be between 0 and " + FaultSpec.MAX_LATENCY_MILLIS
                        + " (one minute): " + plain(latency));
            }
            b.latency(Duration.ofMillis(Math.round(latency)));
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
        double value;
        if (v instanceof Number n) {
            value = n.doubleValue();
        } else {
            try {
                value = Double.parseDouble(v.toString().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a number: " + v);
            }
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number: " + v);
        }
        return value;
    }

    /** The longest {@code atSeconds}, {@code durationSeconds} or {@code noticeSeconds}: ten years. */
    static final double MAX_SECONDS = 10 * 365 * 24 * 3600.0;

    private static Duration seconds(Map<String, ?> fields, String name) {
        Double v = number(fields, name);
        if (v == null) {
            return null;
        }
        if (v < 0 || v > MAX_SECONDS) {
            throw new IllegalArgumentException(name + " must be between 0 and " + plain(MAX_SECONDS)
                    + " (ten years): " + plain(v));
        }
        return Duration.ofMillis(Math.round(v * 1000));
    }

    private static int integer(double v, String name, int min) {
        if (v != Math.rint(v) || v < min || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be a whole number"
                    + (min == Integer.MIN_VALUE ? "" : " of at least " + min) + ": " + plain(v));
        }
        return (int) v;
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
