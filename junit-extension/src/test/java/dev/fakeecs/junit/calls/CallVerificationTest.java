package dev.fakeecs.junit.calls;

import dev.fakeecs.calls.ApiCall;
import dev.fakeecs.junit.EcsCluster;
import dev.fakeecs.junit.handle.EcsCallsHandle;
import dev.fakeecs.junit.handle.EcsClusterHandle;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ServiceNotFoundException;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

import java.time.Duration;

import static dev.fakeecs.junit.EcsAssertions.assertThat;
import static dev.fakeecs.junit.EcsAssertions.assertThatThrownBy;
import static dev.fakeecs.junit.EcsAssertions.catchThrowable;

/** Verifying the API calls the code under test made, WireMock style. */
@EcsCluster(name = "prod", seed = 5, reportOnFailure = false)
class CallVerificationTest {

    /** A deployer as users write them: it scales a service through the injected SDK client. */
    static void scale(EcsClient ecs, String service, int count) {
        ecs.updateService(r -> r.cluster("prod").service(service).desiredCount(count));
    }

    @Test
    void should_count_the_calls_of_an_operation(EcsClusterHandle prod, EcsClient client) {
        // given
        prod.fargateService("orders", "acme/orders:1", 2);

        // when
        scale(client, "orders", 4);

        // then
        // junit-calls-START
        assertThat(prod.calls()).hasCalled("UpdateService").once();
        assertThat(prod.calls()).hasCalled("UpdateService").times(1);
        assertThat(prod.calls()).hasCalled("DeleteService").never();
        assertThat(prod.calls()).hasCalled(UpdateServiceRequest.class).withRequest(r -> r.desiredCount() == 4).once();
        assertThat(prod.calls()).hasCalled(UpdateServiceRequest.class).withRequest(r -> r.desiredCount() == 5).never();
        assertThat(prod.calls()).hasCalled("UpdateService")
                .withRequest(UpdateServiceRequest.class, r -> r.service().equals("orders")).thatSucceeded().once();
        assertThat(prod.calls()).hasCalled("UpdateService").withRequestJsonContaining("\"desiredCount\":4")
                .inRegion("us-east-1").atLeastOnce();
        ApiCall call = prod.calls().of("UpdateService").get(0);
        assertThat(call.time()).isEqualTo(prod.clock().instant());
        assertThat(call.request(UpdateServiceRequest.class)).get().extracting(UpdateServiceRequest::desiredCount)
                .isEqualTo(4);
        // junit-calls-END
    }

    @Test
    void should_not_count_the_setup_calls_of_the_handles(EcsClusterHandle prod) {
        // when: fargateService registers a task definition and creates a service through api()
        prod.fargateService("orders", "acme/orders:1", 2);

        // then
        assertThat(prod.calls()).hasCalled("CreateService").never();
        assertThat(prod.calls().all()).isEmpty();
    }

    @Test
    void should_count_failed_calls_by_error_code(EcsClusterHandle prod, EcsClient client) {
        // when
        assertThatThrownBy(() -> scale(client, "missing", 1)).isInstanceOf(ServiceNotFoundException.class);

        // then
        assertThat(prod.calls()).hasCalled("UpdateService").thatFailedWith("ServiceNotFoundException").once();
        assertThat(prod.calls()).hasCalled("UpdateService").thatSucceeded().never();
    }

    @Test
    void should_count_calls_an_api_fault_failed(EcsClusterHandle prod, EcsClient client,
                                                dev.fakeecs.fault.FaultInjector faults) {
        // given
        faults.inject(dev.fakeecs.fault.FaultSpec.of(dev.fakeecs.fault.FaultType.API_ERROR).operation("ListClusters")
                .everyNth(2).build());

        // when
        for (int i = 0; i < 4; i++) {
            catchThrowable(client::listClusters);
        }

        // then
        assertThat(prod.calls()).hasCalled("ListClusters").times(4);
        assertThat(prod.calls()).hasCalled("ListClusters").thatFailedWith("ThrottlingException").times(2);
        assertThat(prod.calls()).hasCalled("ListClusters").thatSucceeded().times(2);
    }

    @Test
    void should_show_the_calls_of_the_operation_and_the_recent_calls_when_the_count_is_wrong(EcsClusterHandle prod,
                                                                                             EcsClient client) {
        // given
        prod.fargateService("orders", "acme/orders:1", 2);
        scale(client, "orders", 3);
        client.describeServices(r -> r.cluster("prod").services("orders"));

        // when
        Throwable failure = catchThrowable(() -> assertThat(prod.calls()).hasCalled(UpdateServiceRequest.class)
                .withRequest(r -> r.desiredCount() == 4).once());

        // then
        assertThat(failure).hasMessageContaining(String.format("Expecting API calls to us-east-1:%n"
                        + "  UpdateService (UpdateServiceRequest) with a request matching the given predicate%n"
                        + "to have been called:%n  once%nbut was called:%n  0 times"))
                .hasMessageContaining("calls of UpdateService (1):")
                .hasMessageContaining("us-east-1 ecs UpdateService ok {\"cluster\":\"prod\",\"service\":\"orders\","
                        + "\"desiredCount\":3}  (no match)")
                .hasMessageContaining("recent API calls (2):")
                .hasMessageContaining("ecs DescribeServices ok")
                .hasMessageContaining("seed 5");
    }

    @Test
    void should_refuse_an_operation_no_service_has(EcsClusterHandle prod) {
        assertThatThrownBy(() -> assertThat(prod.calls()).hasCalled("UpdateSevice").never())
                .hasMessageContaining("UpdateSevice is none; did you mean UpdateService?");
        assertThatThrownBy(() -> assertThat(prod.calls()).hasCalled(String.class).never())
                .hasMessageContaining("java.lang.String is none");
    }

    @Test
    void should_see_the_calls_of_every_simulated_service_in_the_region(EcsClusterHandle prod,
                                                                      ElasticLoadBalancingV2Client elb) {
        // when
        elb.describeLoadBalancers();

        // then
        assertThat(prod.calls()).hasCalled("DescribeLoadBalancers").once();
        assertThat(EcsCallsHandle.inRegion(prod.ecs(), "eu-west-1")).hasCalled("DescribeLoadBalancers").never();
        assertThat(EcsCallsHandle.of(prod.ecs())).hasCalled("DescribeLoadBalancers").once();
    }

    @Test
    void should_count_only_calls_since_a_mark(EcsClusterHandle prod, EcsClient client) {
        // given
        prod.fargateService("orders", "acme/orders:1", 2);
        scale(client, "orders", 3);
        long mark = prod.calls().mark();

        // when
        scale(client, "orders", 4);

        // then
        assertThat(prod.calls()).hasCalled("UpdateService").times(2);
        assertThat(prod.calls().since(mark)).hasCalled("UpdateService").once();
    }

    @Test
    void should_wait_in_virtual_time_for_a_call_made_later(EcsClusterHandle prod, EcsClient client) {
        // given: code that scales out when a minute of virtual time has passed
        prod.fargateService("orders", "acme/orders:1", 2);
        prod.clock().schedule(Duration.ofMinutes(1), "deployer", () -> scale(client, "orders", 6));

        // then: not yet called; eventually called, at the minute
        assertThatThrownBy(() -> assertThat(prod.calls()).hasCalled("UpdateService").once())
                .hasMessageContaining("but was called:%n  0 times".formatted());
        assertThat(prod.calls()).eventually(Duration.ofMinutes(5)).hasCalled("UpdateService").once();
        assertThat(prod.calls().of("UpdateService").get(0).time())
                .isEqualTo(java.time.Instant.parse("2026-01-01T00:01:00Z"));
    }
}
