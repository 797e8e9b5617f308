package dev.fakeecs.junit.assertions;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.journal.JournalEntry;
import dev.fakeecs.junit.assertions.error.ShouldEventually;
import dev.fakeecs.junit.assertions.error.WithWorldContext;
import dev.fakeecs.spi.EngineInspector;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.data.TemporalUnitOffset;
import org.assertj.core.error.ErrorMessageFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The base of every fake-ecs assertion: failure messages that carry the world's virtual time, seed
 * and recent journal lines about the subject, and eventual assertions in virtual time.
 *
 * <pre>{@code
 * assertThat(orders).hasRunningCount(3);                                     // now
 * assertThat(orders).eventually(within(ofMinutes(10))).hasRunningCount(20);  // advancing the world's clock
 * }</pre>
 *
 * <p>Subclasses express each check as a condition plus a message factory ({@link #check}); the
 * same check then works immediately and eventually.
 *
 * @param <SELF>   the concrete assertion type
 * @param <ACTUAL> the handle asserted on
 */
public abstract class AbstractEcsAssert<SELF extends AbstractEcsAssert<SELF, ACTUAL>, ACTUAL>
        extends AbstractAssert<SELF, ACTUAL> {

    private Duration within;
    private Instant deadline;

    protected AbstractEcsAssert(ACTUAL actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /** The world the subject lives in. */
    protected abstract FakeEcs world();

    /** What the subject is, for messages ("service orders in cluster prod (us-east-1)"). */
    protected abstract String subject();

    /** Which journal entries are about the subject (for the context lines of a message). */
    protected abstract Predicate<JournalEntry> about();

    /**
     * Makes the following checks wait, in virtual time, until they hold or {@code within} has passed
     * (measured from this call): the world's clock advances event by event and each check is
     * re-evaluated after every event. Instant and deterministic; on failure the message shows the
     * state at the deadline. Accepts AssertJ's own {@code within(Duration)}.
     *
     * <pre>{@code
     * assertThat(orders).eventually(within(Duration.ofMinutes(10))).hasRunningCount(20).isSteady();
     * }</pre>
     */
    public SELF eventually(TemporalUnitOffset within) {
        return eventually(durationOf(within));
    }

    /** How much virtual time {@link #eventually()} allows. */
    public static final Duration DEFAULT_EVENTUALLY = Duration.ofHours(1);

    /**
     * Like {@link #eventually(Duration)} with {@link #DEFAULT_EVENTUALLY} (an hour) of virtual time: the clock
     * advances event by event until the following checks hold, and stops there.
     *
     * <pre>{@code assertThat(shop).deployment().eventually().isInStage(ServiceDeploymentLifecycleStage.BAKE_TIME); }</pre>
     */
    public SELF eventually() {
        return eventually(DEFAULT_EVENTUALLY);
    }

    /** Like {@link #eventually(TemporalUnitOffset)} with a plain duration of virtual time. */
    public SELF eventually(Duration within) {
        if (within == null || within.isNegative()) {
            throw new IllegalArgumentException("eventually needs a positive duration of virtual time: " + within);
        }
        this.within = within;
        this.deadline = world().clock().instant().plus(within);
        return myself;
    }

    /** Makes navigated-to assertions share this one's deadline. */
    protected <A extends AbstractEcsAssert<A, ?>> A inheritTime(A child) {
        ((AbstractEcsAssert<?, ?>) child).within = within;
        ((AbstractEcsAssert<?, ?>) child).deadline = deadline;
        return child;
    }

    /**
     * Checks a condition now, or until the deadline of {@link #eventually}. The condition is
     * evaluated under the world's engine lock and must not throw.
     */
    protected SELF check(BooleanSupplier condition, Supplier<ErrorMessageFactory> message) {
        isNotNull();
        BooleanSupplier holds = () -> {
            try {
                return condition.getAsBoolean();
            } catch (RuntimeException e) {
                return false;   // state not readable (a missing subject): the check does not hold
            }
        };
        Supplier<ErrorMessageFactory> failure = () -> {
            try {
                return message.get();
            } catch (RuntimeException e) {
                return dev.fakeecs.junit.assertions.error.ShouldHave.shouldHave("subject", subject(),
                        "a readable state", "one", "unreadable: " + e);
            }
        };
        FakeEcs ecs = world();
        if (deadline == null) {
            if (!locked(ecs, holds)) {
                fail(failure.get());
            }
            return myself;
        }
        Instant from = deadline.minus(within);
        Instant now = ecs.clock().instant();
        Duration left = now.isBefore(deadline) ? Duration.between(now, deadline) : Duration.ZERO;
        boolean held = ecs.clock().advanceUntil(holds, left);
        if (!held) {
            fail(ShouldEventually.shouldEventually(failure.get(), within, from, ecs.clock().instant()));
        }
        return myself;
    }

    /** Throws the message with the world's context appended. */
    protected void fail(ErrorMessageFactory message) {
        throwAssertionError(new WithWorldContext(message, WithWorldContext.context(world(), subject(), about())));
    }

    /** Reads engine state under the world's lock (several reads see one state). */
    protected <T> T read(Supplier<T> body) {
        return inspector().read(body);
    }

    /** The engine's read-only view of the subject's world. */
    EngineInspector inspector() {
        return EngineInspector.of(world());
    }

    private static boolean locked(FakeEcs ecs, BooleanSupplier holds) {
        return EngineInspector.of(ecs).read(holds::getAsBoolean);
    }

    /** The duration an AssertJ {@code within(...)} offset allows (found through its public API). */
    static Duration durationOf(TemporalUnitOffset offset) {
        Instant origin = Instant.EPOCH;
        long low = 0;
        long high = 1;
        while (!offset.isBeyondOffset(origin, origin.plusNanos(high))) {
            low = high;
            high *= 2;
            if (high > Duration.ofDays(3650).toNanos()) {
                return Duration.ofNanos(low);
            }
        }
        while (high - low > 1) {
            long mid = low + (high - low) / 2;
            if (offset.isBeyondOffset(origin, origin.plusNanos(mid))) {
                high = mid;
            } else {
                low = mid;
            }
        }
        return Duration.ofNanos(low);
    }
}
