package dev.fakeecs.dsl.service;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.autoscaling.ServiceLoad;
import dev.fakeecs.dsl.internal.Check;
import dev.fakeecs.dsl.scenario.WindowAction;
import dev.fakeecs.spi.EngineSetup;

import java.util.List;

/**
 * A window in which a service's offered load (its declared load curve, which drives auto scaling)
 * is multiplied: "every day 19:00-21:00 order load x10". The service must have auto scaling with a
 * load curve ({@code autoScaling(..).loadCurve(..)}) by the time the window begins. When the window
 * ends the load goes back to what it was (unless something else replaced it meanwhile).
 *
 * <pre>{@code
 * scenario().everyDay(LocalTime.of(19, 0), LocalTime.of(21, 0),
 *         serviceLoad("food-delivery-prod", "order-service").times(10));
 * }</pre>
 *
 * @param region  the service's region, or null for the world's first region
 * @param cluster the cluster
 * @param service the service name
 * @param factor  the multiplier (finite, at least 0)
 */
public record LoadMultiplier(String region, String cluster, String service, double factor) implements WindowAction {

    public LoadMultiplier {
        Check.notBlank("serviceLoad", "cluster", cluster);
        Check.notBlank("serviceLoad", "service", service);
        Check.that(factor >= 0 && Double.isFinite(factor), "serviceLoad " + service, "times", factor,
                "must be a finite number >= 0");
    }

    /** The service's load, unchanged until {@link #times(double)} says by how much. */
    public static LoadMultiplier of(String cluster, String service) {
        return new LoadMultiplier(null, cluster, service, 1);
    }

    /** The load multiplied by {@code factor} ({@code times(10)}: "x10"). */
    public LoadMultiplier times(double factor) {
        return new LoadMultiplier(region, cluster, service, factor);
    }

    /** The service in {@code region} (default: the world's first region). */
    public LoadMultiplier inRegion(String region) {
        Check.that(region != null && region.matches("[a-z]{2}(-[a-z]+)+-\\d"), "serviceLoad " + service, "region",
                region, "must look like us-east-1");
        return new LoadMultiplier(region, cluster, service, factor);
    }

    @Override
    public String description() {
        String f = factor == Math.rint(factor) ? String.valueOf((long) factor) : String.valueOf(factor);
        return service + " load x" + f;
    }

    @Override
    public void check(FakeEcs ecs) {
        if (region != null) {
            List<String> regions = ecs.regions().stream().map(r -> r.name()).toList();
            Check.that(regions.contains(region), "serviceLoad " + service, "region", region,
                    "must be one of the world's regions " + regions);
        }
    }

    @Override
    public AutoCloseable begin(FakeEcs ecs) {
        String in = region == null ? ecs.defaultRegion().name() : ecs.region(region).name();
        EngineSetup setup = EngineSetup.of(ecs);
        ServiceLoad before = setup.serviceLoad(in, cluster, service).orElse(null);
        if (before == null) {
            throw new IllegalStateException("serviceLoad: service/" + cluster + "/" + service
                    + " has no load curve to multiply; declare autoScaling(..) and loadCurve(..) on the service");
        }
        ServiceLoad scaled = new ServiceLoad(at -> before.load().requestsPerSecond(at) * factor,
                before.requestsPerTaskAtFullCpu(), before.baseMemoryPercent(), before.memoryPercentPerRequest());
        setup.setServiceLoad(in, cluster, service, scaled);
        return () -> {
            if (setup.serviceLoad(in, cluster, service).orElse(null) == scaled) {
                setup.setServiceLoad(in, cluster, service, before);
            }
        };
    }
}
