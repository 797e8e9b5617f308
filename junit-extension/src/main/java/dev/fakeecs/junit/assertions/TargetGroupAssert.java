package dev.fakeecs.junit.assertions;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.journal.JournalEntry;
import dev.fakeecs.junit.handle.EcsTargetGroupHandle;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

import java.util.List;
import java.util.function.Predicate;

import static dev.fakeecs.junit.assertions.error.ShouldExist.shouldExist;
import static dev.fakeecs.junit.assertions.error.ShouldHaveTargets.shouldHaveTargets;

/**
 * Assertions on an Elastic Load Balancing target group: how many of its targets are in which health state, now
 * or eventually in virtual time. Failure messages list every target with its state, reason and description.
 *
 * <pre>{@code
 * assertThat(prod.targetGroup("web-tg")).eventually(within(ofMinutes(5))).hasHealthyTargets(4).hasNoUnhealthyTargets();
 * assertThat(prod.targetGroup("web-tg")).hasTargetsInState("draining", 2);
 * }</pre>
 */
public class TargetGroupAssert extends AbstractEcsAssert<TargetGroupAssert, EcsTargetGroupHandle> {

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
