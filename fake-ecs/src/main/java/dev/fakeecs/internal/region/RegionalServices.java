package dev.fakeecs.internal.region;

import java.util.List;

/**
 * The simulated AWS services every region hosts beside ECS, in the order they are built. Empty until the
 * first neighbour (Elastic Load Balancing v2) arrives; adding one is adding it here.
 *
 * <pre>{@code
 * static final List<RegionalService<?>> ALL = List.of(LoadBalancing.SERVICE, CloudWatch.SERVICE);
 * }</pre>
 */
public final class RegionalServices {

    /** Every regional service, built in this order after ECS in each region. */
    public static final List<RegionalService<?>> ALL = List.of();

    private RegionalServices() {
    }
}
