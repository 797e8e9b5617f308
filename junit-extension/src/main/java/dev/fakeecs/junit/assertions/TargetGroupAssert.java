package dev.fakeecs.junit.assertions;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.journal.JournalEntry;
import dev.fakeecs.junit.handle.EcsTargetGroupHandle;
import dev.fakeecs.spi.LoadBalancerMinute;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

import java.time.Instant;
import java.util.List;
import java.util.function.ToLongFunction;
import java.util.function.Predicate;

import static dev.fakeecs.junit.assertions.error.ShouldExist.shouldExist;
import static dev.fakeecs.junit.assertions.error.ShouldHaveTargets.shouldHaveTargets;
import static dev.fakeecs.junit.assertions.error.ShouldHaveTraffic.shouldHaveTraffic;

/**
 * Assertions on an Elastic Load Balancing target group: how many of its targets are in which health state, and
 * the traffic it served (requests and 5XX answers per virtual minute, over the whole run or {@link #since} an
 * instant), now or eventually in virtual time. Failure messages list every target with its state, reason and
 * description, or the window's per-minute figures.
 *
 * <pre>{@code
 * assertThat(prod.targetGroup("web-tg")).eventually(within(ofMinutes(5))).hasHealthyTargets(4).hasNoUnhealthyTargets();
 * assertThat(prod.targetGroup("web-tg")).hasTargetsInState("draining", 2);
 * assertThat(prod.targetGroup("web-tg")).since(deployedAt).eventually(within(ofMinutes(3))).hasServedAtLeast(3600)
 *         .hasNoTarget5xx();
 * }</pre>
 */
public class TargetGroupAssert extends AbstractEcsAssert<TargetGroupAssert, EcsTargetGroupHandle> {

    private Instant since;

    public TargetGroupAssert(EcsTargetGroupHandle actual) {
        super(actual, TargetGroupAssert.class);
    }

    @Override
    protected FakeEcs world() {
        return actual.ecs();
    }

    @Override
    protected String subject() {
        return actual.toString();
    }

    @Override
    protected Predicate<JournalEntry> about() {
        String arn = actual.arn();
        return e -> arn != null && arn.equals(e.subject());
    }

    /** The target group exists. */
    public TargetGroupAssert exists() {
        return check(actual::exists, () -> shouldExist("target group", subject(),
                "(none of that name in " + actual.region() + ")"));
    }

    /** Exactly {@code expected} targets are {@code healthy}. */
    public TargetGroupAssert hasHealthyTargets(int expected) {
        return hasTargetsInState("healthy", expected);
    }

    /**
     * Exactly {@code expected} targets are in {@code state}: {@code initial}, {@code healthy}, {@code unhealthy},
     * {@code unused}, {@code draining} or {@code unavailable}.
     */
    public TargetGroupAssert hasTargetsInState(String state, int expected) {
        exists();
        return check(() -> actual.targetsInState(state).size() == expected,
                () -> shouldHaveTargets(subject(), state + " targets", expected, actual.targetsInState(state).size(),
                        lines()));
    }

    /** Exactly {@code expected} targets are registered (draining ones included). */
    public TargetGroupAssert hasTargets(int expected) {
        exists();
        return check(() -> actual.targets().size() == expected,
                () -> shouldHaveTargets(subject(), "registered targets", expected, actual.targets().size(), lines()));
    }

    /** No target is {@code unhealthy}. */
    public TargetGroupAssert hasNoUnhealthyTargets() {
        exists();
        return check(() -> actual.targetsInState("unhealthy").isEmpty(),
                () -> shouldHaveTargets(subject(), "no unhealthy targets", 0,
                        actual.targetsInState("unhealthy").size() + " unhealthy", lines()));
    }

    /** Every registered target is {@code healthy}, and there is at least one. */
    public TargetGroupAssert hasOnlyHealthyTargets() {
        exists();
        return check(() -> {
            List<TargetHealthDescription> targets = actual.targets();
            return !targets.isEmpty() && targets.stream()
                    .allMatch(t -> "healthy".equals(t.targetHealth().stateAsString()));
        }, () -> shouldHaveTargets(subject(), "only healthy targets", "all of at least one",
                actual.targetsInState("healthy").size() + " healthy of " + actual.targets().size(), lines()));
    }

    /**
     * Makes the following traffic checks count only the minutes that start at or after {@code from} (a minute is
     * recorded when it ends); without it they count the whole run.
     *
     * <pre>{@code assertThat(web).since(deployedAt).hasNoTarget5xx(); }</pre>
     */
    public TargetGroupAssert since(Instant from) {
        if (from == null) {
            throw new IllegalArgumentException("since needs an instant of virtual time");
        }
        this.since = from;
        return myself;
    }

    /** At least one request reached a target of the group (in the window). */
    public TargetGroupAssert hasServedRequests() {
        return hasServedAtLeast(1);
    }

    /** At least {@code expected} requests reached the group's targets (RequestCount, in the window). */
    public TargetGroupAssert hasServedAtLeast(long expected) {
        return traffic("served at least", expected + " requests", LoadBalancerMinute::requestCount,
                n -> n >= expected);
    }

    /** Exactly {@code expected} requests were answered by a target with a 5XX status (in the window). */
    public TargetGroupAssert hasTarget5xxCount(long expected) {
        return traffic("target 5XX count", Long.toString(expected), LoadBalancerMinute::target5xxCount,
                n -> n == expected);
    }

    /** At least one request was answered by a target with a 5XX status (in the window). */
    public TargetGroupAssert hasTarget5xx() {
        return traffic("target 5XX count", "at least 1", LoadBalancerMinute::target5xxCount, n -> n > 0);
    }

    /** No target answered with a 5XX status (in the window). */
    public TargetGroupAssert hasNoTarget5xx() {
        return hasTarget5xxCount(0);
    }

    /** The load balancer answered no request with a 502 or 503 of its own for this group (in the window). */
    public TargetGroupAssert hasNoElb5xx() {
        return traffic("ELB 5XX count", "0", LoadBalancerMinute::elb5xxCount, n -> n == 0);
    }

    private TargetGroupAssert traffic(String property, Object expected, ToLongFunction<LoadBalancerMinute> figure,
                                      java.util.function.LongPredicate holds) {
        exists();
        return check(() -> holds.test(sum(window(), figure)), () -> {
            List<LoadBalancerMinute> minutes = window();
            long sum = sum(minutes, figure);
            return shouldHaveTraffic(subject(), property, expected,
                    property.startsWith("served") ? sum + " requests" : Long.toString(sum), windowName(), minutes);
        });
    }

    private List<LoadBalancerMinute> window() {
        Instant from = since;
        List<LoadBalancerMinute> all = actual.traffic();
        return from == null ? all : all.stream().filter(m -> !m.minute().isBefore(from)).toList();
    }

    private String windowName() {
        return since == null ? "of the whole run" : "since " + since;
    }

    private static long sum(List<LoadBalancerMinute> minutes, ToLongFunction<LoadBalancerMinute> figure) {
        long n = 0;
        for (LoadBalancerMinute m : minutes) {
            n += figure.applyAsLong(m);
        }
        return n;
    }

    private List<String> lines() {
        return actual.targets().stream().map(TargetGroupAssert::line).toList();
    }

    static String line(TargetHealthDescription t) {
        StringBuilder b = new StringBuilder(t.target().id());
        if (t.target().port() != null) {
            b.append(':').append(t.target().port());
        }
        if (t.target().availabilityZone() != null) {
            b.append(" in ").append(t.target().availabilityZone());
        }
        b.append(' ').append(t.targetHealth().stateAsString());
        if (t.targetHealth().reasonAsString() != null) {
            b.append(" (").append(t.targetHealth().reasonAsString());
            if (t.targetHealth().description() != null) {
                b.append(": ").append(t.targetHealth().description());
            }
            b.append(')');
        }
        return b.toString();
    }
}
