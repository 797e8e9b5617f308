package dev.fakeecs.junit.assertions.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

import java.util.List;

/** "Expecting service: orders to have an event containing: "steady" but its newest events were: [...]". */
public class ShouldHaveEvent extends BasicErrorMessageFactory {

    public static ErrorMessageFactory shouldHaveEvent(String subject, String fragment, List<String> newestEvents) {
        return new ShouldHaveEvent(subject, fragment, newestEvents);
    }

    private ShouldHaveEvent(String subject, String fragment, List<String> events) {
        super("%nExpecting service:%n  %s%nto have an event containing:%n  %s%nbut its newest events were:%n  %s",
                unquotedString(subject), fragment, unquotedString(events.isEmpty() ? "(none)"
                        : String.join("\n  ", events)));
    }
}
