package dev.fakeecs.dsl.scenario;

import dev.fakeecs.FakeEcs;

/**
 * Something that holds for a stretch of the timeline: {@link #begin(FakeEcs)} starts it and returns
 * what ends it. Faults are window actions (the fault lasts until the window closes), and so is a
 * load multiplier ({@link dev.fakeecs.dsl.Ecs#serviceLoad}: "every day 19:00-21:00 order load x10").
 *
 * <pre>{@code
 * scenario().everyDay(LocalTime.of(19, 0), LocalTime.of(21, 0),
 *         serviceLoad("food-delivery-prod", "order-service").times(10));
 * }</pre>
 */
public interface WindowAction {

    /** What holds during the window ({@code order-service load x10}). */
    String description();

    /** Starts it on {@code ecs}; closing the result ends it (closing twice must do nothing). */
    AutoCloseable begin(FakeEcs ecs);

    /** Fails with an {@link dev.fakeecs.dsl.spec.InvalidSpecException} when it cannot apply to {@code ecs}; nothing by default. */
    default void check(FakeEcs ecs) {
    }
}
