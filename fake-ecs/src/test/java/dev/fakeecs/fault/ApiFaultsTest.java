package dev.fakeecs.fault;

import dev.fakeecs.FakeEcs;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.EcsException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiFaultsTest {

    private final FakeEcs ecs = FaultFixtures.world();
    private final FaultInjector faults = FaultInjector.of(ecs);

    private List<Boolean> outcomes(FakeEcs world, int calls) {
        List<Boolean> ok = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            try {
                world.api().listClusters();
                ok.add(true);
            } catch (EcsException e) {
                ok.add(false);
            }
        }
        return ok;
    }

    @Test
    void should_throttle_every_third_call_of_the_operation() {
        faults.inject(FaultSpec.of(FaultType.API_ERROR).operation("ListClusters").everyNth(3).build());

        assertThat(outcomes(ecs, 6)).containsExactly(true, true, false, true, true, false);
        assertThatThrownBy(() -> {
            ecs.api().listClusters();
            ecs.api().listClusters();
            ecs.api().listClusters();
        }).isInstanceOfSatisfying(EcsException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded");
            assertThat(e.statusCode()).isEqualTo(400);
        });
        assertThat(ecs.api().describeClusters(b -> b.clusters("prod")).clusters()).hasSize(1);
    }

    @Test
    void should_fail_calls_with_a_probability_drawn_from_the_seed() {
        FakeEcs other = FaultFixtures.world();
        faults.inject(FaultSpec.of(FaultType.API_ERROR).probability(0.5).errorCode("ServerException").build());
        FaultInjector.of(other).inject(FaultSpec.of(FaultType.API_ERROR).probability(0.5)
                .errorCode("ServerException").build());

        List<Boolean> first = outcomes(ecs, 40);

        assertThat(first).contains(true, false);
        assertThat(outcomes(other, 40)).isEqualTo(first);
    }

    @Test
    void should_advance_virtual_time_by_the_latency_and_report_it_for_the_server() {
        faults.inject(FaultSpec.fromMap(Map.of("type", "API_LATENCY", "operation", "ListClusters",
                "latencyMillis", 1500, "durationSeconds", 60)));
        Instant before = ecs.clock().instant();

        ecs.api().listClusters();
        ecs.api().describeClusters(b -> b.clusters("prod"));

        assertThat(ecs.clock().instant()).isEqualTo(before.plusMillis(1500));
        assertThat(faults.wallLatencyFor("us-east-1", "ListClusters")).isEqualTo(Duration.ofMillis(1500));
        assertThat(faults.wallLatencyFor("us-east-1", "RunTask")).isZero();
        ecs.clock().advance(Duration.ofMinutes(1));
        assertThat(faults.wallLatencyFor("us-east-1", "ListClusters")).isZero();
    }

    @Test
    void should_start_a_scheduled_fault_at_its_virtual_time_and_cancel_it_when_closed_before() {
        FaultHandle later = faults.inject(FaultSpec.of(FaultType.REGION_OUTAGE).at(Duration.ofMinutes(30))
                .duration(Duration.ofMinutes(5)).build());
        FaultHandle cancelled = faults.inject(FaultSpec.of(FaultType.API_ERROR).at(Duration.ofMinutes(1)).build());
        Instant start = ecs.clock().instant();

        assertThat(later.state()).isEqualTo(FaultState.SCHEDULED);
        cancelled.close();
        ecs.clock().advance(Duration.ofMinutes(29));
        assertThat(outcomes(ecs, 1)).containsExactly(true);
        ecs.clock().advance(Duration.ofMinutes(1));

        assertThat(later.state()).isEqualTo(FaultState.ACTIVE);
        assertThat(later.startedAt()).isEqualTo(start.plus(Duration.ofMinutes(30)));
        assertThat(outcomes(ecs, 1)).containsExactly(false);
        faults.remove(later.id());
        assertThat(outcomes(ecs, 1)).containsExactly(true);
        assertThat(cancelled.startedAt()).isNull();
        assertThat(ecs.journal().about(cancelled.id())).extracting(e -> e.detail("phase"))
                .containsExactly("injected", "cancelled");
    }

    @Test
    void should_read_specs_from_control_api_fields_and_reject_bad_ones() {
        FaultSpec spec = FaultSpec.fromMap(Map.of("type", "ec2_spot_interruption", "cluster", "prod",
                "noticeSeconds", "90", "percentage", 50, "atSeconds", 30));

        assertThat(spec.type()).isEqualTo(FaultType.EC2_SPOT_INTERRUPTION);
        assertThat(spec.notice()).isEqualTo(Duration.ofSeconds(90));
        assertThat(spec.at()).isEqualTo(Duration.ofSeconds(30));
        assertThat(spec.percentage()).isEqualTo(50);
        assertThatThrownBy(() -> FaultSpec.fromMap(Map.of("type", "METEOR"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown fault type METEOR");
        assertThatThrownBy(() -> FaultSpec.fromMap(Map.of("type", "STOP_TASK", "colour", "red")))
                .hasMessageContaining("unknown fault field colour");
        assertThatThrownBy(() -> faults.inject(FaultSpec.of(FaultType.AZ_OUTAGE).build()))
                .hasMessage("AZ_OUTAGE needs availabilityZone");
        assertThatThrownBy(() -> faults.remove("fault-9999")).isInstanceOf(NoSuchElementException.class);
    }
}
