package dev.fakeecs.dsl.fault;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.dsl.internal.Check;
import dev.fakeecs.dsl.spec.InvalidSpecException;
import dev.fakeecs.dsl.scenario.ScenarioAction;
import dev.fakeecs.dsl.scenario.WindowAction;
import dev.fakeecs.fault.FaultHandle;
import dev.fakeecs.fault.FaultInjector;
import dev.fakeecs.fault.FaultSpec;
import dev.fakeecs.fault.FaultType;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A fault as a timeline action: the engine's {@link FaultSpec} with DSL validation, made by the
 * factories of {@link dev.fakeecs.dsl.Faults} and refined by its methods. Immutable: every method
 * returns a new action. Used once ({@code at}, {@code after}, {@code daily}) it injects the fault,
 * which lasts for {@link #lasting(Duration)} (or, for a lasting type without one, until the world
 * closes); used as a window ({@code window}, {@code everyDay}) it starts with the window and ends
 * with it.
 *
 * <pre>{@code
 * scenario().at(LocalTime.of(19, 30), regionOutage("us-east-1").lasting(Duration.ofMinutes(20)));
 * scenario().window(LocalTime.of(19, 30), Duration.ofMinutes(20), azOutage("us-east-1a"));
 * FaultHandle now = terminateInstance("food-delivery-prod").inZone("us-east-1b").injectInto(ecs);
 * }</pre>
 */
public final class FaultAction implements ScenarioAction, WindowAction {

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
    private static final Pattern ZONE = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d[a-z]");

    private final FaultSpec spec;

    private FaultAction(FaultSpec spec) {
        this.spec = spec;
    }

    /** An action for a fault of {@code type} with nothing targeted yet (prefer the {@code Faults} factories). */
    public static FaultAction of(FaultType type) {
        return new FaultAction(FaultSpec.of(Objects.requireNonNull(type, "type")).build());
    }

    /** An action for any engine spec (its {@code at} is dropped: the timeline says when). */
    public static FaultAction of(FaultSpec spec) {
        return new FaultAction(spec.toBuilder().at(null).build());
    }

    /** The engine spec this action injects. */
    public FaultSpec spec() {
        return spec;
    }

    private String where() {
        return "fault " + spec.type();
    }

    private FaultAction with(java.util.function.Consumer<FaultSpec.Builder> change) {
        FaultSpec.Builder b = spec.toBuilder();
        change.accept(b);
        return new FaultAction(b.build());
    }

    /** The fault ends by itself {@code duration} after it starts (lasting types only). */
    public FaultAction lasting(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        Check.that(spec.type().lasting(), where(), "duration", duration,
                "a " + spec.type() + " fault is a one-off event and does not last; lasting faults are "
                        + lastingTypes());
        Check.that(!duration.isZero() && !duration.isNegative(), where(), "duration", duration, "must be positive");
        return with(b -> b.duration(duration));
    }

    /** The region it applies to (default: the world's first region, or the zone's region). */
    public FaultAction inRegion(String region) {
        checkRegion("region", region);
        return with(b -> b.region(region));
    }

    /** Only hosts and tasks in {@code zone} (for zone faults, the zone that fails); sets the region from it. */
    public FaultAction inZone(String zone) {
        Check.that(zone != null && ZONE.matcher(zone).matches(), where(), "availabilityZone", zone,
                "must look like us-east-1a");
        String region = zone.substring(0, zone.length() - 1);
        Check.that(spec.region() == null || spec.region().equals(region), where(), "availabilityZone", zone,
                "must be a zone of region " + spec.region());
        return with(b -> b.availabilityZone(zone).region(region));
    }

    /** Only hosts and tasks of {@code cluster} (name or ARN). */
    public FaultAction inCluster(String cluster) {
        Check.notBlank(where(), "cluster", cluster);
        return with(b -> b.cluster(cluster));
    }

    /** Only tasks of {@code service} (name or ARN). */
    public FaultAction ofService(String service) {
        Check.notBlank(where(), "service", service);
        return with(b -> b.service(service));
    }

    /** Exactly this task (ARN or id). */
    public FaultAction task(String task) {
        Check.notBlank(where(), "task", task);
        return with(b -> b.task(task));
    }

    /** Exactly this host (container instance ARN or id, or EC2 instance id). */
    public FaultAction containerInstance(String containerInstance) {
        Check.notBlank(where(), "containerInstance", containerInstance);
        return with(b -> b.containerInstance(containerInstance));
    }

    /** This share of the matching hosts or tasks, drawn with the world's seed (1-100). */
    public FaultAction percentage(int percent) {
        Check.range(where(), "percentage", percent, 1, 100);
        return with(b -> b.percentage(percent));
    }

    /** The Spot interruption notice (default 2 minutes). */
    public FaultAction notice(Duration notice) {
        Check.that(notice != null && !notice.isNegative(), where(), "notice", notice, "must not be negative");
        return with(b -> b.notice(notice));
    }

    /** KILL_CONTAINER's exit code (default 137). */
    public FaultAction exitCode(int exitCode) {
        Check.range(where(), "exitCode", exitCode, 0, 255);
        return with(b -> b.exitCode(exitCode));
    }

    /** API faults: only calls of this ECS operation ({@code RunTask}); default every operation. */
    public FaultAction operation(String operation) {
        Check.that(operation != null && operation.matches("[A-Z][A-Za-z]+|\\*"), where(), "operation", operation,
                "must be an ECS operation name such as RunTask");
        return with(b -> b.operation(operation));
    }

    /** API errors: fail every {@code n}th matching call (deterministic). */
    public FaultAction everyNth(int n) {
        Check.range(where(), "everyNth", n, 1, Integer.MAX_VALUE);
        return with(b -> b.everyNth(n));
    }

    /** API errors: fail each matching call with this probability, drawn with the world's seed. */
    public FaultAction withProbability(double probability) {
        Check.that(probability >= 0 && probability <= 1, where(), "probability", probability,
                "must be between 0 and 1");
        return with(b -> b.probability(probability));
    }

    /** Injects the fault now (and it lasts as declared). */
    public FaultHandle injectInto(FakeEcs ecs) {
        check(ecs);
        return FaultInjector.of(ecs).inject(spec);
    }

    @Override
    public void accept(FakeEcs ecs) {
        injectInto(ecs);
    }

    /** Injects the fault until the window closes (a declared {@link #lasting} is ignored here). */
    @Override
    public AutoCloseable begin(FakeEcs ecs) {
        check(ecs);
        return FaultInjector.of(ecs).inject(spec.toBuilder().duration(null).build());
    }

    /** The region and zone must be part of {@code ecs}. */
    @Override
    public void check(FakeEcs ecs) {
        List<String> regions = ecs.regions().stream().map(r -> r.name()).toList();
        String region = spec.region() == null ? ecs.defaultRegion().name() : spec.region();
        Check.that(regions.contains(region), where(), "region", region, "must be one of the world's regions " + regions);
        if (spec.availabilityZone() != null) {
            List<String> zones = ecs.region(region).availabilityZones();
            Check.that(zones.contains(spec.availabilityZone()), where(), "availabilityZone", spec.availabilityZone(),
                    "must be one of " + region + "'s zones " + zones);
        }
    }

    @Override
    public String description() {
        StringBuilder s = new StringBuilder(spec.type().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        append(s, spec.availabilityZone() != null ? spec.availabilityZone() : spec.region());
        append(s, spec.cluster() == null ? null : "cluster " + spec.cluster());
        append(s, spec.service() == null ? null : "service " + spec.service());
        append(s, spec.task() == null ? null : "task " + spec.task());
        append(s, spec.containerInstance() == null ? null : "instance " + spec.containerInstance());
        append(s, spec.targetGroup() == null ? null : "target group " + spec.targetGroup());
        append(s, spec.operation());
        append(s, spec.errorCode());
        append(s, spec.percentage() == null ? null : spec.percentage() + " %");
        append(s, spec.everyNth() == null ? null : "every " + spec.everyNth() + ". call");
        append(s, spec.probability() == null ? null : "p " + spec.probability());
        append(s, spec.latencyMillis() == null ? null : "+" + spec.latencyMillis() + " ms");
        append(s, spec.duration() == null ? null : "for " + human(spec.duration()));
        return s.toString();
    }

    private static void append(StringBuilder s, String part) {
        if (part != null) {
            s.append(' ').append(part);
        }
    }

    /** {@code 20 min}, {@code 1 h 30 min}, {@code 45 s}. */
    static String human(Duration d) {
        StringBuilder s = new StringBuilder();
        if (d.toHours() > 0) {
            s.append(d.toHours()).append(" h");
        }
        if (d.toMinutesPart() > 0) {
            s.append(s.isEmpty() ? "" : " ").append(d.toMinutesPart()).append(" min");
        }
        if (d.toSecondsPart() > 0 || s.isEmpty()) {
            s.append(s.isEmpty() ? "" : " ").append(d.toSecondsPart()).append(" s");
        }
        return s.toString();
    }

    void checkRegion(String field, String region) {
        Check.that(region != null && REGION.matcher(region).matches(), where(), field, region,
                "must look like us-east-1");
    }

    private static String lastingTypes() {
        return java.util.Arrays.stream(FaultType.values()).filter(FaultType::lasting).map(Enum::name).toList()
                .toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FaultAction a && a.spec.equals(spec);
    }

    @Override
    public int hashCode() {
        return spec.hashCode();
    }

    @Override
    public String toString() {
        return "FaultAction[" + description() + "]";
    }

    /** Builds the spec of a factory; used by {@link dev.fakeecs.dsl.Faults}. */
    public static FaultAction create(FaultType type, java.util.function.Consumer<FaultSpec.Builder> fields) {
        FaultSpec.Builder b = FaultSpec.of(type);
        fields.accept(b);
        return new FaultAction(b.build());
    }

    /** Throws an {@link InvalidSpecException} for {@code fault <type>} unless {@code ok}; used by the factories. */
    public static void require(boolean ok, String type, String field, Object value, String rule) {
        if (!ok) {
            throw new InvalidSpecException("fault " + type, field, value, rule);
        }
    }
}
