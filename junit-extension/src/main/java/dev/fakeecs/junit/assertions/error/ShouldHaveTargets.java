package dev.fakeecs.junit.assertions.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

import java.util.List;

/**
 * "Expecting target group: web-tg to have healthy targets: 4 but was: 2", followed by every registered target
 * with its state, reason and description, so the cause is in the message.
 *
 * <pre>{@code
 * Expecting target group:
 *   web-tg (us-east-1)
 * to have healthy targets:
 *   4
 * but was:
 *   2
 * targets (3):
 *   10.0.1.5:8080 in us-east-1a healthy
 *   10.0.2.7:8080 in us-east-1b unhealthy (Target.ResponseCodeMismatch: Health checks failed with these codes: [500])
 *   10.0.0.9:8080 in us-east-1c draining (Target.DeregistrationInProgress: Target deregistration is in progress)
 * }</pre>
 */
public class ShouldHaveTargets extends BasicErrorMessageFactory {

    /**
     * @param subject  which target group
     * @param property what was counted ("healthy targets")
     * @param expected the value wanted
     * @param actual   the value found
     * @param targets  one line per registered target (state, reason, description)
     */
    public static ErrorMessageFactory shouldHaveTargets(String subject, String property, Object expected,
                                                        Object actual, List<String> targets) {
        return new ShouldHaveTargets(subject, property, expected, actual, targets);
    }

    private ShouldHaveTargets(String subject, String property, Object expected, Object actual, List<String> targets) {
        super("%nExpecting target group:%n  %s%nto have " + property + ":%n  %s%nbut was:%n  %s%n%s",
                unquotedString(subject), expected, actual instanceof String text ? unquotedString(text) : actual,
                unquotedString(list(targets)));
    }

    private static String list(List<String> targets) {
        String nl = System.lineSeparator();
        if (targets.isEmpty()) {
            return "targets: (none registered)";
        }
        StringBuilder b = new StringBuilder("targets (").append(targets.size()).append("):");
        for (String t : targets) {
            b.append(nl).append("  ").append(t);
        }
        return b.toString();
    }
}
