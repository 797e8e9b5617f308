package dev.fakeecs.internal.protocol.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateRuleRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateRuleResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateTargetGroupResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteTargetGroupResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetHealthRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetHealthResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyTargetGroupAttributesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyTargetGroupAttributesResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RegisterTargetsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RegisterTargetsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.HealthUnavailableException;

/**
 * A test double of the ELBv2 engine: a few operations answer canned SDK responses and record the requests they
 * got; the rest throw UnsupportedOperationException as the interface's defaults do.
 */
final class RecordingLoadBalancing implements ElasticLoadBalancingV2Client {

    static final String TG_ARN = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef";
    static final String LB_ARN = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/edge/0123456789abcdef";

    final List<Object> requests = new ArrayList<>();

    @Override
    public CreateTargetGroupResponse createTargetGroup(CreateTargetGroupRequest request) {
        requests.add(request);
        return CreateTargetGroupResponse.builder().targetGroups(TargetGroup.builder()
                .targetGroupArn(TG_ARN).targetGroupName(request.name()).protocol(request.protocol())
                .port(request.port()).vpcId(request.vpcId()).healthCheckEnabled(true)
                .healthCheckIntervalSeconds(30).matcher(request.matcher()).targetType(request.targetType())
                .loadBalancerArns(List.of()).build()).build();
    }

    @Override
    public RegisterTargetsResponse registerTargets(RegisterTargetsRequest request) {
        requests.add(request);
        return RegisterTargetsResponse.builder().build();
    }

    @Override
    public ModifyTargetGroupAttributesResponse modifyTargetGroupAttributes(ModifyTargetGroupAttributesRequest request) {
        requests.add(request);
        return ModifyTargetGroupAttributesResponse.builder().attributes(request.attributes()).build();
    }

    @Override
    public CreateRuleResponse createRule(CreateRuleRequest request) {
        requests.add(request);
        return CreateRuleResponse.builder().rules(Rule.builder().ruleArn(request.listenerArn().replace(":listener/", ":listener-rule/") + "/r1")
                .priority(String.valueOf(request.priority())).conditions(request.conditions())
                .actions(request.actions()).isDefault(false).build()).build();
    }

    @Override
    public DescribeTargetHealthResponse describeTargetHealth(DescribeTargetHealthRequest request) {
        requests.add(request);
        if (!TG_ARN.equals(request.targetGroupArn())) {
            throw TargetGroupNotFoundException.builder()
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("TargetGroupNotFound")
                            .errorMessage("One or more target groups not found").build())
                    .statusCode(400).message("One or more target groups not found").build();
        }
        return DescribeTargetHealthResponse.builder().targetHealthDescriptions(
                TargetHealthDescription.builder().target(t -> t.id("10.0.0.1").port(8080).availabilityZone("us-east-1a"))
                        .healthCheckPort("8080").targetHealth(h -> h.state("healthy")).build(),
                TargetHealthDescription.builder().target(t -> t.id("10.0.0.2").port(8080))
                        .healthCheckPort("8080").targetHealth(h -> h.state("unhealthy").reason("Target.ResponseCodeMismatch")
                                .description("Health checks failed with these codes: [500]")).build()).build();
    }

    @Override
    public DescribeTargetGroupsResponse describeTargetGroups(DescribeTargetGroupsRequest request) {
        requests.add(request);
        if (request.hasNames() && request.names().contains("unhealthy-engine")) {
            // an exception built without error details: code and status come from the service model's table
            throw HealthUnavailableException.builder().message("Health unavailable").build();
        }
        if (request.hasNames() && request.names().contains("bug")) {
            throw new IllegalStateException("java.lang.NullPointerException in dev.fakeecs.internal.elbv2.Secret");
        }
        return DescribeTargetGroupsResponse.builder().targetGroups(List.of()).build();
    }

    @Override
    public DeleteTargetGroupResponse deleteTargetGroup(DeleteTargetGroupRequest request) {
        requests.add(request);
        return DeleteTargetGroupResponse.builder().build();
    }

    @Override
    public DescribeLoadBalancersResponse describeLoadBalancers(DescribeLoadBalancersRequest request) {
        requests.add(request);
        return DescribeLoadBalancersResponse.builder().loadBalancers(LoadBalancer.builder().loadBalancerArn(LB_ARN)
                .loadBalancerName("edge & <co>").createdTime(Instant.parse("2026-01-01T00:00:05.250Z"))
                .availabilityZones(z -> z.zoneName("us-east-1a").subnetId("subnet-us-east-1a"))
                .state(s -> s.code("active")).type("application").scheme("internet-facing").build()).build();
    }

    /** The last request of a type. */
    <T> T last(Class<T> type) {
        for (int i = requests.size() - 1; i >= 0; i--) {
            if (type.isInstance(requests.get(i))) {
                return type.cast(requests.get(i));
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " was received");
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }
}
