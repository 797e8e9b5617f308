package dev.fakeecs.junit.report;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.fault.FaultInjector;
import dev.fakeecs.fault.FaultSpec;
import dev.fakeecs.fault.FaultType;
import dev.fakeecs.junit.EcsCluster;
import dev.fakeecs.junit.handle.EcsClusterHandle;
import dev.fakeecs.junit.loadbalancing.WebBehindAlb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The failure report's lane per target group: registrations, health transitions, draining, health check faults. */
@EcsCluster(spec = WebBehindAlb.class, reportOnFailure = false)
class TargetGroupLanesTest {

    @Test
    void should_draw_a_lane_per_target_group_with_registrations_health_and_draining(EcsClusterHandle prod,
                                                                                     @TempDir Path base)
            throws IOException {
        // given: steady, then a rolling deployment (old targets drain) and a health check fault
        prod.clock().advance(Duration.ofMinutes(5));
        TaskDefinition current = prod.api().describeTaskDefinition(r -> r.taskDefinition("web")).taskDefinition();
        String next = prod.api().registerTaskDefinition(r -> r.family("web").networkMode(current.networkMode())
                        .requiresCompatibilities(current.requiresCompatibilities()).cpu(current.cpu())
                        .memory(current.memory()).containerDefinitions(current.containerDefinitions()))
                .taskDefinition().taskDefinitionArn();
        prod.api().updateService(r -> r.cluster("prod").service("web").taskDefinition(next));
        prod.clock().advance(Duration.ofMinutes(5));
        FaultInjector.of(prod.ecs()).inject(FaultSpec.of(FaultType.TARGET_HEALTH_FAILURE).targetGroup("web-tg")
                .duration(Duration.ofMinutes(2)).build());
        prod.clock().advance(Duration.ofMinutes(3));

        // when
        Path dir = FailureReport.write(base, "LbTest.fails", prod.ecs(), new AssertionError("expected 4 healthy"));

        // then
        String html = Files.readString(dir.resolve("index.html"));
        String lane = html.substring(html.indexOf("<svg id=\"target-groups\""));
        lane = lane.substring(0, lane.indexOf("</svg>"));
        assertThat(html).contains("<h2>Target groups</h2>");
        assertThat(lane).contains(">us-east-1 / web-tg</text>", "class=\"target-initial\"", "class=\"target-healthy\"",
                "class=\"target-draining\"", "class=\"target-unhealthy\"", "class=\"target-registered\"",
                "Target.DeregistrationInProgress", "web-tg health checks failing", "class=\"fault\"");
        long targetRows = prod.ecs().journal().entries().stream()
                .filter(e -> "registered".equals(e.detail("action"))).map(e -> e.detail("target")).distinct().count();
        assertThat(targetRows).isGreaterThanOrEqualTo(4);
        assertThat(lane.split("class=\"target-registered\"", -1)).hasSizeGreaterThan((int) targetRows);
    }

    @Test
    void should_leave_the_lane_out_of_a_world_without_load_balancers() {
        try (FakeEcs ecs = FakeEcs.builder().seed(1).build()) {
            ecs.api().createCluster(r -> r.clusterName("prod"));

            String html = TimelinePage.render("NoLb.test", ecs, "boom");

            assertThat(html).doesNotContain("target-groups").doesNotContain("Target groups")
                    .contains("<svg id=\"services\"");
        }
    }
}
