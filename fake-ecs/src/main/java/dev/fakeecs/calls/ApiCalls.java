package dev.fakeecs.calls;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every API call the world received, over the HTTP server and from in-process SDK clients, for every simulated service
 * (ECS, Elastic Load Balancing v2, CloudWatch, Application Auto Scaling), in the order the engine ran them: the call
 * log a WireMock user expects. Calls made through {@code FakeEcs.api()} / {@code Region.api()} (the Java control plane
 * without serialisation, which the DSL and the JUnit handles use for setup) are not recorded: the log shows what
 * clients sent. A request that names no simulated service (an unknown {@code X-Amz-Target}, a path no service serves)
 * is answered but not recorded; one that reaches a service is, even when it fails to decode.
 *
 * <p>Memory is bounded: the log keeps the last {@link #maxKept()} calls (10,000 unless the world's builder says
 * otherwise, {@code FakeEcs.builder().callLogLimit(n)}); older ones are dropped and counted ({@link #dropped()}).
 * Every call keeps its sequence number, so {@link #since(long)} works across dropping.
 *
 * <pre>{@code
 * long mark = ecs.calls().mark();
 * deployer.deploy("orders", "acme/orders:2");                  // code under test, using an SDK client
 * List<ApiCall> updates = ecs.calls().since(mark).stream()
 *         .filter(c -> c.operation().equals("UpdateService")).toList();
 * ecs.calls().of("UpdateService").get(0).request(UpdateServiceRequest.class).orElseThrow().desiredCount();
 * }</pre>
 */
public final class ApiCalls {

    /** How many calls a world keeps unless told otherwise. */
    public static final int DEFAULT_MAX_KEPT = 10_000;

    private final int maxKept;
    private final ArrayList<ApiCall> calls = new ArrayList<>();
    private int head;
    private long dropped;
    private long nextSequence;

    /** An empty log keeping the last {@code maxKept} calls. */
    public ApiCalls(int maxKept) {
        if (maxKept <= 0) {
            throw new IllegalArgumentException("the call log must keep at least one call: " + maxKept);
        }
        this.maxKept = maxKept;
    }

    /**
     * Adds a call (the engine's side): calls are kept in sequence order even when concurrent clients finish out of
     * order.
     */
    public synchronized void record(ApiCall call) {
        int i = calls.size();
        while (i > head && calls.get(i - 1).sequence() > call.sequence()) {
            i--;
        }
        calls.add(i, call);
        nextSequence = Math.max(nextSequence, call.sequence() + 1);
        if (calls.size() - head > maxKept) {
            calls.set(head, null);
            head++;
            dropped++;
            if (head > 1024 && head > calls.size() / 2) {
                calls.subList(0, head).clear();
                head = 0;
            }
        }
    }

    /** The calls kept, oldest first. */
    public synchronized List<ApiCall> all() {
        return List.copyOf(calls.subList(head, calls.size()));
    }

    /** How many calls are kept. */
    public synchronized int size() {
        return calls.size() - head;
    }

    /** How many calls were dropped to keep memory bounded. */
    public synchronized long dropped() {
        return dropped;
    }

    /** How many calls the log keeps at most. */
    public int maxKept() {
        return maxKept;
    }

    /** A mark for {@link #since(long)}: the sequence number the next call will have. */
    public synchronized long mark() {
        return nextSequence;
    }

    /** The kept calls with a sequence number at or after {@code mark}. */
    public synchronized List<ApiCall> since(long mark) {
        int i = calls.size();
        while (i > head && calls.get(i - 1).sequence() >= mark) {
            i--;
        }
        return List.copyOf(calls.subList(i, calls.size()));
    }

    /** The kept calls of one operation ({@code UpdateService}), of any service. */
    public List<ApiCall> of(String operation) {
        return find(c -> c.operation().equals(operation));
    }

    /** The kept calls that match. */
    public List<ApiCall> find(Predicate<ApiCall> predicate) {
        return all().stream().filter(predicate).toList();
    }

    /** The last {@code n} kept calls, oldest first. */
    public synchronized List<ApiCall> last(int n) {
        int from = Math.max(head, calls.size() - Math.max(0, n));
        return List.copyOf(calls.subList(from, calls.size()));
    }

    /** Every kept call as one line ({@link ApiCall#describe()}). */
    public String describe() {
        StringBuilder b = new StringBuilder();
        for (ApiCall c : all()) {
            b.append(c.describe()).append('\n');
        }
        return b.toString();
    }

    @Override
    public synchronized String toString() {
        return "ApiCalls[" + size() + " kept, " + dropped + " dropped]";
    }
}
