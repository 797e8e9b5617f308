package dev.fakeecs.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.internal.client.EcsClients;
import dev.fakeecs.server.FakeEcsServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.CreateClusterRequest;
import software.amazon.awssdk.services.ecs.model.ServiceNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsRequest;

class CallLogTest {

    @Test
    void records_sdk_calls_with_operation_request_time_region_and_outcome() {
        try (FakeEcs ecs = FakeEcs.create()) {
            // given
            EcsClient client = ecs.newClient();
            ecs.clock().advance(Duration.ofMinutes(2));

            // when
            client.createCluster(r -> r.clusterName("prod"));
            assertThatThrownBy(() -> client.updateService(r -> r.cluster("prod").service("orders").desiredCount(4)))
                    .isInstanceOf(ServiceNotFoundException.class);

            // then
            List<ApiCall> calls = ecs.calls().all();
            assertThat(calls).extracting(ApiCall::operation).containsExactly("CreateCluster", "UpdateService");
            ApiCall create = calls.get(0);
            assertThat(create.service()).isEqualTo(ApiCall.ECS);
            assertThat(create.region()).isEqualTo("us-east-1");
            assertThat(create.time()).isEqualTo(Instant.parse("2026-01-01T00:02:00Z"));
            assertThat(create.succeeded()).isTrue();
            assertThat(create.status()).isEqualTo(200);
            assertThat(create.request(CreateClusterRequest.class)).get().extracting(CreateClusterRequest::clusterName)
                    .isEqualTo("prod");
            assertThat(create.requestJson()).isEqualTo("{\"clusterName\":\"prod\"}");
            ApiCall update = calls.get(1);
            assertThat(update.succeeded()).isFalse();
            assertThat(update.errorCode()).isEqualTo("ServiceNotFoundException");
            assertThat(update.status()).isEqualTo(400);
            assertThat(update.describe()).contains("us-east-1 ecs UpdateService ServiceNotFoundException")
                    .contains("\"desiredCount\":4");
            assertThat(update.sequence()).isGreaterThan(create.sequence());
        }
    }

    @Test
    void records_every_simulated_service_and_the_region_of_each_client() {
        try (FakeEcs ecs = FakeEcs.create()) {
            // given
            ElasticLoadBalancingV2Client elb = ecs.newLoadBalancingClient("eu-west-1");
            CloudWatchClient cw = ecs.newCloudWatchClient();
            ApplicationAutoScalingClient aas = ecs.newApplicationAutoScalingClient();

            // when
            elb.describeTargetGroups(r -> r.names(List.of()));
            cw.putMetricData(r -> r.namespace("App").metricData(d -> d.metricName("orders").value(3.0)));
            aas.describeScalableTargets(r -> r.serviceNamespace("ecs"));

            // then
            assertThat(ecs.calls().all()).extracting(ApiCall::service, ApiCall::operation, ApiCall::region)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(ApiCall.ELBV2, "DescribeTargetGroups", "eu-west-1"),
                            org.assertj.core.groups.Tuple.tuple(ApiCall.CLOUDWATCH, "PutMetricData", "us-east-1"),
                            org.assertj.core.groups.Tuple.tuple(ApiCall.APPLICATION_AUTOSCALING,
                                    "DescribeScalableTargets", "us-east-1"));
            assertThat(ecs.calls().all().get(0).request(DescribeTargetGroupsRequest.class)).isPresent();
            assertThat(ecs.calls().all()).allMatch(ApiCall::succeeded);
        }
    }

    @Test
    void does_not_record_the_java_control_plane_used_for_setup() {
        try (FakeEcs ecs = FakeEcs.create()) {
            // when
            ecs.api().createCluster(r -> r.clusterName("setup"));

            // then
            assertThat(ecs.calls().all()).isEmpty();
            assertThat(ecs.calls().mark()).isZero();
        }
    }

    @Test
    void records_calls_received_over_http() {
        try (FakeEcs ecs = FakeEcs.create()) {
            // given
            FakeEcsServer server = FakeEcsServer.start(ecs);
            try (EcsClient http = EcsClient.builder().httpClient(UrlConnectionHttpClient.create())
                    .endpointOverride(server.endpoint()).region(Region.of("us-west-2"))
                    .credentialsProvider(EcsClients.fakeCredentials()).build()) {
                // when
                http.createCluster(r -> r.clusterName("wire"));
            }

            // then
            assertThat(ecs.calls().all()).singleElement().satisfies(c -> {
                assertThat(c.operation()).isEqualTo("CreateCluster");
                assertThat(c.region()).isEqualTo("us-west-2");
                assertThat(c.succeeded()).isTrue();
            });
        }
    }

    @Test
    void keeps_the_last_calls_within_the_limit_and_counts_the_dropped() {
        try (FakeEcs ecs = FakeEcs.builder().callLogLimit(3).build()) {
            // given
            EcsClient client = ecs.newClient();
            long mark = ecs.calls().mark();

            // when
            for (int i = 0; i < 5; i++) {
                int n = i;
                client.createCluster(r -> r.clusterName("c" + n));
            }

            // then
            assertThat(ecs.calls().size()).isEqualTo(3);
            assertThat(ecs.calls().dropped()).isEqualTo(2);
            assertThat(ecs.calls().all()).extracting(c -> c.request(CreateClusterRequest.class).orElseThrow().clusterName())
                    .containsExactly("c2", "c3", "c4");
            assertThat(ecs.calls().since(mark)).hasSize(3);
            assertThat(ecs.calls().since(4)).singleElement().extracting(ApiCall::sequence).isEqualTo(4L);
        }
    }

    @Test
    void stamps_the_virtual_time_a_call_ran_at_in_auto_clock_mode() {
        try (FakeEcs ecs = FakeEcs.create()) {
            // given
            ecs.autoAdvance(Duration.ofSeconds(15));
            EcsClient client = ecs.newClient();

            // when
            client.listClusters();
            client.listClusters();

            // then
            assertThat(ecs.calls().all()).extracting(ApiCall::time).containsExactly(
                    Instant.parse("2026-01-01T00:00:15Z"), Instant.parse("2026-01-01T00:00:30Z"));
        }
    }

    @Test
    void records_a_call_that_failed_to_decode_with_its_error() {
        try (FakeEcs ecs = FakeEcs.create()) {
            // when
            assertThatThrownBy(() -> ecs.newClient().createService(r -> r.cluster("prod")))
                    .isInstanceOf(software.amazon.awssdk.services.ecs.model.EcsException.class);

            // then
            ApiCall call = ecs.calls().all().get(0);
            assertThat(call.operation()).isEqualTo("CreateService");
            assertThat(call.succeeded()).isFalse();
            assertThat(call.errorCode()).isNotBlank();
        }
    }

    @Test
    void records_every_call_of_concurrent_clients_once_in_sequence_order() throws Exception {
        try (FakeEcs ecs = FakeEcs.create()) {
            // given
            EcsClient client = ecs.newClient();
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);

            // when
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int i = 0; i < 400; i++) {
                done.add(pool.submit(() -> client.listClusters()));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get();
            }
            pool.shutdown();

            // then
            List<ApiCall> calls = ecs.calls().all();
            assertThat(calls).hasSize(400);
            assertThat(calls).extracting(ApiCall::sequence).isSorted().doesNotHaveDuplicates();
            assertThat(calls.get(399).sequence()).isEqualTo(399);
        }
    }

    @Test
    void the_same_calls_give_the_same_log() {
        assertThat(run()).isEqualTo(run());
    }

    private static String run() {
        try (FakeEcs ecs = FakeEcs.builder().seed(7).build()) {
            EcsClient client = ecs.newClient();
            client.createCluster(r -> r.clusterName("prod"));
            ecs.clock().advance(Duration.ofSeconds(30));
            client.listClusters();
            return ecs.calls().describe();
        }
    }
}
