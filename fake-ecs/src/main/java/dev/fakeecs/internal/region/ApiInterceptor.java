package dev.fakeecs.internal.region;

/**
 * Looks at every API call before the engine runs it, and may fail it or delay it (API faults,
 * regional outages). Registered on a {@link RegionEngine}.
 *
 * <pre>{@code
 * state.addInterceptor((region, operation) -> {
 *     if (operation.equals("RunTask")) throw EcsErrors.of("ThrottlingException", "Rate exceeded");
 * });
 * }</pre>
 */
@FunctionalInterface
public interface ApiInterceptor {

    /** Called under the engine lock before {@code operation} runs in {@code region}; throw to fail the call. */
    void beforeCall(String region, String operation);
}
