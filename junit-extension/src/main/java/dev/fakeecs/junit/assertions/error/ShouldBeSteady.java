package dev.fakeecs.junit.assertions.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * "Expecting service: orders to be steady (...) but was: desired 3, running 1, ...".
 *
 * <pre>{@code throwAssertionError(shouldBeSteady("orders in cluster prod", summary)); }</pre>
 */
public class ShouldBeSteady extends BasicErrorMessageFactory {

    public static final String STEADY = "be steady (one PRIMARY deployment, rollout COMPLETED,"
            + " running count = desired count, nothing pending)";
    public static final String REACHED = "have reached a steady state (steady, and the event"
            + " \"has reached a steady state.\" since the primary deployment started)";

    public static ErrorMessageFactory shouldBeSteady(String subject, String state) {
        return new ShouldBeSteady(subject, STEADY, state);
    }

    public static ErrorMessageFactory shouldHaveReachedSteadyState(String subject, String state) {
        return new ShouldBeSteady(subject, REACHED, state);
    }

    private ShouldBeSteady(String subject, String what, String state) {
        super("%nExpecting service:%n  %s%nto " + what + "%nbut was:%n  %s", unquotedString(subject),
                unquotedString(state));
    }
}
