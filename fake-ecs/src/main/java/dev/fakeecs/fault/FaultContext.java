package dev.fakeecs.fault;

import dev.fakeecs.journal.JournalEventType;
import dev.fakeecs.region.RegionState;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a running fault works with: its spec, its region's engine state, its handle, and a way to
 * journal its effects ({@code FAULT} entries carrying the fault id).
 */
final class FaultContext {

    /** The Spot interruption notice when none is given. */
    static final Duration DEFAULT_NOTICE = Duration.ofMinutes(2);

    private final FaultSpec spec;
    private final RegionState state;
    private final FaultHandle handle;
    private final FaultInjector injector;

    FaultContext(FaultSpec spec, RegionState state, FaultHandle handle, FaultInjector injector) {
        this.spec = spec;
        this.state = state;
        this.handle = handle;
        this.injector = injector;
    }

    FaultSpec spec() {
        return spec;
    }

    RegionState state() {
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
    void effect(String subject, String... namesAndValues) {
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
