package dev.fakeecs.dsl.service;

import dev.fakeecs.autoscaling.LoadModel;
import dev.fakeecs.dsl.internal.Check;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Offered load (requests per second) as a pure function of virtual time (the engine's
 * {@link LoadModel}): a baseline plus daily
 * windows and one-off windows; the last declared window that covers an instant wins. Windows are
 * half-open ({@code [from, to)}); a daily window whose end is before its start crosses midnight.
 * Times of day are read in {@link #zone()} (UTC unless {@link #inZone} says otherwise). Immutable.
 *
 * <pre>{@code
 * LoadCurve dinner = LoadCurve.constant(100)
 *     .between(LocalTime.of(19, 0), LocalTime.of(21, 0), 1000);   // every day 19:00-21:00 x10
 * dinner.rpsAt(Instant.parse("2026-01-01T19:30:00Z"));            // 1000.0
 * dinner.rpsAt(Instant.parse("2026-01-01T21:00:00Z"));            // 100.0
 * }</pre>
 */
public final class LoadCurve implements LoadModel {

    private record Window(LocalTime dailyFrom, LocalTime dailyTo, Instant from, Instant to, double rps) {
        boolean covers(Instant at, ZoneId zone) {
            if (from != null) {
                return !at.isBefore(from) && at.isBefore(to);
            }
            LocalTime t = LocalTime.ofInstant(at, zone);
            if (dailyFrom.equals(dailyTo)) {
                return true;
            }
            if (dailyFrom.isBefore(dailyTo)) {
                return !t.isBefore(dailyFrom) && t.isBefore(dailyTo);
            }
            return !t.isBefore(dailyFrom) || t.isBefore(dailyTo);
        }
    }

    private final double baseline;
    private final List<Window> windows;
    private final ZoneId zone;

    private LoadCurve(double baseline, List<Window> windows, ZoneId zone) {
        this.baseline = baseline;
        this.windows = List.copyOf(windows);
        this.zone = zone;
    }

    /** A constant load of {@code rps} requests per second. */
    public static LoadCurve constant(double rps) {
        check("constant", rps);
        return new LoadCurve(rps, List.of(), ZoneOffset.UTC);
    }

    private static void check(String field, double rps) {
        Check.that(rps >= 0 && Double.isFinite(rps), "loadCurve", field, rps,
                "requests per second must be a finite number >= 0");
    }

    private LoadCurve plus(Window window) {
        List<Window> list = new ArrayList<>(windows);
        list.add(window);
        return new LoadCurve(baseline, list, zone);
    }

    /** Every day from {@code from} (inclusive) to {@code to} (exclusive) the load is {@code rps}. */
    public LoadCurve between(LocalTime from, LocalTime to, double rps) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        check("between.rps", rps);
        return plus(new Window(from, to, null, null, rps));
    }

    /** From {@code from} (inclusive) to {@code to} (exclusive), once, the load is {@code rps}. */
    public LoadCurve during(Instant from, Instant to, double rps) {
        Check.that(to.isAfter(from), "loadCurve", "during.to", to, "must be after from (" + from + ")");
        check("during.rps", rps);
        return plus(new Window(null, null, from, to, rps));
    }

    /** Reads daily windows in {@code zone}. */
    public LoadCurve inZone(ZoneId zone) {
        return new LoadCurve(baseline, windows, Objects.requireNonNull(zone, "zone"));
    }

    public ZoneId zone() {
        return zone;
    }

    public double baseline() {
        return baseline;
    }

    /** The load at {@code instant} in requests per second. */
    public double rpsAt(Instant instant) {
        double rps = baseline;
        for (Window w : windows) {
            if (w.covers(instant, zone)) {
                rps = w.rps();
            }
        }
        return rps;
    }

    /** The same as {@link #rpsAt(Instant)}: the engine's auto scaling reads load through this. */
    @Override
    public double requestsPerSecond(Instant at) {
        return rpsAt(at);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LoadCurve c && c.baseline == baseline && c.windows.equals(windows) && c.zone.equals(zone);
    }

    @Override
    public int hashCode() {
        return Objects.hash(baseline, windows, zone);
    }

    @Override
    public String toString() {
        return "LoadCurve[" + baseline + " rps, windows=" + windows.size() + ", zone=" + zone + "]";
    }
}
