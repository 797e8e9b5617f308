package dev.fakeecs.fault;

import dev.fakeecs.journal.JournalEventType;
import dev.fakeecs.internal.region.RegionEngine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a running fault works with: its spec, its region's engine state, its handle, and a way to
 * journal its effects ({@code FAULT} entries carrying the fault id).
 */
final class FaultContext {

    /** The Spot interruption notice when none is given. */
    static final Duration DEFAULT_NOTICE = Duration.ofMinutes(2);

    private final FaultSpec spec;
    private final RegionEngine state;
    private final FaultHandle handle;
    private final FaultEffects effects;
    private final Consumer<FaultHandle> completion;

    /**
     * @param effects    the world-wide effects (region outages, API latency) the fault may switch
     * @param completion what to call when a one-off fault's effects are complete
     */
    public FaultContext(FaultSpec spec, RegionEngine state, FaultHandle handle, FaultEffects effects,
                        Consumer<FaultHandle> completion) {
        this.spec = spec;
        this.state = state;
        this.handle = handle;
        this.effects = effects;
        this.completion = completion;
    }

    FaultSpec spec() {
        return spec;
    }

    RegionEngine region() {
        return state;
    }

    String id() {
        return handle.id();
    }

    FaultEffects effects() {
        return effects;
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
        completion.accept(handle);
    }
}
