package dev.fakeecs.junit.report;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.dns.Endpoint;
import dev.fakeecs.dns.FailoverRecord;
import dev.fakeecs.dns.HealthCheck;
import dev.fakeecs.dns.Route53;
import dev.fakeecs.fault.FaultInjector;
import dev.fakeecs.fault.FaultSpec;
import dev.fakeecs.fault.FaultType;
import dev.fakeecs.junit.handle.EcsClusterHandle;
import dev.fakeecs.junit.handle.EcsServiceHandle;
import dev.fakeecs.traffic.LoadProfile;
import dev.fakeecs.traffic.TrafficModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecs.EcsClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.fakeecs.junit.EcsAssertions.assertThat;
import static dev.fakeecs.junit.EcsAssertions.catchThrowable;

/** The report points at the cause: labels with region and cluster, a zoomed timeline, DNS/traffic and call lanes. */
class ReportFocusTest {

    private static EcsClusterHandle prod(FakeEcs ecs, String region) {
        ecs.region(region).api().createCluster(r -> r.clusterName("prod").capacityProviders("FARGATE"));
        return new EcsClusterHandle(ecs, region, "prod");
    }

    private static String svg(String html, String id) {
        int start = html.indexOf("<svg id=\"" + id + "\"");
        assertThat(start).as("svg " + id).isNotNegative();
        return html.substring(start, html.indexOf("</svg>", start));
    }

    @Test
    void should_label_two_regions_order_service_tasks_apart(@TempDir Path base) throws IOException {
        try (FakeEcs ecs = FakeEcs.builder().seed(3).region("us-east-1").region("eu-west-1").build()) {
            // given: the same cluster and service names in two regions
            prod(ecs, "us-east-1").fargateService("order-service", "acme/orders:1", 2);
            prod(ecs, "eu-west-1").fargateService("order-service", "acme/orders:1", 3);
            ecs.clock().advance(Duration.ofMinutes(3));

            // when
            Path dir = FailureReport.write(base, "TwoRegions.fails", ecs, new AssertionError("expected 6"));

            // then
            String services = svg(Files.readString(dir.resolve("index.html")), "services");
            assertThat(services).contains(">us-east-1 / prod / order-service</text>",
                    ">eu-west-1 / prod / order-service</text>");
            String hosts = svg(Files.readString(dir.resolve("index.html")), "hosts");
            assertThat(hosts).contains("us-east-1 / prod / FARGATE us-east-1", "eu-west-1 / prod / FARGATE eu-west-1");
            assertThat(rowsUnder(services, "us-east-1 / prod / order-service")).isEqualTo(2);
            assertThat(rowsUnder(services, "eu-west-1 / prod / order-service")).isEqualTo(3);
        }
    }

    @Test
    void should_list_the_calls_that_led_up_to_a_zoomed_window(@TempDir Path base) throws IOException {
        try (FakeEcs ecs = FakeEcs.builder().seed(9).build()) {
            // given: the deployer called ten minutes before the failing assertion's window
            EcsClusterHandle prod = prod(ecs, "us-east-1");
            EcsServiceHandle orders = prod.fargateService("orders", "acme/orders:1", 1);
            ecs.newClient().updateService(r -> r.cluster("prod").service("orders").desiredCount(2));
            ecs.clock().advance(Duration.ofMinutes(30));
            Throwable failure = catchThrowable(() -> assertThat(orders).eventually(Duration.ofMinutes(1))
                    .hasRunningCount(3));

            // when
            Path dir = FailureReport.write(base, "Before.fails", ecs, failure);

            // then
            String html = Files.readString(dir.resolve("index.html"));
            String calls = html.substring(html.indexOf("<pre id=\"calls\">"));
            assertThat(calls.substring(0, calls.indexOf("</pre>"))).contains("(before the window)",
                    "ecs UpdateService ok", "(in the window)");
        }
    }

    /** How many task rows follow a group label before the next group. */
    private static int rowsUnder(String svg, String group) {
        int from = svg.indexOf(">" + group + "</text>");
        int next = svg.indexOf("class=\"group\"", from);
        String part = svg.substring(from, next < 0 ? svg.length() : next);
        return part.split("<text x=\"14\"", -1).length - 1;
    }

    @Test
    void should_zoom_the_timeline_to_the_failing_assertions_window_and_keep_the_whole_run_as_a_thumbnail(
            @TempDir Path base) throws IOException {
        try (FakeEcs ecs = FakeEcs.builder().seed(4).build()) {
            // given: three tasks; two stop after five minutes; an hour later an eventual assertion fails
            EcsClusterHandle prod = prod(ecs, "us-east-1");
            EcsServiceHandle orders = prod.fargateService("orders", "acme/orders:1", 3);
            ecs.clock().advance(Duration.ofMinutes(5));
            prod.scale("orders", 1);
            ecs.clock().advance(Duration.ofHours(1));
            Instant asserted = ecs.clock().instant();
            Throwable failure = catchThrowable(() -> assertThat(orders).eventually(Duration.ofMinutes(2))
                    .hasRunningCount(5));

            // when
            Path dir = FailureReport.write(base, "Zoom.fails", ecs, failure);

            // then
            String html = Files.readString(dir.resolve("index.html"));
            assertThat(html).contains("Timelines below: the failing assertion's window, ");
            FailureWindow window = FailureWindow.of(failure, Instant.parse("2026-01-01T00:00:00Z"), ecs.clock().instant());
            assertThat(window.zoomed()).isTrue();
            assertThat(window.from()).isBefore(asserted).isAfter(asserted.minus(Duration.ofMinutes(1)));
            String services = svg(html, "services");
            assertThat(rowsUnder(services, "us-east-1 / prod / orders")).as("only the task alive in the window")
                    .isEqualTo(1);
            assertThat(firstTick(services)).isAfterOrEqualTo(window.from()).isBefore(window.from().plus(Duration.ofMinutes(1)));
            String overview = svg(html, "overview");
            assertThat(overview).contains("class=\"zoom-window\"");
            assertThat(overview.split("fill=\"#2e7d32\"", -1).length - 1).as("every task in the thumbnail").isEqualTo(3);
        }
    }

    private static Instant firstTick(String svg) {
        Matcher m = Pattern.compile("class=\"tick\"[^>]*><title>([^<]+)</title>").matcher(svg);
        assertThat(m.find()).isTrue();
        return Instant.parse(m.group(1));
    }

    @Test
    void should_span_the_whole_run_for_a_failure_that_names_no_virtual_time(@TempDir Path base) throws IOException {
        try (FakeEcs ecs = FakeEcs.builder().seed(4).build()) {
            prod(ecs, "us-east-1").fargateService("orders", "acme/orders:1", 1);
            ecs.clock().advance(Duration.ofMinutes(30));

            Path dir = FailureReport.write(base, "Whole.fails", ecs, new IllegalStateException("boom"));

            String html = Files.readString(dir.resolve("index.html"));
            assertThat(html).contains("Timelines below: the whole run");
            assertThat(svg(html, "overview")).doesNotContain("zoom-window");
        }
    }

    @Test
    void should_draw_dns_answers_health_checks_and_traffic_outages(@TempDir Path base) throws IOException {
        Instant day = Instant.parse("2026-03-06T19:00:00Z");
        try (FakeEcs ecs = FakeEcs.builder().seed(1930).start(day).region("us-east-1").region("us-west-2").build()) {
            // given: orders in two regions behind a failover record; us-east-1 goes down
            prod(ecs, "us-east-1").fargateService("orders", "acme/orders:1", 2);
            prod(ecs, "us-west-2").fargateService("orders", "acme/orders:1", 2);
            ecs.clock().advance(Duration.ofMinutes(5));
            Route53 dns = Route53.of(ecs);
            Endpoint east = Endpoint.of("us-east-1", "prod", "orders");
            Endpoint west = Endpoint.of("us-west-2", "prod", "orders");
            FailoverRecord record = dns.failoverRecord("api.example", Duration.ofSeconds(10), east,
                    dns.createHealthCheck(east, HealthCheck.FAST_INTERVAL, 3), west,
                    dns.createHealthCheck(west, HealthCheck.FAST_INTERVAL, 3));
            TrafficModel.start(ecs, record, LoadProfile.constant(100));
            FaultInjector.of(ecs).inject(FaultSpec.of(FaultType.REGION_OUTAGE).region("us-east-1")
                    .at(Duration.ofMinutes(1)).duration(Duration.ofMinutes(10)).build());
            ecs.clock().advance(Duration.ofMinutes(5));

            // when
            Path dir = FailureReport.write(base, "Dns.fails", ecs, new AssertionError("expected no failed requests"));

            // then
            String html = Files.readString(dir.resolve("index.html"));
            assertThat(html).contains("<h2>DNS answers and traffic</h2>");
            String lanes = svg(html, "dns-traffic");
            assertThat(lanes).contains(">DNS api.example</text>", "class=\"dns-answer\"", "SECONDARY",
                    "class=\"dns-check\"", "Unhealthy", ">traffic api.example</text>", "class=\"traffic-outage\"",
                    "class=\"traffic-served\"", "class=\"dns-probe-failed\"");
        }
    }

    @Test
    void should_show_the_api_calls_around_the_failure(@TempDir Path base) throws IOException {
        try (FakeEcs ecs = FakeEcs.builder().seed(8).build()) {
            // given
            prod(ecs, "us-east-1").fargateService("orders", "acme/orders:1", 1);
            EcsClient client = ecs.newClient();
            client.updateService(r -> r.cluster("prod").service("orders").desiredCount(2));
            catchThrowable(() -> client.updateService(r -> r.cluster("prod").service("missing").desiredCount(2)));
            ecs.clock().advance(Duration.ofMinutes(2));

            // when
            Path dir = FailureReport.write(base, "Calls.fails", ecs, new AssertionError("expected 3"));

            // then
            String html = Files.readString(dir.resolve("index.html"));
            assertThat(svg(html, "api-calls")).contains(">us-east-1 / ecs</text>", "class=\"call-ok\"",
                    "class=\"call-failed\"");
            assertThat(html).contains("ecs UpdateService ServiceNotFoundException");
            assertThat(Files.readAllLines(dir.resolve("calls.txt"))).hasSize(2)
                    .anySatisfy(l -> assertThat(l).contains("UpdateService ok", "\"desiredCount\":2"));
        }
    }
}
