package dev.fakeecs.junit.assertions.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

import java.util.List;

/**
 * "Expecting API calls to us-east-1: UpdateService with a matching request to have been called: once but was called:
 * 2 times", followed by the calls of that operation (each marked whether it matched) and the most recent calls.
 *
 * <pre>{@code
 * Expecting API calls to us-east-1:
 *   UpdateService with a request matching the given predicate
 * to have been called:
 *   once
 * but was called:
 *   0 times
 * calls of UpdateService (1):
 *   #3 2026-01-01T00:02:00Z us-east-1 ecs UpdateService ok {"cluster":"prod","service":"orders","desiredCount":3}  (no match)
 * recent API calls (last 2 of 4):
 *   #2 2026-01-01T00:01:00Z us-east-1 ecs DescribeServices ok {"cluster":"prod","services":["orders"]}
 *   #3 2026-01-01T00:02:00Z us-east-1 ecs UpdateService ok {...}
 * }</pre>
 */
public class ShouldHaveBeenCalled extends BasicErrorMessageFactory {

    /**
     * @param subject   which calls were looked at ("API calls to us-east-1")
     * @param selection what was counted ("UpdateService with a request matching the given predicate")
     * @param expected  how often ("once", "2 times", "never", "at least once")
     * @param actual    how often it was
     * @param sameOp    lines of the calls of the operation, each marked
     * @param recent    lines of the most recent calls (with a header line first)
     */
    public static ErrorMessageFactory shouldHaveBeenCalled(String subject, String selection, String expected, int actual,
                                                           List<String> sameOp, List<String> recent) {
        return new ShouldHaveBeenCalled(subject, selection, expected, actual, sameOp, recent);
    }

    private ShouldHaveBeenCalled(String subject, String selection, String expected, int actual, List<String> sameOp,
                                 List<String> recent) {
        super("%nExpecting " + "%s:%n  %s%nto have been called:%n  %s%nbut was called:%n  %s" + lines(sameOp, recent),
                unquotedString(subject), unquotedString(selection), unquotedString(expected),
                unquotedString(times(actual)));
    }

    /** "once", "never", "3 times". */
    public static String times(int n) {
        return n == 0 ? "0 times" : n == 1 ? "once" : n + " times";
    }

    private static String lines(List<String> sameOp, List<String> recent) {
        StringBuilder b = new StringBuilder();
        for (String line : sameOp) {
            b.append("%n").append(escape(line));
        }
        for (String line : recent) {
            b.append("%n").append(escape(line));
        }
        return b.toString();
    }

    /** The message is a format string: a per cent sign in a request must not be read as one. */
    private static String escape(String s) {
        return s.replace("%", "%%");
    }
}
