package dev.fakeecs.server;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.internal.elbv2.LoadBalancing;
import dev.fakeecs.internal.region.RegionEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The region's API faults on Elastic Load Balancing calls over the wire (Query form posts): a region outage is
 * ELB's 503 {@code ServiceUnavailable}, an injected error code is rendered as ELB would render it, API latency
 * makes the server wait in wall time, and TARGET_HEALTH_FAILURE injected through the control API fails probes.
 */
class ElbFaultsOverWireTest {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private FakeEcs ecs;
    private FakeEcsServer server;
    private URI base;
    private String targetGroup;

    @BeforeEach
    void start() {
        ecs = FakeEcs.builder().seed(5).build();
        LoadBalancing elb = RegionEngine.of(ecs.defaultRegion()).service(LoadBalancing.SERVICE);
        String lb = elb.createLoadBalancer(r -> r.name("web-alb").subnets("subnet-a", "subnet-b")).loadBalancers()
                .get(0).loadBalancerArn();
        targetGroup = elb.createTargetGroup(r -> r.name("web-tg").protocol("HTTP").port(80).vpcId("vpc-1")
                .targetType("ip")).targetGroups().get(0).targetGroupArn();
        elb.createListener(r -> r.loadBalancerArn(lb).protocol("HTTP").port(80)
                .defaultActions(a -> a.type("forward").targetGroupArn(targetGroup)));
        elb.registerTargets(r -> r.targetGroupArn(targetGroup).targets(t -> t.id("10.0.1.7").port(80)));
        server = FakeEcsServer.start(ecs);
        base = server.endpoint();
    }

    @AfterEach
    void stop() {
        server.close();
        ecs.close();
    }

    private HttpResponse<String> elb(String action, String... parameters) throws Exception {
        StringBuilder form = new StringBuilder("Action=" + action + "&Version=2015-12-01");
        for (int i = 0; i < parameters.length; i += 2) {
            form.append('&').append(parameters[i]).append('=')
                    .append(URLEncoder.encode(parameters[i + 1], StandardCharsets.UTF_8));
        }
        return http.send(HttpRequest.newBuilder(base.resolve("/"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> control(String method, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private String inject(String json) throws Exception {
        HttpResponse<String> injected = control("POST", "/_fake-ecs/faults", json);
        assertThat(injected.statusCode()).as(injected.body()).isEqualTo(200);
        return injected.body().replaceAll(".*\"faultId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    @Test
    void should_answer_a_region_outage_with_elbs_503_service_unavailable_xml() throws Exception {
        String id = inject("{\"type\": \"REGION_OUTAGE\", \"durationSeconds\": 300}");

        HttpResponse<String> refused = elb("DescribeTargetGroups");

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("text/xml");
        assertThat(refused.body()).contains("<Type>Receiver</Type>", "<Code>ServiceUnavailable</Code>",
                "<Message>Service Unavailable</Message>").doesNotContain("ServerException", "Exception");

        control("DELETE", "/_fake-ecs/faults/" + id, null);
        assertThat(elb("DescribeTargetGroups").body()).contains("<TargetGroupName>web-tg</TargetGroupName>");
    }

    @Test
    void should_render_the_default_injected_error_as_query_throttling() throws Exception {
        inject("{\"type\": \"API_ERROR\", \"operation\": \"DescribeTargetHealth\", \"durationSeconds\": 300}");

        HttpResponse<String> throttled = elb("DescribeTargetHealth", "TargetGroupArn", targetGroup);

        assertThat(throttled.statusCode()).isEqualTo(400);
        assertThat(throttled.body()).contains("<Type>Sender</Type>", "<Code>Throttling</Code>",
                "<Message>Rate exceeded</Message>");
        assertThat(elb("DescribeTargetGroups").statusCode()).as("another operation").isEqualTo(200);
    }

    @Test
    void should_render_an_injected_error_code_as_that_code_with_elbs_status_when_elb_models_it() throws Exception {
        inject("{\"type\": \"API_ERROR\", \"errorCode\": \"TargetGroupNotFoundException\", \"durationSeconds\": 300}");

        HttpResponse<String> failed = elb("DescribeTargetHealth", "TargetGroupArn", targetGroup);

        assertThat(failed.statusCode()).isEqualTo(400);
        assertThat(failed.body()).contains("<Code>TargetGroupNotFound</Code>");
    }

    @Test
    void should_answer_an_injected_service_unavailable_as_elbs_503_and_keep_codes_elb_does_not_model() throws Exception {
        String id = inject("{\"type\": \"API_ERROR\", \"errorCode\": \"ServiceUnavailableException\", \"durationSeconds\": 300}");
        HttpResponse<String> unavailable = elb("DescribeTargetGroups");
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(unavailable.body()).contains("<Code>ServiceUnavailable</Code>");
        control("DELETE", "/_fake-ecs/faults/" + id, null);

        inject("{\"type\": \"API_ERROR\", \"errorCode\": \"RequestLimitExceeded\", \"durationSeconds\": 300}");
        assertThat(elb("DescribeTargetGroups").body()).contains("<Code>RequestLimitExceeded</Code>",
                "<Message>RequestLimitExceeded injected by fake-ecs</Message>");
    }

    @Test
    void should_make_elb_calls_wait_in_wall_time_under_api_latency() throws Exception {
        inject("{\"type\": \"API_LATENCY\", \"operation\": \"DescribeTargetHealth\", \"latencyMillis\": 400, "
                + "\"durationSeconds\": 300}");

        long started = System.nanoTime();
        HttpResponse<String> slow = elb("DescribeTargetHealth", "TargetGroupArn", targetGroup);
        long slowMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(slow.statusCode()).isEqualTo(200);
        assertThat(slowMillis).isGreaterThanOrEqualTo(400);
        long before = System.nanoTime();
        assertThat(elb("DescribeTargetGroups").statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - before)).as("another operation is not delayed")
                .isLessThan(Duration.ofMillis(400));
    }

    @Test
    void should_fail_a_target_groups_health_checks_with_503_through_the_control_api() throws Exception {
        inject("{\"type\": \"TARGET_HEALTH_FAILURE\", \"targetGroup\": \"web-tg\", \"durationSeconds\": 120}");
        assertThat(control("POST", "/_fake-ecs/clock/advance", "{\"seconds\": 35}").statusCode()).isEqualTo(200);

        HttpResponse<String> health = elb("DescribeTargetHealth", "TargetGroupArn", targetGroup);

        assertThat(health.body()).contains("<State>unhealthy</State>", "<Reason>Target.ResponseCodeMismatch</Reason>",
                "<Description>Health checks failed with these codes: [503]</Description>");
        assertThat(control("GET", "/_fake-ecs/journal", null).body()).contains("TARGET_HEALTH_FAILURE");

        // the fault ends at 120 s: nothing answers at this address, so the failures become timeouts
        control("POST", "/_fake-ecs/clock/advance", "{\"seconds\": 120}");
        assertThat(elb("DescribeTargetHealth", "TargetGroupArn", targetGroup).body())
                .contains("<Reason>Target.Timeout</Reason>");
    }
}
