package dev.fakeecs.dns;

import java.time.Duration;
import java.time.Instant;

/**
 * A caching DNS resolver as clients see it: it asks the record once and keeps the answer for
 * the record's TTL, so a failover reaches clients at their first lookup after the cache expires.
 *
 * <pre>{@code
 * Resolver resolver = new Resolver(record);
 * Endpoint target = resolver.resolve(ecs.clock().instant());
 * }</pre>
 */
public final class Resolver {

    private final FailoverRecord record;
    private Endpoint cached;
    private Instant expiresAt;

    public Resolver(FailoverRecord record) {
        this.record = record;
    }

    /** The answer at {@code now}: the cached one until its TTL runs out, then a fresh one. */
    public Endpoint resolve(Instant now) {
        if (cached == null || !now.isBefore(expiresAt)) {
            cached = record.answer();
            Duration ttl = record.ttl();
            expiresAt = now.plus(ttl);
        }
        return cached;
    }
}
