package dev.fakeecs.junit.assertions.error;

import dev.fakeecs.spi.LoadBalancerMinute;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

import java.util.List;

/**
 * "Expecting target group: web-tg to have served at least: 1200 requests but was: 0 requests", followed by the
 * per-minute figures of the window (the last {@value #SHOWN} minutes), so what the load balancer saw is in the
 * message.
 *
 * <pre>{@code
 * Expecting target group:
 *   target group web-tg (us-east-1)
 * to have target 5XX count:
 *   0
 * but was:
 *   240
 * minutes since 2026-01-01T00:05:00Z (2):
 *   2026-01-01T00:05:00Z requests=600 target5xx=120 elb5xx=0 healthy=1 unhealthy=1
 *   2026-01-01T00:06:00Z requests=600 target5xx=120 elb5xx=0 healthy=1 unhealthy=1
 * }</pre>
 */
public class ShouldHaveTraffic extends BasicErrorMessageFactory {

    /** How many of the window's last minutes a message lists. */
    public static final int SHOWN = 30;

    /**
     * @param subject  which target group
     * @param property what was added up ("target 5XX count")
     * @param expected the value wanted
     * @param actual   the value found
     * @param window   which minutes were added up ("since 2026-01-01T00:05:00Z", "of the whole run")
     * @param minutes  the window's minutes, oldest first
     */
    public static ErrorMessageFactory shouldHaveTraffic(String subject, String property, Object expected,
                                                        Object actual, String window,
                                                        List<LoadBalancerMinute> minutes) {
        return new ShouldHaveTraffic(subject, property, expected, actual, window, minutes);
    }

    private ShouldHaveTraffic(String subject, String property, Object expected, Object actual, String window,
                              List<LoadBalancerMinute> minutes) {
        super("%nExpecting target group:%n  %s%nto have " + property + ":%n  %s%nbut was:%n  %s%n%s",
                unquotedString(subject), expected instanceof String e ? unquotedString(e) : expected,
                actual instanceof String text ? unquotedString(text) : actual, unquotedString(list(window, minutes)));
    }

    private static String list(String window, List<LoadBalancerMinute> minutes) {
        String nl = System.lineSeparator();
        if (minutes.isEmpty()) {
            return "minutes " + window + ": (none recorded)";
        }
        StringBuilder b = new StringBuilder("minutes ").append(window).append(" (").append(minutes.size())
                .append("):");
        int skipped = Math.max(0, minutes.size() - SHOWN);
        if (skipped > 0) {
            b.append(nl).append("  ... ").append(skipped).append(" earlier minutes");
        }
        for (LoadBalancerMinute m : minutes.subList(skipped, minutes.size())) {
            b.append(nl).append("  ").append(m.line());
        }
        return b.toString();
    }
}
