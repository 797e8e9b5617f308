package dev.fakeecs.junit.handle;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.calls.ApiCall;

import java.util.List;
import java.util.Objects;

/**
 * A live view of the API calls a world received (over its HTTP server or from in-process SDK clients, every
 * simulated service), in one region or all, from a mark on: what {@code assertThat(...)} verifies, as WireMock's
 * {@code verify} does. Calls the test makes through {@code api()} (the Java control plane that the handles' setup
 * helpers use) are not recorded; calls from the code under test through an injected {@code EcsClient} are.
 *
 * <pre>{@code
 * deployer.deploy("orders", 4);                                         // uses the injected EcsClient
 * assertThat(prod.calls()).hasCalled("UpdateService").once();
 * assertThat(prod.calls()).hasCalled(UpdateServiceRequest.class).withRequest(r -> r.desiredCount() == 4).once();
 * assertThat(prod.calls()).hasCalled("DeleteService").never();
 * }</pre>
 *
 * @param ecs    the world
 * @param region the region whose calls are seen, or null for every region
 * @param from   the first call sequence number seen ({@code 0}: from the start)
 */
public record EcsCallsHandle(FakeEcs ecs, String region, long from) {

    public EcsCallsHandle {
        Objects.requireNonNull(ecs, "ecs");
    }

    /** Every call the world received, in every region. */
    public static EcsCallsHandle of(FakeEcs ecs) {
        return new EcsCallsHandle(ecs, null, 0);
    }

    /** The calls to one region. */
    public static EcsCallsHandle inRegion(FakeEcs ecs, String region) {
        return new EcsCallsHandle(ecs, Objects.requireNonNull(region, "region"), 0);
    }

    /** A mark for {@link #since(long)}: the sequence number of the next call. */
    public long mark() {
        return ecs.calls().mark();
    }

    /** The same view, from {@code mark} on. */
    public EcsCallsHandle since(long mark) {
        return new EcsCallsHandle(ecs, region, mark);
    }

    /** The calls in view now, oldest first (the world keeps the last 10,000 by default). */
    public List<ApiCall> all() {
        return ecs.calls().since(from).stream().filter(c -> region == null || c.region().equals(region)).toList();
    }

    /** The calls in view of one operation ({@code UpdateService}). */
    public List<ApiCall> of(String operation) {
        return all().stream().filter(c -> c.operation().equals(operation)).toList();
    }

    @Override
    public String toString() {
        return "API calls" + (region == null ? "" : " to " + region) + (from == 0 ? "" : " since call " + from);
    }
}
