package dev.fakeecs.internal.placement;

import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.internal.random.SeededRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.PlacementConstraint;
import software.amazon.awssdk.services.ecs.model.PlacementStrategy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static dev.fakeecs.internal.placement.PlacementStrategies.binpack;
import static dev.fakeecs.internal.placement.PlacementStrategies.distinctInstance;
import static dev.fakeecs.internal.placement.PlacementStrategies.memberOf;
import static dev.fakeecs.internal.placement.PlacementStrategies.random;
import static dev.fakeecs.internal.placement.PlacementStrategies.spread;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskPlacerTest {

    private static final String WEB = "family:web";

    private final PlacementFixtures fx = new PlacementFixtures();
    private final TaskPlacer placer = new TaskPlacer(new SeededRandom(1));

    private PlacementResult place(List<SimulatedContainerInstance> candidates, ResourceDemand demand,
                                  List<PlacementConstraint> constraints, List<PlacementStrategy> strategies) {
        return placer.placeOne(new PlacementRequest(candidates, demand, WEB, constraints, strategies));
    }

    private PlacementResult place(List<SimulatedContainerInstance> candidates, ResourceDemand demand) {
        return place(candidates, demand, List.of(), List.of());
    }

    /** Places and reserves {@code count} tasks, as RunTask does; returns where each went. */
    private List<SimulatedContainerInstance> placeAndReserve(int count, List<SimulatedContainerInstance> candidates,
                                                    ResourceDemand demand, List<PlacementConstraint> constraints,
                                                    List<PlacementStrategy> strategies) {
        List<SimulatedContainerInstance> chosen = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            PlacementResult result = place(candidates, demand, constraints, strategies);
            assertThat(result.placed()).as("task %d placed; failures %s", i, result.failures()).isTrue();
            fx.newTask(result.instance(), WEB, demand);
            chosen.add(result.instance());
        }
        return chosen;
    }

    @Nested
    class Failure_reasons {

        @Test
        void should_report_one_reason_per_rejected_instance_in_candidate_order() {
            // given
            SimulatedContainerInstance draining = fx.instance("us-east-1a");
            draining.status("DRAINING");
            SimulatedContainerInstance disconnected = fx.instance("us-east-1a");
            disconnected.agentConnected(false);
            SimulatedContainerInstance busyCpu = fx.instance("us-east-1a");
            fx.runTask(busyCpu, "other", 2048, 100);
            SimulatedContainerInstance busyMemory = fx.instance("us-east-1a");
            fx.runTask(busyMemory, "other", 0, 7500);
            // when
            PlacementResult result = place(List.of(draining, disconnected, busyCpu, busyMemory),
                    ResourceDemand.of(256, 512));
            // then
            assertThat(result.instance()).isNull();
            assertThat(result.failures()).containsExactly(
                    new PlacementFailure(draining.arn(), "INACTIVE"),
                    new PlacementFailure(disconnected.arn(), "AGENT"),
                    new PlacementFailure(busyCpu.arn(), "RESOURCE:CPU"),
                    new PlacementFailure(busyMemory.arn(), "RESOURCE:MEMORY"));
        }

        @Test
        void should_give_the_first_failing_check_when_several_fail() {
            SimulatedContainerInstance host = fx.instance("us-east-1a");
            host.status("DRAINING");
            host.agentConnected(false);
            assertThat(place(List.of(host), ResourceDemand.of(99_999, 99_999)).failures())
                    .extracting(PlacementFailure::reason).containsExactly("INACTIVE");
            host.status("ACTIVE");
            assertThat(place(List.of(host), ResourceDemand.of(99_999, 99_999)).failures())
                    .extracting(PlacementFailure::reason).containsExactly("AGENT");
            host.agentConnected(true);
            assertThat(place(List.of(host), ResourceDemand.of(99_999, 99_999)).failures())
                    .extracting(PlacementFailure::reason).containsExactly("RESOURCE:CPU");
        }

        @Test
        void should_report_ports_taken_by_the_agent_or_by_tasks() {
            SimulatedContainerInstance host = fx.instance("us-east-1a");
            fx.runTask(host, "other", 128, 128, List.of(80));
            ResourceDemand ssh = new ResourceDemand(128, 128, List.of(22), List.of(), 0, false);
            ResourceDemand http = new ResourceDemand(128, 128, List.of(8080, 80), List.of(), 0, false);
            ResourceDemand free = new ResourceDemand(128, 128, List.of(8080), List.of(), 0, false);
            assertThat(place(List.of(host), ssh).failures()).extracting(PlacementFailure::reason)
                    .containsExactly("RESOURCE:PORTS");
            assertThat(place(List.of(host), http).failures()).extracting(PlacementFailure::reason)
                    .containsExactly("RESOURCE:PORTS");
            assertThat(place(List.of(host), free).instance()).isSameAs(host);
        }

        @Test
        void should_report_udp_ports_separately() {
            SimulatedContainerInstance host = fx.instance("us-east-1a");
            host.reservedUdpPorts().add(53);
            ResourceDemand dnsUdp = new ResourceDemand(128, 128, List.of(), List.of(53), 0, false);
            ResourceDemand dnsTcp = new ResourceDemand(128, 128, List.of(53), List.of(), 0, false);
            assertThat(place(List.of(host), dnsUdp).failures()).extracting(PlacementFailure::reason)
                    .containsExactly("RESOURCE:PORTS_UDP");
            assertThat(place(List.of(host), dnsTcp).placed()).isTrue();
        }

        @Test
        void should_report_missing_gpus() {
            SimulatedContainerInstance plain = fx.instance("us-east-1a");
            SimulatedContainerInstance gpuHost = fx.instance("us-east-1a", PlacementFixtures.G4DN);
            ResourceDemand oneGpu = new ResourceDemand(1024, 1024, List.of(), List.of(), 1, false);
            // when
            PlacementResult first = place(List.of(plain, gpuHost), oneGpu);
            fx.newTask(first.instance(), WEB, oneGpu);
            PlacementResult second = place(List.of(plain, gpuHost), oneGpu);
            // then
            assertThat(first.instance()).isSameAs(gpuHost);
            assertThat(first.failures()).containsExactly(new PlacementFailure(plain.arn(), "RESOURCE:GPU"));
            assertThat(second.placed()).isFalse();
            assertThat(second.failures()).extracting(PlacementFailure::reason)
                    .containsExactly("RESOURCE:GPU", "RESOURCE:GPU");
        }

        @Test
        void should_report_when_no_eni_is_left_for_awsvpc_tasks() {
            SimulatedContainerInstance host = fx.instance("us-east-1a"); // m5.large: 3 ENIs, the primary one taken
            ResourceDemand awsvpc = new ResourceDemand(128, 128, List.of(), List.of(), 0, true);
            placeAndReserve(2, List.of(host), awsvpc, List.of(), List.of());
            assertThat(place(List.of(host), awsvpc).failures()).extracting(PlacementFailure::reason)
                    .containsExactly("RESOURCE:ENI");
            assertThat(place(List.of(host), ResourceDemand.of(128, 128)).placed()).isTrue();
        }

        @Test
        void should_see_earlier_reservations_when_placing_several_tasks() {
            SimulatedContainerInstance host = fx.instance("us-east-1a"); // 2048 CPU units
            placeAndReserve(2, List.of(host), ResourceDemand.of(1024, 256), List.of(), List.of());
            PlacementResult third = place(List.of(host), ResourceDemand.of(1024, 256));
            assertThat(third.placed()).isFalse();
            assertThat(third.failures()).containsExactly(new PlacementFailure(host.arn(), "RESOURCE:CPU"));
        }

        @Test
        void should_accept_a_task_that_uses_exactly_what_remains() {
            SimulatedContainerInstance host = fx.instance("us-east-1a");
            assertThat(place(List.of(host), ResourceDemand.of(2048, 7680)).instance()).isSameAs(host);
        }
    }

    @Nested
    class Constraints {

        @Test
        void should_keep_each_task_of_the_group_on_its_own_instance_with_distinct_instance() {
            SimulatedContainerInstance a = fx.instance("us-east-1a");
            SimulatedContainerInstance b = fx.instance("us-east-1b");
            List<SimulatedContainerInstance> hosts = List.of(a, b);
            // when
            List<SimulatedContainerInstance> chosen = placeAndReserve(2, hosts, ResourceDemand.of(128, 128),
                    List.of(distinctInstance()), List.of());
            PlacementResult third = place(hosts, ResourceDemand.of(128, 128), List.of(distinctInstance()), List.of());
            // then
            assertThat(chosen).containsExactly(a, b);
            assertThat(third.placed()).isFalse();
            assertThat(third.failures()).extracting(PlacementFailure::reason).containsExactly("ATTRIBUTE", "ATTRIBUTE");
        }

        @Test
        void should_let_distinct_instance_ignore_other_groups_and_stopped_tasks() {
            SimulatedContainerInstance a = fx.instance("us-east-1a");
            fx.runTask(a, "family:other", 128, 128);
            var stopped = fx.runTask(a, WEB, 128, 128);
            stopped.lastStatus("STOPPED");
            a.release(stopped); // the engine releases a task's host resources when it reaches STOPPED
            assertThat(place(List.of(a), ResourceDemand.of(128, 128), List.of(distinctInstance()), List.of())
                    .instance()).isSameAs(a);
        }

        @Test
        void should_place_only_on_members_of_the_expression() {
            SimulatedContainerInstance t3 = fx.instance("us-east-1a");
            t3.attributes().put("ecs.instance-type", "t3.medium");
            SimulatedContainerInstance m5 = fx.instance("us-east-1b");
            PlacementResult result = place(List.of(t3, m5), ResourceDemand.of(128, 128),
                    List.of(memberOf("attribute:ecs.instance-type =~ m5.*")), List.of());
            assertThat(result.instance()).isSameAs(m5);
            assertThat(result.failures()).containsExactly(new PlacementFailure(t3.arn(), "ATTRIBUTE"));
        }

        @Test
        void should_require_every_member_of_constraint() {
            SimulatedContainerInstance a = fx.instance("us-east-1a");
            SimulatedContainerInstance b = fx.instance("us-east-1b");
            SimulatedContainerInstance c = fx.instance("us-east-1b");
            c.attributes().put("stack", "prod");
            PlacementResult result = place(List.of(a, b, c), ResourceDemand.of(128, 128),
                    List.of(memberOf("attribute:ecs.availability-zone == us-east-1b"),
                            memberOf("attribute:stack exists")), List.of());
            assertThat(result.instance()).isSameAs(c);
            assertThat(result.failures()).extracting(PlacementFailure::reason).containsExactly("ATTRIBUTE", "ATTRIBUTE");
        }

        @Test
        void should_support_affinity_to_another_group() {
            SimulatedContainerInstance a = fx.instance("us-east-1a");
            SimulatedContainerInstance b = fx.instance("us-east-1b");
            fx.runTask(b, "database", 128, 128);
            assertThat(place(List.of(a, b), ResourceDemand.of(128, 128),
                    List.of(memberOf("task:group == database")), List.of()).instance()).isSameAs(b);
            assertThat(place(List.of(a, b), ResourceDemand.of(128, 128),
                    List.of(memberOf("not(task:group == database)")), List.of()).instance()).isSameAs(a);
        }

        @Test
        void should_check_resources_before_constraints() {
            SimulatedContainerInstance full = fx.instance("us-east-1a");
            fx.runTask(full, WEB, 2048, 128);
            PlacementResult result = place(List.of(full), ResourceDemand.of(128, 128),
                    List.of(memberOf("attribute:stack == prod"), distinctInstance()), List.of());
            assertThat(result.failures()).extracting(PlacementFailure::reason).containsExactly("RESOURCE:CPU");
        }

        @Test
        void should_reject_an_invalid_expression_when_placing() {
            SimulatedContainerInstance a = fx.instance("us-east-1a");
            assertThatThrownBy(() -> place(List.of(a), ResourceDemand.of(1, 1),
                    List.of(memberOf("attribute:stack ==")), List.of()))
                    .isInstanceOf(InvalidParameterException.class);
        }
    }

    @Nested
    class Strategies {

        @Test
        void should_binpack_memory_onto_the_instance_with_least_memory_left_that_fits() {
            SimulatedContainerInstance empty = fx.instance("us-east-1a");
            SimulatedContainerInstance half = fx.instance("us-east-1a");
            fx.runTask(half, "other", 0, 3680);   // 4000 left
            SimulatedContainerInstance nearlyFull = fx.instance("us-east-1a");
            fx.runTask(nearlyFull, "other", 0, 5680); // 2000 left
            List<SimulatedContainerInstance> hosts = List.of(empty, half, nearlyFull);
            assertThat(place(hosts, ResourceDemand.of(128, 1000), List.of(), List.of(binpack("memory")))
                    .instance()).isSameAs(nearlyFull);
            assertThat(place(hosts, ResourceDemand.of(128, 3000), List.of(), List.of(binpack("memory")))
                    .instance()).isSameAs(half);
            assertThat(place(hosts, ResourceDemand.of(128, 5000), List.of(), List.of(binpack("MEMORY")))
                    .instance()).isSameAs(empty);
        }

        @Test
        void should_binpack_cpu() {
            SimulatedContainerInstance big = fx.instance("us-east-1a", PlacementFixtures.C5_XLARGE); // 4096
            SimulatedContainerInstance small = fx.instance("us-east-1a");                            // 2048
            List<SimulatedContainerInstance> chosen = placeAndReserve(3, List.of(big, small), ResourceDemand.of(1024, 128),
                    List.of(), List.of(binpack("cpu")));
            assertThat(chosen).containsExactly(small, small, big);
        }

        @Test
        void should_spread_across_instances_by_tasks_of_the_same_group() {
            SimulatedContainerInstance a = fx.instance("us-east-1a");
            SimulatedContainerInstance b = fx.instance("us-east-1a");
            SimulatedContainerInstance c = fx.instance("us-east-1a");
            fx.runTask(a, WEB, 128, 128);
            fx.runTask(b, "family:other", 128, 128);
            fx.runTask(b, "family:other", 128, 128);
            List<SimulatedContainerInstance> chosen = placeAndReserve(4, List.of(a, b, c), ResourceDemand.of(128, 128),
                    List.of(), List.of(spread("instanceId")));
            assertThat(chosen).containsExactly(b, c, a, b);
        }

        @Test
        void should_treat_host_as_instance_id() {
            SimulatedContainerInstance a = fx.instance("us-east-1a");
            SimulatedContainerInstance b = fx.instance("us-east-1a");
            fx.runTask(a, WEB, 128, 128);
            assertThat(place(List.of(a, b), ResourceDemand.of(1, 1), List.of(), List.of(spread("host"))).instance())
                    .isSameAs(b);
        }

        @Test
        void should_spread_by_zone_counting_tasks_on_instances_that_cannot_take_more() {
            SimulatedContainerInstance a1 = fx.instance("us-east-1a");
            SimulatedContainerInstance a2 = fx.instance("us-east-1a");
            SimulatedContainerInstance b1 = fx.instance("us-east-1b");
            fx.runTask(a1, WEB, 2048, 128); // a1 is full, but its task still counts for us-east-1a
            fx.runTask(b1, WEB, 128, 128);
            fx.runTask(b1, WEB, 128, 128);
            // zone a has 1 web task, zone b has 2: the next goes to a2
            PlacementResult result = place(List.of(a1, a2, b1), ResourceDemand.of(128, 128), List.of(),
                    List.of(spread("attribute:ecs.availability-zone")));
            assertThat(result.instance()).isSameAs(a2);
        }

        @Test
        void should_spread_evenly_over_zones_and_instances_with_the_service_default() {
            List<SimulatedContainerInstance> hosts = new ArrayList<>();
            for (String az : List.of("us-east-1a", "us-east-1b", "us-east-1c")) {
                hosts.add(fx.instance(az));
                hosts.add(fx.instance(az));
            }
            List<SimulatedContainerInstance> chosen = placeAndReserve(6, hosts, ResourceDemand.of(128, 128), List.of(),
                    PlacementStrategies.SERVICE_DEFAULT);
            assertThat(chosen.subList(0, 3)).extracting(SimulatedContainerInstance::availabilityZone)
                    .containsExactlyInAnyOrder("us-east-1a", "us-east-1b", "us-east-1c");
            assertThat(new LinkedHashSet<>(chosen)).hasSize(6);
        }

        @Test
        void should_break_ties_of_the_first_strategy_with_the_next() {
            SimulatedContainerInstance a1 = fx.instance("us-east-1a");
            SimulatedContainerInstance a2 = fx.instance("us-east-1a");
            fx.runTask(a2, "other", 0, 4000);
            SimulatedContainerInstance b1 = fx.instance("us-east-1b");
            fx.runTask(b1, WEB, 128, 128);
            fx.runTask(b1, "other", 0, 6000);
            // zone a wins the spread (0 web tasks against 1); within it binpack memory picks the fuller a2
            PlacementResult result = place(List.of(a1, a2, b1), ResourceDemand.of(128, 512), List.of(),
                    List.of(spread("attribute:ecs.availability-zone"), binpack("memory")));
            assertThat(result.instance()).isSameAs(a2);
        }

        @Test
        void should_apply_binpack_first_when_it_comes_first() {
            SimulatedContainerInstance a1 = fx.instance("us-east-1a");
            SimulatedContainerInstance b1 = fx.instance("us-east-1b");
            fx.runTask(b1, WEB, 128, 1000);
            PlacementResult result = place(List.of(a1, b1), ResourceDemand.of(128, 512), List.of(),
                    List.of(binpack("memory"), spread("attribute:ecs.availability-zone")));
            assertThat(result.instance()).isSameAs(b1);
        }

        @Test
        void should_break_remaining_ties_by_registration_order_not_list_order() {
            SimulatedContainerInstance first = fx.instance("us-east-1a");
            SimulatedContainerInstance second = fx.instance("us-east-1a");
            assertThat(place(List.of(second, first), ResourceDemand.of(1, 1)).instance()).isSameAs(first);
            assertThat(place(List.of(second, first), ResourceDemand.of(1, 1), List.of(),
                    List.of(spread("instanceId"), binpack("cpu"))).instance()).isSameAs(first);
        }

        @Test
        void should_pick_randomly_among_the_eligible_instances() {
            List<SimulatedContainerInstance> hosts = List.of(fx.instance("us-east-1a"), fx.instance("us-east-1b"),
                    fx.instance("us-east-1c"));
            SimulatedContainerInstance full = fx.instance("us-east-1a");
            fx.runTask(full, "other", 2048, 128);
            List<SimulatedContainerInstance> candidates = new ArrayList<>(hosts);
            candidates.add(full);
            Set<SimulatedContainerInstance> seen = new LinkedHashSet<>();
            for (int i = 0; i < 60; i++) {
                seen.add(place(candidates, ResourceDemand.of(128, 128), List.of(),
                        PlacementStrategies.RUN_TASK_DEFAULT).instance());
            }
            assertThat(seen).containsExactlyInAnyOrderElementsOf(hosts);
        }
    }

    @Nested
    class Determinism {

        private List<Integer> choices(long seed) {
            PlacementFixtures world = new PlacementFixtures();
            List<SimulatedContainerInstance> hosts = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                hosts.add(world.instance("us-east-1" + "abc".charAt(i % 3)));
            }
            TaskPlacer seeded = new TaskPlacer(new SeededRandom(seed));
            List<Integer> picks = new ArrayList<>();
            ResourceDemand demand = ResourceDemand.of(256, 256);
            for (int i = 0; i < 20; i++) {
                List<PlacementStrategy> strategies = i % 2 == 0 ? List.of(random())
                        : List.of(spread("attribute:ecs.availability-zone"), random());
                PlacementResult r = seeded.placeOne(new PlacementRequest(hosts, demand, WEB, List.of(), strategies));
                world.newTask(r.instance(), WEB, demand);
                picks.add(hosts.indexOf(r.instance()));
            }
            return picks;
        }

        @Test
        void should_make_the_same_choices_with_the_same_seed() {
            assertThat(choices(7)).isEqualTo(choices(7));
            assertThat(choices(1)).isEqualTo(choices(1));
        }

        @Test
        void should_make_other_choices_with_another_seed() {
            assertThat(choices(7)).isNotEqualTo(choices(8));
        }
    }
}
