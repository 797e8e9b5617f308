package dev.fakeecs.internal.fault;

import dev.fakeecs.fault.FaultInjector;
import dev.fakeecs.fault.FaultHandle;
import dev.fakeecs.fault.FaultSpec;
import dev.fakeecs.journal.JournalEventType;
import dev.fakeecs.internal.region.RegionEngine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a running fault works with: its spec, its region's engine state, its handle, and a way to
 * journal its effects ({@code FAULT} entries carrying the fault id).
 */
public final class FaultContext {

    /** The Spot interruption notice when none is given. */
    static final Duration DEFAULT_NOTICE = Duration.ofMinutes(2);

    private final FaultSpec spec;
    private final RegionEngine state;
    private final FaultHandle handle;
    private final FaultInjector injector;

    public FaultContext(FaultSpec spec, RegionEngine state, FaultHandle handle, FaultInjector injector) {
        this.spec = spec;
        this.state = state;
        this.handle = handle;
        this.injector = injector;
    }

    FaultSpec spec() {
        return spec;
    }

    RegionEngine state() {
        return state;
    }

    String id() {
        return handle.id();
    }

    FaultInjector injector() {
        return injector;
    }

    Duration notice() {
        return spec.notice() == null ? DEFAULT_NOTICE : spec.notice();
    }

    /** Journals one effect of this fault on {@code subject}. */
    public void effect(String subject, String... namesAndValues) {
        List<String> kv = new ArrayList<>(namesAndValues.length + 4);
        kv.add("fault");
        kv.add(handle.id());
        kv.add("faultType");
        kv.add(spec.type().name());
        kv.addAll(java.util.Arrays.asList(namesAndValues)); // null values are allowed: the journal skips them
        state.record(JournalEventType.FAULT, subject, kv.toArray(String[]::new));
    }

    /** A one-off fault says its effects are complete. */
    void finished() {
        injector.complete(handle);
    }
}
