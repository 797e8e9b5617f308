package dev.fakeecs.junit.assertions;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.calls.ApiCall;
import dev.fakeecs.journal.JournalEntry;
import dev.fakeecs.journal.JournalEventType;
import dev.fakeecs.junit.handle.EcsCallsHandle;
import org.assertj.core.util.CheckReturnValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import static dev.fakeecs.junit.assertions.error.ShouldHaveBeenCalled.shouldHaveBeenCalled;

/**
 * The calls of one operation a world received ({@link ApiCallsAssert#hasCalled}), narrowed by request, region or
 * outcome, then counted: {@link #once()}, {@link #times(int)}, {@link #never()}, {@link #atLeastOnce()},
 * {@link #atLeast(int)}, {@link #atMost(int)}. A failure shows the calls of the operation (which matched) and the most
 * recent calls, then the world's virtual time and seed.
 *
 * <pre>{@code
 * assertThat(prod.calls()).hasCalled(UpdateServiceRequest.class)
 *     .withRequest(r -> r.service().equals("orders") && r.desiredCount() == 4)
 *     .thatSucceeded()
 *     .once();
 * }</pre>
 *
 * @param <R> the request type the predicates of {@link #withRequest(Predicate)} see
 */
public class CalledAssert<R> extends AbstractEcsAssert<CalledAssert<R>, EcsCallsHandle> {

    /** How many of the most recent calls a failure shows. */
    public static final int RECENT = 10;

    private final String operation;
    private final Class<R> requestType;
    private final List<Predicate<ApiCall>> filters = new ArrayList<>();
    private final List<String> described = new ArrayList<>();

    public CalledAssert(EcsCallsHandle actual, String operation, Class<R> requestType) {
        super(actual, CalledAssert.class);
        this.operation = Objects.requireNonNull(operation, "operation");
        this.requestType = Objects.requireNonNull(requestType, "requestType");
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
        String region = actual.region();
        return e -> e.type() == JournalEventType.FAULT && (region == null || region.equals(e.region()));
    }

    /**
     * Only calls whose decoded request matches (the AWS SDK's request object; a call whose body could not be decoded
     * never matches).
     *
     * <pre>{@code .withRequest(r -> r.desiredCount() == 4) }</pre>
     */
    @CheckReturnValue
    public CalledAssert<R> withRequest(Predicate<? super R> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return narrow(c -> requestType.isInstance(c.request()) && predicate.test(requestType.cast(c.request())),
                "with a request matching the given predicate");
    }

    /** Like {@link #withRequest(Predicate)}, naming the condition for the failure message. */
    @CheckReturnValue
    public CalledAssert<R> withRequest(String description, Predicate<? super R> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return narrow(c -> requestType.isInstance(c.request()) && predicate.test(requestType.cast(c.request())),
                "with a request where " + description);
    }

    /**
     * Only calls whose request is a {@code type}, matching {@code predicate}: the typed form after
     * {@code hasCalled("UpdateService")}.
     *
     * <pre>{@code .hasCalled("UpdateService").withRequest(UpdateServiceRequest.class, r -> r.desiredCount() == 4) }</pre>
     */
    @CheckReturnValue
    public <T> CalledAssert<T> withRequest(Class<T> type, Predicate<? super T> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        CalledAssert<T> typed = inheritTime(new CalledAssert<>(actual, operation, type));
        typed.filters.addAll(filters);
        typed.described.addAll(described);
        return typed.narrow(c -> type.isInstance(c.request()) && predicate.test(type.cast(c.request())),
                "with a request matching the given predicate");
    }

    /** Only calls whose request's JSON contains {@code text} ({@code "\"desiredCount\":4"}). */
    @CheckReturnValue
    public CalledAssert<R> withRequestJsonContaining(String text) {
        return narrow(c -> c.requestJson() != null && c.requestJson().contains(text), "with a request containing " + text);
    }

    /** Only calls to one region. */
    @CheckReturnValue
    public CalledAssert<R> inRegion(String region) {
        return narrow(c -> c.region().equals(region), "in " + region);
    }

    /** Only calls that succeeded. */
    @CheckReturnValue
    public CalledAssert<R> thatSucceeded() {
        return narrow(ApiCall::succeeded, "that succeeded");
    }

    /** Only calls that failed with this error code ({@code ServiceNotFoundException}, {@code ThrottlingException}). */
    @CheckReturnValue
    public CalledAssert<R> thatFailedWith(String errorCode) {
        return narrow(c -> errorCode.equals(c.errorCode()), "that failed with " + errorCode);
    }

    /** Exactly one such call. */
    public CalledAssert<R> once() {
        return count("once", n -> n == 1);
    }

    /** Exactly {@code n} such calls. */
    public CalledAssert<R> times(int n) {
        return count(n == 0 ? "never" : n == 1 ? "once" : n + " times", k -> k == n);
    }

    /** No such call. */
    public CalledAssert<R> never() {
        return count("never", n -> n == 0);
    }

    /** One such call or more. */
    public CalledAssert<R> atLeastOnce() {
        return atLeast(1);
    }

    /** {@code n} such calls or more. */
    public CalledAssert<R> atLeast(int n) {
        return count("at least " + (n == 1 ? "once" : n + " times"), k -> k >= n);
    }

    /** {@code n} such calls or fewer. */
    public CalledAssert<R> atMost(int n) {
        return count("at most " + (n == 1 ? "once" : n + " times"), k -> k <= n);
    }

    /** The calls counted now. */
    public List<ApiCall> matching() {
        return actual.all().stream().filter(this::matches).toList();
    }

    private boolean matches(ApiCall c) {
        if (!c.operation().equals(operation) || (requestType != Object.class && !requestType.isInstance(c.request())
                && c.request() != null)) {
            return false;
        }
        for (Predicate<ApiCall> f : filters) {
            if (!f.test(c)) {
                return false;
            }
        }
        return true;
    }

    private CalledAssert<R> narrow(Predicate<ApiCall> filter, String description) {
        filters.add(filter);
        described.add(description);
        return myself;
    }

    private CalledAssert<R> count(String expected, java.util.function.IntPredicate holds) {
        return check(() -> holds.test(matching().size()), () -> {
            List<ApiCall> all = actual.all();
            List<String> sameOp = new ArrayList<>();
            List<ApiCall> ofOp = all.stream().filter(c -> c.operation().equals(operation)).toList();
            sameOp.add("calls of " + operation + " (" + ofOp.size() + (ofOp.size() > RECENT ? ", last " + RECENT : "")
                    + "):" + (ofOp.isEmpty() ? " none" : ""));
            for (ApiCall c : ofOp.subList(Math.max(0, ofOp.size() - RECENT), ofOp.size())) {
                sameOp.add("  " + c + (filters.isEmpty() ? "" : matches(c) ? "  (matches)" : "  (no match)"));
            }
            List<String> recent = new ArrayList<>();
            recent.add("recent API calls (" + (all.size() > RECENT ? "last " + RECENT + " of " : "") + all.size() + "):"
                    + (all.isEmpty() ? " none; calls through api() are not recorded, an injected or newClient() "
                    + "EcsClient's are" : ""));
            for (ApiCall c : all.subList(Math.max(0, all.size() - RECENT), all.size())) {
                recent.add("  " + c);
            }
            return shouldHaveBeenCalled(subject(), selection(), expected, matching().size(), sameOp, recent);
        });
    }

    private String selection() {
        StringBuilder b = new StringBuilder(operation);
        if (requestType != Object.class) {
            b.append(" (").append(requestType.getSimpleName()).append(')');
        }
        for (String d : described) {
            b.append(' ').append(d);
        }
        return b.toString();
    }
}
