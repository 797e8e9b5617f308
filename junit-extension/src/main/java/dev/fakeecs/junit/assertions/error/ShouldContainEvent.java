package dev.fakeecs.junit.assertions.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

import java.util.List;

/**
 * "Expecting the ECS events to contain: an "ECS Task State Change" with stopCode SpotInterruption but they were:
 * [...]" (or "not to contain", or a count).
 *
 * <pre>{@code
 * throwAssertionError(ShouldContainEvent.shouldContain("ECS events", matcher.toString(), lines));
 * }</pre>
 */
public class ShouldContainEvent extends BasicErrorMessageFactory {

    /** At most this many events are listed (the newest). */
    static final int LISTED = 30;

    public static ErrorMessageFactory shouldContain(String window, String what, List<String> events) {
        return new ShouldContainEvent("%nExpecting the " + window + "%nto contain:%n  %s%nbut they were:%n  %s",
                what, events);
    }

    public static ErrorMessageFactory shouldNotContain(String window, String what, List<String> offending) {
        return new ShouldContainEvent("%nExpecting the " + window + "%nnot to contain:%n  %s%nbut found:%n  %s",
                what, offending);
    }

    public static ErrorMessageFactory shouldContainTimes(String window, String bound, int expected, String what,
                                                         int actual, List<String> events) {
        return new ShouldContainEvent("%nExpecting the " + window + "%nto contain " + bound + " " + expected
                + " of:%n  %s%nbut found " + actual + ":%n  %s", what, events);
    }

    private ShouldContainEvent(String format, String what, List<String> events) {
        super(format, unquotedString(what), unquotedString(events.isEmpty() ? "(no events)"
                : String.join("\n  ", events.size() > LISTED ? events.subList(events.size() - LISTED, events.size())
                : events)));
    }
}
