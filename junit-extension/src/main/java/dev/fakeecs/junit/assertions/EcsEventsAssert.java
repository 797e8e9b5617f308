package dev.fakeecs.junit.assertions;

import dev.fakeecs.events.EcsEvent;
import dev.fakeecs.events.EcsEvents;
import org.assertj.core.api.AbstractAssert;

import java.util.List;

import static dev.fakeecs.junit.assertions.error.ShouldContainEvent.shouldContain;
import static dev.fakeecs.junit.assertions.error.ShouldContainEvent.shouldContainTimes;
import static dev.fakeecs.junit.assertions.error.ShouldContainEvent.shouldNotContain;

/**
 * Assertions on a world's ECS events (EventBridge's format), all of them or those since a mark.
 *
 * <pre>{@code
 * long mark = events.mark();
 * faults.inject(FaultSpec.of(FaultType.FARGATE_SPOT_INTERRUPTION).cluster("prod").percentage(100).build());
 * clock.advance(Duration.ofMinutes(3));
 * assertThat(events).since(mark)
 *     .contains(taskStateChange().withStopCode("SpotInterruption"))
 *     .contains(2, taskStateChange().withLastStatus("STOPPED"))
 *     .doesNotContain(deploymentStateChange().withEventName("SERVICE_DEPLOYMENT_FAILED"));
 * }</pre>
 */
public class EcsEventsAssert extends AbstractAssert<EcsEventsAssert, EcsEvents> {

    private final long from;

    public EcsEventsAssert(EcsEvents actual) {
        this(actual, 0);
    }

    private EcsEventsAssert(EcsEvents actual, long from) {
        super(actual, EcsEventsAssert.class);
        this.from = from;
    }

    /** The same assertions on the events emitted at or after {@code mark} ({@link EcsEvents#mark()}). */
    public EcsEventsAssert since(long mark) {
        isNotNull();
        return new EcsEventsAssert(actual, mark);
    }

    private List<EcsEvent> events() {
        isNotNull();
        return actual.since(from);
    }

    private String window() {
        return from == 0 ? "ECS events" : "ECS events since #" + from;
    }

    private List<String> lines(List<EcsEvent> events) {
        return events.stream().map(EcsEventMatcher::describe).toList();
    }

    /** At least one event matches. */
    public EcsEventsAssert contains(EcsEventMatcher matcher) {
        List<EcsEvent> events = events();
        if (events.stream().noneMatch(matcher)) {
            throwAssertionError(shouldContain(window(), matcher.toString(), lines(events)));
        }
        return myself;
    }

    /** Exactly {@code count} events match. */
    public EcsEventsAssert contains(int count, EcsEventMatcher matcher) {
        List<EcsEvent> events = events();
        List<EcsEvent> matching = events.stream().filter(matcher).toList();
        if (matching.size() != count) {
            throwAssertionError(shouldContainTimes(window(), "exactly", count, matcher.toString(), matching.size(),
                    lines(matching.isEmpty() ? events : matching)));
        }
        return myself;
    }

    /** At least {@code count} events match. */
    public EcsEventsAssert containsAtLeast(int count, EcsEventMatcher matcher) {
        List<EcsEvent> events = events();
        List<EcsEvent> matching = events.stream().filter(matcher).toList();
        if (matching.size() < count) {
            throwAssertionError(shouldContainTimes(window(), "at least", count, matcher.toString(), matching.size(),
                    lines(matching.isEmpty() ? events : matching)));
        }
        return myself;
    }

    /** No event matches. */
    public EcsEventsAssert doesNotContain(EcsEventMatcher matcher) {
        List<EcsEvent> matching = events().stream().filter(matcher).toList();
        if (!matching.isEmpty()) {
            throwAssertionError(shouldNotContain(window(), matcher.toString(), lines(matching)));
        }
        return myself;
    }

    /** The matching events appear in this order (others may come between them). */
    public EcsEventsAssert containsInOrder(EcsEventMatcher... matchers) {
        List<EcsEvent> events = events();
        int next = 0;
        for (EcsEvent e : events) {
            if (next < matchers.length && matchers[next].test(e)) {
                next++;
            }
        }
        if (next < matchers.length) {
            throwAssertionError(shouldContain(window(), matchers[next] + " (in order, after "
                    + (next == 0 ? "nothing" : matchers[next - 1].toString()) + ")", lines(events)));
        }
        return myself;
    }
}
