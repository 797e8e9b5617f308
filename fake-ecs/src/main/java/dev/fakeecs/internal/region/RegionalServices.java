package dev.fakeecs.internal.region;

import dev.fakeecs.internal.applicationautoscaling.ApplicationAutoScaling;
import dev.fakeecs.internal.cloudwatch.CloudWatch;
import dev.fakeecs.internal.elbv2.LoadBalancing;
import dev.fakeecs.internal.events.RegionEvents;
import dev.fakeecs.internal.neighbour.RegionalService;

import java.util.List;

/**
 * The simulated AWS services every region hosts beside ECS, in the order they are built. Adding one is
 * adding it here.
 *
 * <pre>{@code
 * static final List<RegionalService<?>> ALL = List.of(LoadBalancing.SERVICE, CloudWatch.SERVICE);
 * }</pre>
 */
public final class RegionalServices {

    /** Every regional service, built in this order after ECS in each region. */
    public static final List<RegionalService<?>> ALL = List.of(LoadBalancing.SERVICE, CloudWatch.SERVICE,
            ApplicationAutoScaling.SERVICE, RegionEvents.SERVICE);

    private RegionalServices() {
    }
}
