package dev.fakeecs.samples.fooddelivery;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.fault.FaultInjector;
import dev.fakeecs.fault.FaultSpec;
import dev.fakeecs.fault.FaultType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;
import software.amazon.awssdk.services.ecs.model.Task;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.CLUSTER;
import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.RESTAURANTS;
import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.USERS;
import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.describe;
import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.serviceNames;
import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.tasks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** us-east-1a goes dark for 30 minutes at 18:30, half an hour before the dinner peak. */
class ZoneOutageTest {

    private static final String ZONE = "us-east-1a";
    private static final Instant OUTAGE = Instant.parse("2026-03-06T18:30:00Z");

    private final FakeEcs ecs = FoodDeliveryPlatform.start();

    @AfterEach
    void close() {
        ecs.close();
    }

    private List<Task> runningTasks() {
        return serviceNames().stream().flatMap(s -> tasks(ecs, s, "RUNNING").stream()).toList();
    }

    private Map<String, Long> runningByZone(String service) {
        return tasks(ecs, service, "RUNNING").stream().collect(Collectors.groupingBy(Task::availabilityZone,
                TreeMap::new, Collectors.counting()));
    }

    private void assertEveryServiceAtItsDesiredCount() {
        assertThat(serviceNames()).allSatisfy(name -> {
            var service = describe(ecs, name);
            assertThat(service.runningCount()).as(name).isEqualTo(service.desiredCount());
        });
    }

    @Test
    void a_zone_outage_loses_its_tasks_the_services_recover_in_the_other_zones_and_rebalance_after_it() {
        // given: every service runs, seven tasks of them in us-east-1a
        ecs.clock().advanceTo(OUTAGE);
        List<String> inZone = runningTasks().stream().filter(t -> t.availabilityZone().equals(ZONE))
                .map(Task::taskArn).toList();
        assertThat(inZone).hasSize(7);

        // when
        FaultInjector.of(ecs).inject(FaultSpec.of(FaultType.AZ_OUTAGE).availabilityZone(ZONE)
                .duration(Duration.ofMinutes(30)).build());

        // then: they are all lost at once; Fargate tasks with the zone, EC2 tasks with their stopped host
        List<Task> lost = ecs.api().describeTasks(r -> r.cluster(CLUSTER).tasks(inZone)).tasks();
        assertThat(lost).allSatisfy(t -> {
            assertThat(t.lastStatus()).isEqualTo("STOPPED");
            assertThat(t.stopCodeAsString()).isEqualTo("TerminationNotice");
            assertThat(t.stoppedAt()).isEqualTo(OUTAGE);
        });
        assertThat(lost).filteredOn(t -> t.launchTypeAsString().equals("FARGATE")).hasSize(4)
                .allSatisfy(t -> assertThat(t.stoppedReason())
                        .isEqualTo("Task stopped because availability zone us-east-1a became unavailable."));
        assertThat(lost).filteredOn(t -> t.launchTypeAsString().equals("EC2")).hasSize(3)
                .allSatisfy(t -> assertThat(t.stoppedReason()).matches("Host EC2 \\(instance i-[0-9a-f]{17}\\) stopped\\."));

        // and within five minutes every service is back at its desired count, nothing in us-east-1a
        ecs.clock().advance(Duration.ofMinutes(5));
        assertEveryServiceAtItsDesiredCount();
        assertThat(runningTasks()).extracting(Task::availabilityZone).doesNotContain(ZONE);
        assertThat(runningByZone(USERS)).containsExactly(entry("us-east-1b", 2L), entry("us-east-1c", 1L));
        assertThat(runningByZone(RESTAURANTS)).containsExactly(entry("us-east-1b", 3L), entry("us-east-1c", 2L));

        // still nothing placed there a minute before it comes back
        ecs.clock().advanceTo(OUTAGE.plus(Duration.ofMinutes(29)));
        assertThat(runningTasks()).extracting(Task::availabilityZone).doesNotContain(ZONE);

        // when the zone is back, AZ rebalancing starts a task there first, then stops one in the fullest zone
        ecs.clock().advanceTo(OUTAGE.plus(Duration.ofMinutes(35)));
        assertEveryServiceAtItsDesiredCount();
        assertThat(runningByZone(USERS)).containsExactly(
                entry("us-east-1a", 1L), entry("us-east-1b", 1L), entry("us-east-1c", 1L));
        assertThat(runningByZone(RESTAURANTS)).containsExactly(
                entry("us-east-1a", 1L), entry("us-east-1b", 2L), entry("us-east-1c", 2L));
        assertThat(describe(ecs, USERS).events()).extracting(ServiceEvent::message).containsSubsequence(
                "(service user-service) is AZ balanced.",
                "(service user-service) is not AZ balanced. Amazon ECS is rebalancing tasks across Availability Zones.");
    }
}
