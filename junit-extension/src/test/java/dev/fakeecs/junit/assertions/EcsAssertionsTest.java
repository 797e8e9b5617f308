package dev.fakeecs.junit.assertions;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.journal.JournalEventType;
import dev.fakeecs.junit.handle.Capacity;
import dev.fakeecs.junit.EcsCluster;
import dev.fakeecs.junit.handle.EcsClusterHandle;
import dev.fakeecs.junit.handle.EcsContainerInstanceHandle;
import dev.fakeecs.junit.handle.EcsServiceHandle;
import dev.fakeecs.junit.EcsSoftAssertions;
import dev.fakeecs.junit.handle.EcsTaskHandle;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.DeploymentRolloutState;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.PlacementStrategyType;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

import java.time.Duration;
import java.time.Instant;

import static dev.fakeecs.junit.EcsAssertions.assertThat;
import static dev.fakeecs.junit.EcsAssertions.assertThatThrownBy;
import static dev.fakeecs.junit.EcsAssertions.within;
import static java.time.Duration.ofMinutes;

/** Every assertion, passing and failing, with its message. */
@EcsCluster(name = "prod", seed = 42)
class EcsAssertionsTest {

    private static EcsServiceHandle steadyOrders(EcsClusterHandle prod, int count) {
        EcsServiceHandle orders = prod.fargateService("orders", "acme/orders:1", count);
        prod.clock().advance(ofMinutes(3));
        return orders;
    }

    @Nested
    class Services {

        @Test
        void should_pass_on_a_steady_service(EcsClusterHandle prod) {
            // given
            EcsServiceHandle orders = steadyOrders(prod, 3);

            // then
            assertThat(orders).exists().hasStatus("ACTIVE").hasDesiredCount(3).hasRunningCount(3).hasPendingCount(0)
                    .isSteady().hasReachedSteadyState().hasEvent("has reached a steady state.")
                    .hasDeploymentsCount(1)
                    .hasPrimaryDeployment().withRolloutState(DeploymentRolloutState.COMPLETED).isPrimary()
                    .hasDesiredCount(3).hasRunningCount(3).hasFailedTasks(0)
                    .returnToService()
                    .tasks().hasSize(3).allRunning().allRunningOn(Capacity.FARGATE).allRunningOn("FARGATE")
                    .isSpreadEvenlyAcrossZones()
                    .returnToService().isSpreadEvenlyAcross("us-east-1a", "us-east-1b", "us-east-1c");
        }

        @Test
        void should_report_running_count_with_state_time_seed_and_journal(EcsClusterHandle prod) {
            EcsServiceHandle orders = steadyOrders(prod, 2);

            assertThatThrownBy(() -> assertThat(orders).hasRunningCount(5))
                    .hasMessageContaining(String.format("Expecting service:%n  service orders in cluster prod (us-east-1)"
                            + "%nto have running count:%n  5%nbut was:%n  2 (ACTIVE, desired 2, running 2, pending 0,"))
                    .hasMessageContaining("at virtual time 2026-01-01T00:03:00Z, seed 42")
                    .hasMessageContaining("recent journal about service orders")
                    .hasMessageContaining("has reached a steady state.");
        }

        @Test
        void should_report_a_service_that_is_not_steady(EcsClusterHandle prod) {
            EcsServiceHandle orders = prod.fargateService("orders", "acme/orders:1", 2);
            prod.clock().advance(Duration.ofSeconds(30));

            assertThatThrownBy(() -> assertThat(orders).isSteady())
                    .hasMessageContaining("to be steady (one PRIMARY deployment, rollout COMPLETED")
                    .hasMessageContaining("IN_PROGRESS");
            assertThatThrownBy(() -> assertThat(orders).hasReachedSteadyState())
                    .hasMessageContaining("to have reached a steady state");
            assertThatThrownBy(() -> assertThat(orders).hasEvent("has reached a steady state."))
                    .hasMessageContaining("to have an event containing:").hasMessageContaining("has started 2 tasks");
            assertThatThrownBy(() -> assertThat(orders).hasPrimaryDeployment()
                    .withRolloutState(DeploymentRolloutState.COMPLETED))
                    .hasMessageContaining("to have rollout state:").hasMessageContaining("IN_PROGRESS");
        }

        @Test
        void should_report_a_missing_service(EcsClusterHandle prod) {
            assertThatThrownBy(() -> assertThat(prod.service("ghost")).hasRunningCount(1))
                    .hasMessageContaining(String.format("Expecting service:%n  service ghost in cluster prod (us-east-1)"
                            + "%nto exist"));
        }

        @Test
        void should_report_tasks_not_on_the_expected_capacity(EcsClusterHandle prod) {
            EcsServiceHandle orders = steadyOrders(prod, 2);

            assertThatThrownBy(() -> assertThat(orders).tasks().allRunningOn(Capacity.FARGATE_SPOT))
                    .hasMessageContaining(String.format("Expecting all tasks of:%n  service orders in cluster prod"))
                    .hasMessageContaining("to be RUNNING on:").hasMessageContaining("on FARGATE in us-east-1");
            assertThatThrownBy(() -> assertThat(orders).tasks().hasSize(3)).hasMessageContaining("to have tasks");
        }

        @Test
        void should_report_an_uneven_spread(EcsClusterHandle prod) {
            EcsServiceHandle orders = steadyOrders(prod, 2);

            assertThatThrownBy(() -> assertThat(orders).isSpreadEvenlyAcross("us-east-1a"))
                    .hasMessageContaining("to be spread evenly (counts differ by at most 1) across:")
                    .hasMessageContaining("but the counts per zone were:");
        }

        @Test
        void should_run_on_fargate_spot_when_the_strategy_says_so(EcsClusterHandle prod) {
            EcsServiceHandle spot = prod.fargateService("batch", "acme/batch:1", 4, r -> r.launchType((LaunchType) null)
                    .capacityProviderStrategy(s -> s.capacityProvider("FARGATE_SPOT").weight(1)));

            assertThat(spot).eventually(within(ofMinutes(5))).hasRunningCount(4)
                    .tasks().allRunningOn(Capacity.FARGATE_SPOT).allRunningOn(dev.fakeecs.dsl.Ecs.FARGATE_SPOT);
        }
    }

    @Nested
    class Eventually {

        @Test
        void should_advance_virtual_time_until_the_check_holds(EcsClusterHandle prod, FakeEcs ecs) {
            EcsServiceHandle orders = prod.fargateService("orders", "acme/orders:1", 2);
            prod.scale("orders", 20);

            assertThat(orders).eventually(within(ofMinutes(10))).hasRunningCount(20).isSteady();

            assertThat(ecs.clock().instant()).isAfter(FakeEcs.DEFAULT_START).isBefore(FakeEcs.DEFAULT_START.plus(ofMinutes(10)));
        }

        @Test
        void should_stop_at_the_instant_the_check_first_holds(EcsClusterHandle prod, FakeEcs ecs) {
            EcsServiceHandle orders = prod.fargateService("orders", "acme/orders:1", 3);

            assertThat(orders).eventually(ofMinutes(10)).hasEvent("has reached a steady state.");

            assertThat(ecs.clock().instant()).isEqualTo(Instant.parse("2026-01-01T00:02:10Z"));
        }

        @Test
        void should_report_the_state_at_the_deadline(EcsClusterHandle prod, FakeEcs ecs) {
            EcsServiceHandle orders = prod.fargateService("orders", "acme/orders:1", 2);

            assertThatThrownBy(() -> assertThat(orders).eventually(within(ofMinutes(10))).hasRunningCount(20))
                    .hasMessageContaining("[eventually] within PT10M of virtual time (2026-01-01T00:00:00Z to"
                            + " 2026-01-01T00:10:00Z):")
                    .hasMessageContaining(String.format("but at the deadline was:%n  2 (ACTIVE, desired 2, running 2"))
                    .hasMessageContaining("at virtual time 2026-01-01T00:10:00Z");
            assertThat(ecs.clock().instant()).isEqualTo(Instant.parse("2026-01-01T00:10:00Z"));
        }

        @Test
        void should_share_one_deadline_along_a_navigation_chain(EcsClusterHandle prod, FakeEcs ecs) {
            EcsServiceHandle orders = prod.fargateService("orders", "acme/orders:1", 2);

            assertThat(orders).eventually(within(ofMinutes(5))).hasRunningCount(2)
                    .hasPrimaryDeployment().withRolloutState(DeploymentRolloutState.COMPLETED);

            assertThat(ecs.clock().instant()).isBefore(FakeEcs.DEFAULT_START.plus(ofMinutes(5)));
        }
    }

    @Nested
    class Tasks {

        @Test
        void should_assert_a_stopped_task_and_its_stop_code(EcsClusterHandle prod) {
            EcsServiceHandle orders = steadyOrders(prod, 2);
            EcsTaskHandle first = orders.tasks().get(0);

            assertThat(first).isRunning().hasDesiredStatus("RUNNING").runsOn(Capacity.FARGATE);
            prod.api().stopTask(r -> r.cluster("prod").task(first.arn()).reason("operator says so"));

            assertThat(first).eventually(ofMinutes(2)).hasStopped().withStopCode(TaskStopCode.USER_INITIATED)
                    .withStoppedReasonContaining("operator");
            assertThatThrownBy(() -> assertThat(first).withStopCode("SpotInterruption"))
                    .hasMessageContaining(String.format("Expecting task:%n  task " + first.id()))
                    .hasMessageContaining("to have stop code:")
                    .hasMessageContaining("stopCode UserInitiated")
                    .hasMessageContaining("recent journal about task " + first.id());
        }

        @Test
        void should_assert_zone(EcsClusterHandle prod) {
            EcsTaskHandle task = steadyOrders(prod, 1).tasks().get(0);
            String zone = task.describe().availabilityZone();

            assertThat(task).isInZone(zone);
            assertThatThrownBy(() -> assertThat(task).isInZone("us-west-2a")).hasMessageContaining("to have availability zone:");
        }
    }

    @Nested
    @EcsCluster(name = "ec2", capacity = Capacity.EC2, ec2Hosts = 2)
    class ContainerInstances {

        @Test
        void should_assert_hosts(EcsClusterHandle ec2) {
            EcsContainerInstanceHandle host = ec2.containerInstances().get(0);

            assertThat(host).exists().isActive().hasAgentConnected().hasRunningTasksCount(0).isInZone("us-east-1a");
            assertThat(ec2).isActive().hasRegisteredContainerInstancesCount(2).hasRunningTasksCount(0)
                    .hasActiveServicesCount(0);
            assertThatThrownBy(() -> assertThat(host).isDraining())
                    .hasMessageContaining("Expecting container instance:").hasMessageContaining("to have status:")
                    .hasMessageContaining("ACTIVE, running 0");
            assertThatThrownBy(() -> assertThat(ec2).hasRegisteredContainerInstancesCount(3))
                    .hasMessageContaining("to have registered container instances count:");
        }
    }

    @Nested
    class WorldAndJournal {

        @Test
        void should_navigate_from_the_world(FakeEcs ecs, EcsClusterHandle prod) {
            steadyOrders(prod, 2);

            assertThat(ecs).isAt(Instant.parse("2026-01-01T00:03:00Z"))
                    .cluster("prod").hasActiveServicesCount(1).hasRunningTasksCount(2)
                    .service("orders").isSteady().returnToCluster()
                    .isActive();
            assertThatThrownBy(() -> assertThat(ecs).cluster("nope"))
                    .hasMessageContaining("Expecting cluster:").hasMessageContaining("us-east-1/prod");
        }

        @Test
        void should_assert_changes_since_a_mark(FakeEcs ecs, EcsClusterHandle prod) {
            EcsServiceHandle orders = steadyOrders(prod, 2);
            long mark = prod.mark();

            assertThat(prod.changesSince(mark)).isEmpty();
            orders.tasks().forEach(t -> prod.api().stopTask(r -> r.cluster("prod").task(t.arn())));
            ecs.clock().advance(ofMinutes(3));

            assertThat(prod.changesSince(mark))
                    .hasStopped(2).withStopCode("UserInitiated")
                    .hasStarted(2)
                    .containsEntry(JournalEventType.TASK_STATE)
                    .containsEntry(JournalEventType.TASK_PLACED, "task/prod/")
                    .containsLine("to=STOPPED")
                    .doesNotContainEntry(JournalEventType.FAULT)
                    .doesNotContainEntryAbout("service/prod/payments");
            assertThat(ecs).changesSince(mark).hasStopped(2);
            assertThat(ecs).journal().containsEntry(JournalEventType.CLUSTER);
            assertThatThrownBy(() -> assertThat(prod.changesSince(mark)).hasStopped(2).withStopCode("SpotInterruption"))
                    .hasMessageContaining("to have every stopped task with stop code:")
                    .hasMessageContaining("UserInitiated");
            assertThatThrownBy(() -> assertThat(prod.changesSince(mark)).containsEntry(JournalEventType.FAULT))
                    .hasMessageContaining(String.format("Expecting the journal since mark %d%nto contain:%n"
                            + "  an entry of type FAULT", mark));
            assertThatThrownBy(() -> assertThat(prod.changesSince(mark)).isEmpty())
                    .hasMessageContaining("not to contain:");
        }
    }

    @Nested
    class Soft {

        @Test
        void should_collect_every_failure(EcsClusterHandle prod) {
            EcsServiceHandle orders = steadyOrders(prod, 2);

            assertThatThrownBy(() -> EcsSoftAssertions.softly(softly -> {
                softly.assertThat(orders).hasRunningCount(7);
                softly.assertThat(orders).hasDesiredCount(9);
                softly.assertThat(orders).isSteady();
            })).hasMessageContaining("Multiple Failures (2 failures)")
                    .hasMessageContaining("to have running count:").hasMessageContaining("to have desired count:");
        }

        @Test
        void should_survive_a_missing_subject(EcsClusterHandle prod) {
            EcsSoftAssertions softly = new EcsSoftAssertions();
            softly.assertThat(prod.service("ghost")).hasRunningCount(1);
            assertThat(softly.errorsCollected()).hasSizeGreaterThanOrEqualTo(1);
            assertThat(softly.errorsCollected().get(0)).hasMessageContaining("to exist");
        }
    }
}
