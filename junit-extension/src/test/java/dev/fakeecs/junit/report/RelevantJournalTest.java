package dev.fakeecs.junit.report;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.fault.FaultInjector;
import dev.fakeecs.fault.FaultSpec;
import dev.fakeecs.fault.FaultType;
import dev.fakeecs.journal.JournalEntry;
import dev.fakeecs.journal.JournalEventType;
import dev.fakeecs.junit.EcsCluster;
import dev.fakeecs.junit.assertions.error.JournalRelevance;
import dev.fakeecs.junit.assertions.error.WithWorldContext;
import dev.fakeecs.junit.handle.Capacity;
import dev.fakeecs.junit.handle.EcsClusterHandle;
import dev.fakeecs.junit.handle.EcsServiceHandle;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Predicate;

import static dev.fakeecs.junit.EcsAssertions.assertThat;
import static dev.fakeecs.junit.EcsAssertions.catchThrowable;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;

/** A failure shows the journal lines that explain it (faults, service events, stops) before routine recent ones. */
@EcsCluster(name = "prod", seed = 42, capacity = {Capacity.FARGATE, Capacity.FARGATE_SPOT}, reportOnFailure = false)
class RelevantJournalTest {

    @Test
    void should_show_a_spot_interruption_twenty_entries_back(EcsClusterHandle prod, FaultInjector faults) {
        // given: couriers on Spot; one interruption; then a long stretch of routine changes to the service
        EcsServiceHandle couriers = prod.fargateService("couriers", "acme/couriers:1", 2, r -> r.launchType((String) null)
                .capacityProviderStrategy(s -> s.capacityProvider("FARGATE_SPOT").weight(1)));
        prod.clock().advance(ofMinutes(3));
        faults.inject(FaultSpec.of(FaultType.FARGATE_SPOT_INTERRUPTION).cluster("prod").service("couriers")
                .percentage(50).build());
        prod.clock().advance(ofMinutes(3));
        for (int i = 0; i < 6; i++) {
            prod.scale("couriers", 3 + i % 2);
            prod.clock().advance(ofSeconds(90));
        }
        Predicate<JournalEntry> about = e -> e.subject().equals(couriers.arn())
                || couriers.allTasks().stream().anyMatch(t -> t.arn().equals(e.subject()));
        List<JournalEntry> aboutCouriers = prod.ecs().journal().find(about);
        int spot = indexOfSpotStop(aboutCouriers);
        assertThat(aboutCouriers.size() - spot).as("the interruption is 20 or more entries back").isGreaterThan(20);

        // when
        Throwable failure = catchThrowable(() -> assertThat(couriers).hasRunningCount(9));

        // then
        assertThat(failure).hasMessageContaining("stopCode=SpotInterruption")
                .hasMessageContaining("faultType=FARGATE_SPOT_INTERRUPTION")
                .hasMessageContaining("lines: faults, service events and stops first, then the most recent)")
                .hasMessageContaining(aboutCouriers.get(aboutCouriers.size() - 1).describe());
    }

    private static int indexOfSpotStop(List<JournalEntry> entries) {
        for (int i = 0; i < entries.size(); i++) {
            if ("SpotInterruption".equals(entries.get(i).detail("stopCode"))) {
                return i;
            }
        }
        throw new AssertionError("no Spot interruption in " + entries);
    }

    @Test
    void should_rank_faults_then_service_events_and_stops_then_recency() {
        try (FakeEcs ecs = FakeEcs.builder().seed(1).build()) {
            // given: a fault on the subject's task, a stop, a service event, then twenty routine lines
            ecs.journal().record("us-east-1", JournalEventType.FAULT, "task/prod/a", "faultType", "KILL_TASK");
            ecs.journal().record("us-east-1", JournalEventType.TASK_STATE, "task/prod/a", "to", "STOPPED",
                    "stopCode", "TaskFailedToStart");
            ecs.journal().record("us-east-1", JournalEventType.SERVICE_EVENT, "svc/orders", "message", "unable to place");
            ecs.journal().record("us-east-1", JournalEventType.FAULT, "fault-1", "phase", "started");
            ecs.journal().record("us-east-1", JournalEventType.FAULT, "fault-2", "phase", "started");
            ecs.journal().record("us-east-1", JournalEventType.FAULT, "fault-3", "phase", "started");
            for (int i = 0; i < 20; i++) {
                ecs.journal().record("us-east-1", JournalEventType.SERVICE, "svc/orders", "n", String.valueOf(i));
            }
            Predicate<JournalEntry> about = e -> e.subject().equals("svc/orders") || e.subject().equals("task/prod/a");

            // when
            List<JournalEntry> chosen = JournalRelevance.select(ecs.journal().entries(), about, 8);
            String context = WithWorldContext.context(ecs, "service orders", about);

            // then: in journal order; the fault, stop and event first; two of the world's other faults; then the newest
            assertThat(chosen).extracting(JournalEntry::sequence).isSorted();
            assertThat(chosen).extracting(JournalEntry::subject).containsExactly("task/prod/a", "task/prod/a",
                    "svc/orders", "fault-2", "fault-3", "svc/orders", "svc/orders", "svc/orders");
            assertThat(chosen.subList(5, 8)).extracting(e -> e.detail("n")).containsExactly("17", "18", "19");
            assertThat(context).contains("faultType=KILL_TASK", "stopCode=TaskFailedToStart", "unable to place", "n=19")
                    .doesNotContain("n=16").doesNotContain("fault-1 ")
                    .contains("(8 of 26 lines: faults, service events and stops first, then the most recent)");
        }
    }
}
