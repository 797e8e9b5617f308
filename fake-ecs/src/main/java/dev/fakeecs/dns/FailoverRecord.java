package dev.fakeecs.dns;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.journal.JournalEventType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * A Route 53 failover record pair: a PRIMARY and a SECONDARY endpoint, each with an optional
 * health check, and a TTL. The answer follows Route 53's rules: primary healthy -> primary;
 * primary unhealthy and secondary healthy (or without a health check) -> secondary; both
 * unhealthy -> primary. A primary without a health check is always healthy.
 *
 * <pre>{@code
 * FailoverRecord api = Route53.of(ecs).failoverRecord("api.food.example", Duration.ofSeconds(60),
 *         east, eastCheck, west, westCheck);
 * api.answer();                       // east while it is healthy
 * api.onFailover((from, to) -> scaleOut(to));
 * }</pre>
 */
public final class FailoverRecord {

    private final FakeEcs ecs;
    private final String name;
    private final Duration ttl;
    private final Endpoint primary;
    private final HealthCheck primaryCheck;
    private final Endpoint secondary;
    private final HealthCheck secondaryCheck;
    private final List<BiConsumer<Endpoint, Endpoint>> listeners = new ArrayList<>();
    private Endpoint answer;
    private Instant answerSince;

    FailoverRecord(FakeEcs ecs, String name, Duration ttl, Endpoint primary, HealthCheck primaryCheck,
                   Endpoint secondary, HealthCheck secondaryCheck) {
        this.ecs = ecs;
        this.name = name;
        this.ttl = ttl;
        this.primary = primary;
        this.primaryCheck = primaryCheck;
        this.secondary = secondary;
        this.secondaryCheck = secondaryCheck;
        this.answer = evaluate();
        this.answerSince = ecs.clock().instant();
        if (primaryCheck != null) {
            primaryCheck.onChange(c -> update());
        }
        if (secondaryCheck != null) {
            secondaryCheck.onChange(c -> update());
        }
    }

    public String name() {
        return name;
    }

    public Duration ttl() {
        return ttl;
    }

    public Endpoint primary() {
        return primary;
    }

    public Endpoint secondary() {
        return secondary;
    }

    /** What Route 53 answers now (resolvers may still hold an older answer for up to the TTL). */
    public Endpoint answer() {
        return answer;
    }

    /** Since when the current answer has been given. */
    public Instant answerSince() {
        return answerSince;
    }

    /** Called with (old, new) whenever the answer changes (failover and failback). */
    public void onFailover(BiConsumer<Endpoint, Endpoint> listener) {
        listeners.add(listener);
    }

    private Endpoint evaluate() {
        boolean primaryHealthy = primaryCheck == null || primaryCheck.isHealthy();
        if (primaryHealthy) {
            return primary;
        }
        boolean secondaryHealthy = secondaryCheck == null || secondaryCheck.isHealthy();
        return secondaryHealthy ? secondary : primary;
    }

    private void update() {
        Endpoint next = evaluate();
        if (next.equals(answer)) {
            return;
        }
        Endpoint previous = answer;
        answer = next;
        answerSince = ecs.clock().instant();
        ecs.engine().journal().record(next.region(), JournalEventType.DNS, name, "answer", next.toString(),
                "failover", next.equals(secondary) ? "SECONDARY" : "PRIMARY", "previous", previous.toString());
        for (BiConsumer<Endpoint, Endpoint> l : List.copyOf(listeners)) {
            l.accept(previous, next);
        }
    }
}
