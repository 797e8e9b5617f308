package dev.fakeecs.junit.assertions.error;

import org.assertj.core.description.Description;
import org.assertj.core.error.ErrorMessageFactory;
import org.assertj.core.presentation.Representation;

import java.time.Duration;
import java.time.Instant;

/**
 * Wraps another message for an eventual assertion: says how much virtual time was allowed and that
 * the state shown is the state at the deadline.
 *
 * <pre>{@code
 * [eventually] within PT10M of virtual time (2026-01-01T00:00:00Z to 2026-01-01T00:10:00Z):
 * Expecting service:
 *   orders in cluster prod
 * to have running count:
 *   20
 * but at the deadline was:
 *   12
 * }</pre>
 */
public class ShouldEventually implements ErrorMessageFactory {

    private final ErrorMessageFactory inner;
    private final Duration within;
    private final Instant from;
    private final Instant deadline;

    public static ErrorMessageFactory shouldEventually(ErrorMessageFactory inner, Duration within, Instant from,
                                                       Instant deadline) {
        return new ShouldEventually(inner, within, from, deadline);
    }

    private ShouldEventually(ErrorMessageFactory inner, Duration within, Instant from, Instant deadline) {
        this.inner = inner;
        this.within = within;
        this.from = from;
        this.deadline = deadline;
    }

    @Override
    public String create(Description d, Representation representation) {
        String message = inner.create(d, representation);
        String header = String.format("%n[eventually] within %s of virtual time (%s to %s):", within, from, deadline);
        String nl = String.format("%n");
        String body = message.replaceFirst(java.util.regex.Pattern.quote(nl + "but "),
                java.util.regex.Matcher.quoteReplacement(nl + "but at the deadline "));
        int start = body.indexOf(nl + "Expecting");
        return start < 0 ? header + body : body.substring(0, start) + header + body.substring(start);
    }

    @Override
    public String create(Description d) {
        return create(d, org.assertj.core.presentation.StandardRepresentation.STANDARD_REPRESENTATION);
    }

    @Override
    public String create() {
        return create(new org.assertj.core.description.TextDescription(""));
    }
}
