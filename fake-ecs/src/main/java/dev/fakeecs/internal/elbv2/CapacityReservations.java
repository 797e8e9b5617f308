package dev.fakeecs.internal.elbv2;

import dev.fakeecs.internal.clock.QueuedEvent;
import dev.fakeecs.journal.JournalEventType;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CapacityReservationStatus;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeCapacityReservationResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.MinimumLoadBalancerCapacity;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyCapacityReservationResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ZonalCapacityReservationState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Load balancer capacity unit (LCU) reservations, stored with a state on the virtual clock (capacity itself is
 * not simulated): ModifyCapacityReservation sets a minimum of {@code CapacityUnits} (1–{@link #MAX_UNITS},
 * {@code CapacityUnitsLimitExceeded} above) or resets it; the reservation is {@code pending} for
 * {@link #PROVISIONING} and then {@code provisioned}, each enabled zone carrying an equal share; a change while one
 * is pending → {@code CapacityReservationPending}; at most {@link #DECREASES_PER_DAY} decreases (resets included)
 * per 24 hours ({@code CapacityDecreaseRequestsLimitExceeded}). DescribeCapacityReservation of a load balancer
 * without a reservation shows no minimum and no zones.
 *
 * <pre>{@code
 * capacity.modify(lbArn, 200, false);
 * DescribeCapacityReservationResponse r = capacity.describe(lbArn);
 * }</pre>
 */
final class CapacityReservations {

    /** How long a changed reservation stays {@code pending} (AWS gives no figure; rule). */
    static final Duration PROVISIONING = Duration.ofMinutes(10);
    /** Reserved LCUs per load balancer (rule: AWS's default quota needs a request to raise). */
    static final int MAX_UNITS = 15000;
    static final int DECREASES_PER_DAY = 3;

    private static final class Reservation {
        Integer units;
        String state;
        Instant lastModified;
        final List<Instant> decreases = new ArrayList<>();
        QueuedEvent provisioning;
    }

    private final ElbResources resources;
    private final Map<String, Reservation> reservations = new HashMap<>();

    CapacityReservations(ElbResources resources) {
        this.resources = resources;
    }

    DescribeCapacityReservationResponse describe(String lbArn) {
        LoadBalancerRecord lb = resources.loadBalancer(lbArn);
        Reservation r = reservations.get(lb.arn);
        return DescribeCapacityReservationResponse.builder()
                .lastModifiedTime(r == null ? null : r.lastModified)
                .decreaseRequestsRemaining(remaining(r))
                .minimumLoadBalancerCapacity(r == null || r.units == null ? null
                        : MinimumLoadBalancerCapacity.builder().capacityUnits(r.units).build())
                .capacityReservationState(zones(lb, r)).build();
    }

    ModifyCapacityReservationResponse modify(String lbArn, MinimumLoadBalancerCapacity minimum, Boolean reset) {
        LoadBalancerRecord lb = resources.loadBalancer(lbArn);
        boolean resetting = Boolean.TRUE.equals(reset);
        Integer units = minimum == null ? null : minimum.capacityUnits();
        if (resetting == (minimum != null)) {
            throw ElbErrors.validation("Specify either a minimum load balancer capacity or a capacity reservation "
                    + "reset");
        }
        if (minimum != null && units == null) {
            throw ElbErrors.validation("Capacity units must be specified");
        }
        ElbErrors.range("minimumLoadBalancerCapacity.capacityUnits", units, 1, Integer.MAX_VALUE);
        if (units != null && units > MAX_UNITS) {
            throw ElbErrors.of("CapacityUnitsLimitExceeded", "You've reached the limit on the number of capacity "
                    + "units you can reserve for a load balancer (" + MAX_UNITS + ")");
        }
        Reservation r = reservations.computeIfAbsent(lb.arn, k -> new Reservation());
        if ("pending".equals(r.state)) {
            throw ElbErrors.of("CapacityReservationPending", "There is a pending capacity reservation for this load "
                    + "balancer");
        }
        Instant now = resources.region().now();
        boolean decrease = r.units != null && (resetting || units < r.units);
        if (decrease) {
            r.decreases.removeIf(t -> !t.isAfter(now.minus(Duration.ofDays(1))));
            if (r.decreases.size() >= DECREASES_PER_DAY) {
                throw ElbErrors.of("CapacityDecreaseRequestsLimitExceeded", "You've reached the limit on the number "
                        + "of capacity decrease requests for this load balancer in the last 24 hours");
            }
            r.decreases.add(now);
        }
        r.units = resetting ? null : units;
        r.lastModified = now;
        if (r.provisioning != null) {
            r.provisioning.cancel();
        }
        if (resetting) {
            r.state = null;
            resources.region().record(JournalEventType.LOAD_BALANCER, lb.arn, "capacityReservation", "reset");
        } else {
            r.state = "pending";
            resources.region().record(JournalEventType.LOAD_BALANCER, lb.arn, "capacityReservation", "pending",
                    "capacityUnits", String.valueOf(units));
            r.provisioning = resources.region().engine().clock().schedule(PROVISIONING,
                    "elbv2 capacity " + lb.name, () -> {
                        if (resources.loadBalancers.get(lb.arn) == lb && "pending".equals(r.state)) {
                            r.state = "provisioned";
                            resources.region().record(JournalEventType.LOAD_BALANCER, lb.arn, "capacityReservation",
                                    "provisioned");
                        }
                    });
        }
        return ModifyCapacityReservationResponse.builder()
                .lastModifiedTime(r.lastModified)
                .decreaseRequestsRemaining(remaining(r))
                .minimumLoadBalancerCapacity(r.units == null ? null
                        : MinimumLoadBalancerCapacity.builder().capacityUnits(r.units).build())
                .capacityReservationState(zones(lb, r)).build();
    }

    private int remaining(Reservation r) {
        if (r == null) {
            return DECREASES_PER_DAY;
        }
        Instant since = resources.region().now().minus(Duration.ofDays(1));
        long recent = r.decreases.stream().filter(t -> t.isAfter(since)).count();
        return (int) Math.max(0, DECREASES_PER_DAY - recent);
    }

    private static List<ZonalCapacityReservationState> zones(LoadBalancerRecord lb, Reservation r) {
        List<ZonalCapacityReservationState> out = new ArrayList<>();
        if (r == null || r.units == null || r.state == null) {
            return out;
        }
        double share = "provisioned".equals(r.state) ? (double) r.units / lb.zones.size() : 0.0;
        for (String zone : lb.zones.keySet()) {
            out.add(ZonalCapacityReservationState.builder().availabilityZone(zone)
                    .state(CapacityReservationStatus.builder().code(r.state).build())
                    .effectiveCapacityUnits(share).build());
        }
        return out;
    }
}
