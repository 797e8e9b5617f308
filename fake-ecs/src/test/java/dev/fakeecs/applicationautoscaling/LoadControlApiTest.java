package dev.fakeecs.applicationautoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fakeecs.FakeEcs;
import dev.fakeecs.autoscaling.ServiceLoad;
import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.internal.server.ControlApi;
import dev.fakeecs.internal.server.ControlResponse;
import dev.fakeecs.internal.server.InJvmControlBackend;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;

/**
 * {@code POST /_fake-ecs/load}: "order-service gets 5x load from 19:00 to 21:00" declared in JSON drives the
 * service's load model, and through its CPU metric a target tracking policy registered over the API.
 */
class LoadControlApiTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final FakeEcs ecs = FakeEcs.builder().seed(5).start(Instant.parse("2026-03-06T18:00:00Z")).build();
    private final ControlApi control = ControlApi.of(new InJvmControlBackend(ecs));

    @AfterEach
    void close() {
        ecs.close();
    }

    private ControlResponse post(String json) throws Exception {
        return control.handle("POST", "/load", MAPPER.readTree(json));
    }

    @Test
    void should_declare_a_daily_5x_window_that_drives_target_tracking() throws Exception {
        ScalableTargetsApiTest.service(ecs, "order-service", 2);
        ControlResponse answer = post("{\"cluster\": \"prod\", \"service\": \"order-service\", \"requestsPerSecond\": 60,"
                + " \"requestsPerTaskAtFullCpu\": 50, \"windows\": [{\"from\": \"19:00\", \"to\": \"21:00\", \"multiplier\": 5}]}");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode body = MAPPER.readTree(answer.bodyAsString());
        assertThat(body.get("requestsPerSecondNow").asDouble()).isEqualTo(60.0);
        ServiceLoad load = RegionEngine.of(ecs.defaultRegion()).serviceLoads().load("prod", "order-service");
        assertThat(load.load().requestsPerSecond(Instant.parse("2026-03-06T19:30:00Z"))).isEqualTo(300.0);
        assertThat(load.load().requestsPerSecond(Instant.parse("2026-03-07T19:30:00Z"))).isEqualTo(300.0);
        assertThat(load.load().requestsPerSecond(Instant.parse("2026-03-06T21:00:00Z"))).isEqualTo(60.0);

        ApplicationAutoScalingClient aas = ecs.newApplicationAutoScalingClient();
        aas.registerScalableTarget(r -> r.serviceNamespace("ecs").resourceId("service/prod/order-service")
                .scalableDimension("ecs:service:DesiredCount").minCapacity(2).maxCapacity(20));
        aas.putScalingPolicy(r -> r.policyName("cpu").serviceNamespace("ecs").resourceId("service/prod/order-service")
                .scalableDimension("ecs:service:DesiredCount").policyType("TargetTrackingScaling")
                .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(60.0)
                        .predefinedMetricSpecification(m -> m.predefinedMetricType("ECSServiceAverageCPUUtilization"))));
        ecs.clock().advanceTo(Instant.parse("2026-03-06T19:10:00Z"));

        // 300 rps over 2 tasks of 50 rps at full CPU is 300 % CPU: ceil(2 x 300 / 60) = 10
        assertThat(ecs.api().describeServices(r -> r.cluster("prod").services("order-service")).services().get(0)
                .desiredCount()).isEqualTo(10);
    }

    @Test
    void should_refuse_bad_declarations_with_a_400() throws Exception {
        ScalableTargetsApiTest.service(ecs, "order-service", 2);

        ControlResponse noRate = post("{\"cluster\": \"prod\", \"service\": \"order-service\"}");
        ControlResponse badWindow = post("{\"cluster\": \"prod\", \"service\": \"order-service\", \"requestsPerSecond\": 1,"
                + " \"windows\": [{\"from\": \"7pm\", \"to\": \"21:00\", \"multiplier\": 5}]}");
        ControlResponse noService = post("{\"cluster\": \"prod\", \"service\": \"ghost\", \"requestsPerSecond\": 1}");

        assertThat(noRate.status()).isEqualTo(400);
        assertThat(noRate.bodyAsString()).contains("'requestsPerSecond' must be a number");
        assertThat(badWindow.status()).isEqualTo(400);
        assertThat(badWindow.bodyAsString()).contains("times of day");
        assertThat(noService.status()).isEqualTo(400);
        assertThat(noService.bodyAsString()).contains("ServiceNotFoundException");
    }
}
