package dev.fakeecs.junit.assertions.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * "Expecting service: orders to have running count: 20 but was: 3", for any property of any ECS subject.
 *
 * <pre>{@code
 * throwAssertionError(shouldHave("service", "orders in cluster prod", "running count", 20, 3));
 * }</pre>
 */
public class ShouldHave extends BasicErrorMessageFactory {

    /**
     * @param kind     what the subject is ("service", "task", ...)
     * @param subject  which one
     * @param property the property checked ("running count")
     * @param expected the value wanted
     * @param actual   the value found
     */
    public static ErrorMessageFactory shouldHave(String kind, String subject, String property, Object expected,
                                                 Object actual) {
        return new ShouldHave(kind, subject, property, expected, actual);
    }

    private ShouldHave(String kind, String subject, String property, Object expected, Object actual) {
        super("%nExpecting " + kind + ":%n  %s%nto have " + property + ":%n  %s%nbut was:%n  %s",
                unquotedString(subject), expected, actual instanceof String text ? unquotedString(text) : actual);
    }
}
