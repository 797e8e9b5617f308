package dev.fakeecs.dsl.scenario;

import dev.fakeecs.FakeEcs;

import java.util.function.Consumer;

/**
 * An action on a running world that says what it does, so a {@link Scenario} can put it on the
 * timeline without a separate description: faults ({@link dev.fakeecs.dsl.Faults}), image pushes
 * ({@link dev.fakeecs.dsl.Ecs#pushImage}). {@link #check(FakeEcs)} runs when the scenario is
 * scheduled, so a wrong region or zone fails at {@code start()}, not hours later in virtual time.
 *
 * <pre>{@code
 * scenario().at(LocalTime.of(19, 30), regionOutage("us-east-1").lasting(Duration.ofMinutes(20)));
 * }</pre>
 */
public interface ScenarioAction extends Consumer<FakeEcs> {

    /** What the action does, for the timeline and the clock's pending events ({@code region outage us-east-1 ...}). */
    String description();

    /**
     * Fails with an {@link dev.fakeecs.dsl.spec.InvalidSpecException} when the action cannot apply to
     * {@code ecs} (an unknown region or zone); does nothing by default.
     */
    default void check(FakeEcs ecs) {
    }
}
