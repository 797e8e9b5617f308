package dev.fakeecs.dsl.dns;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.spi.EngineSetup;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The DNS failover records a world's declarations made, by name (one per world). Applying the
 * same declaration again changes nothing; a changed one stops the old record's checks and traffic
 * and starts the new one.
 *
 * <pre>{@code
 * DeclaredFailovers.of(ecs).apply(spec);
 * FailoverHandle api = DeclaredFailovers.of(ecs).handle("api.food.example");
 * }</pre>
 */
public final class DeclaredFailovers {

    private final FakeEcs ecs;
    private final Map<String, FailoverHandle> handles = new LinkedHashMap<>();

    private DeclaredFailovers(FakeEcs ecs) {
        this.ecs = ecs;
    }

    /** The world's declared failovers (made on first use). */
    public static DeclaredFailovers of(FakeEcs ecs) {
        return EngineSetup.of(ecs).extension(DeclaredFailovers.class, () -> new DeclaredFailovers(ecs));
    }

    /** Declares (or re-declares) a record on the world. */
    public void apply(DnsFailoverSpec spec) {
        EngineSetup.of(ecs).locked(() -> {
            FailoverHandle existing = handles.get(spec.name());
            if (existing != null && existing.spec().equals(spec)) {
                return null;
            }
            if (existing != null) {
                existing.stop();
            }
            FailoverHandle handle = new FailoverHandle(ecs, spec);
            handles.put(spec.name(), handle);
            handle.start();
            return null;
        });
    }

    /** The handle of a declared record; fails naming the declared ones. */
    public FailoverHandle handle(String name) {
        FailoverHandle handle = handles.get(name);
        if (handle == null) {
            throw new IllegalArgumentException("No DNS failover " + name + " is declared on this world; declared: "
                    + handles.keySet());
        }
        return handle;
    }
}
