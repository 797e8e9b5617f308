package dev.fakeecs.internal.neighbour;

import java.util.function.Supplier;

/**
 * How a region runs one API call of a simulated service: under the engine lock, after the region's API
 * interceptors (faults) and, in auto clock mode, after the clock's step, exactly as an ECS call.
 *
 * <pre>{@code
 * ApiCalls calls = regionEngine::invoke;
 * TargetGroup tg = calls.invoke("CreateTargetGroup", () -> targetGroups.create(request));
 * }</pre>
 */
@FunctionalInterface
public interface ApiCalls {

    /** Runs {@code body} as the API call {@code operation}. */
    <T> T invoke(String operation, Supplier<T> body);
}
