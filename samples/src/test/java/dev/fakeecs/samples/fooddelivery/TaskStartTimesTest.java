package dev.fakeecs.samples.fooddelivery;

import dev.fakeecs.FakeEcs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Task;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.CLUSTER;
import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.RECOMMENDATIONS;
import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.RESTAURANTS;
import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.USERS;
import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.describe;
import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.tasks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The seed's start-up figures, read from DescribeTasks as an operator would (startedAt - createdAt):
 * "New Fargate tasks: start in 90 seconds; ECR cached on host: image already present -> 20 seconds".
 */
class TaskStartTimesTest {

    private final FakeEcs ecs = FoodDeliveryPlatform.start();

    @AfterEach
    void close() {
        ecs.close();
    }

    private static Duration startUp(Task t) {
        return Duration.between(t.createdAt(), t.startedAt());
    }

    private static Duration pull(Task t) {
        return Duration.between(t.pullStartedAt(), t.pullStoppedAt());
    }

    @Test
    void fargate_tasks_start_in_90_seconds() {
        // when
        ecs.clock().advance(Duration.ofMinutes(5));

        // then: Fargate caches nothing; every task pulls its image (10 s ENI, 70 s pull, 10 s activation)
        assertThat(tasks(ecs, USERS, "RUNNING")).hasSize(3).allSatisfy(t -> {
            assertThat(t.launchTypeAsString()).isEqualTo("FARGATE");
            assertThat(startUp(t)).isEqualTo(Duration.ofSeconds(90));
            assertThat(pull(t)).isEqualTo(Duration.ofSeconds(70));
        });
    }

    @Test
    void ec2_tasks_start_in_60_seconds_on_a_host_pulling_the_image_for_the_first_time() {
        // when: the GPU hosts booted at 18:00 and have never pulled restaurant-service
        ecs.clock().advance(Duration.ofMinutes(5));

        // then
        assertThat(tasks(ecs, RESTAURANTS, "RUNNING")).hasSize(5).allSatisfy(t -> {
            assertThat(t.launchTypeAsString()).isEqualTo("EC2");
            assertThat(startUp(t)).isEqualTo(Duration.ofSeconds(60));
            assertThat(pull(t)).isEqualTo(Duration.ofSeconds(48));
        });
    }

    @Test
    void ec2_tasks_start_in_20_seconds_where_the_image_is_cached_and_60_where_the_host_pulls_it_first() {
        // given: ml-recommendation runs one task on the Graviton hosts of us-east-1a and us-east-1b;
        // the host in us-east-1c has never pulled its image
        ecs.clock().advance(Duration.ofMinutes(5));
        List<String> firstTasks = tasks(ecs, RECOMMENDATIONS, "RUNNING").stream().map(Task::taskArn).toList();
        Instant scaledAt = ecs.clock().instant();

        // when: it scales out to six, two per host
        ecs.api().updateService(r -> r.cluster(CLUSTER).service(RECOMMENDATIONS).desiredCount(6));
        ecs.clock().advance(Duration.ofSeconds(20));

        // then: on the two hosts that have the image: 2 s provisioning, 8 s pull, 10 s activation
        assertThat(describe(ecs, RECOMMENDATIONS).runningCount()).isEqualTo(4);
        ecs.clock().advance(Duration.ofSeconds(40));
        assertThat(describe(ecs, RECOMMENDATIONS).runningCount()).isEqualTo(6);
        List<Task> newTasks = tasks(ecs, RECOMMENDATIONS, "RUNNING").stream()
                .filter(t -> !firstTasks.contains(t.taskArn())).toList();
        assertThat(newTasks).hasSize(4).allSatisfy(t -> assertThat(t.createdAt()).isEqualTo(scaledAt));
        Map<String, List<Duration>> startUpByZone = newTasks.stream().collect(Collectors.groupingBy(
                Task::availabilityZone, TreeMap::new, Collectors.mapping(TaskStartTimesTest::startUp,
                        Collectors.toList())));
        assertThat(startUpByZone).containsExactly(
                entry("us-east-1a", List.of(Duration.ofSeconds(20))),
                entry("us-east-1b", List.of(Duration.ofSeconds(20))),
                // and on the host that pulls it for the first time: 2 s + 48 s + 10 s
                entry("us-east-1c", List.of(Duration.ofSeconds(60), Duration.ofSeconds(60))));
    }
}
