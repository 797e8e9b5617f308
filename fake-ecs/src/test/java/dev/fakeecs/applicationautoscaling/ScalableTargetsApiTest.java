package dev.fakeecs.applicationautoscaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakeecs.FakeEcs;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalableTargetsResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.ObjectNotFoundException;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.applicationautoscaling.model.ValidationException;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;

/**
 * Scalable targets through the real SDK client over Application Auto Scaling's wire protocol (AWS JSON 1.1):
 * registration, bounds moving the desired count inside, updates of given fields only, suspended state, paging,
 * deregistration and AWS's errors.
 */
class ScalableTargetsApiTest {

    private static final String DIMENSION = "ecs:service:DesiredCount";

    private final FakeEcs ecs = FakeEcs.builder().seed(7).start(Instant.parse("2026-03-06T18:00:00Z")).build();
    private final ApplicationAutoScalingClient aas = ecs.newApplicationAutoScalingClient();

    @AfterEach
    void close() {
        ecs.close();
    }

    static void service(FakeEcs ecs, String name, int desired) {
        if (ecs.api().listClusters().clusterArns().isEmpty()) {
            ecs.api().createCluster(r -> r.clusterName("prod"));
            ecs.api().registerTaskDefinition(r -> r.family("app").requiresCompatibilities(Compatibility.FARGATE)
                    .networkMode(NetworkMode.AWSVPC).cpu("512").memory("1024")
                    .containerDefinitions(ContainerDefinition.builder().name("app").image("acme/app:1").build()));
        }
        ecs.api().createService(r -> r.cluster("prod").serviceName(name).taskDefinition("app").desiredCount(desired)
                .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(
                        AwsVpcConfiguration.builder().subnets("subnet-a").build())));
    }

    private int desired(String service) {
        return ecs.api().describeServices(r -> r.cluster("prod").services(service)).services().get(0).desiredCount();
    }

    private void register(String service, Integer min, Integer max) {
        aas.registerScalableTarget(r -> r.serviceNamespace("ecs").resourceId("service/prod/" + service)
                .scalableDimension(DIMENSION).minCapacity(min).maxCapacity(max));
    }

    @Test
    void should_register_a_service_and_move_its_desired_count_inside_the_bounds() {
        service(ecs, "orders", 1);

        String arn = aas.registerScalableTarget(r -> r.serviceNamespace("ecs").resourceId("service/prod/orders")
                .scalableDimension(DIMENSION).minCapacity(3).maxCapacity(10)).scalableTargetARN();

        assertThat(arn).matches("arn:aws:application-autoscaling:us-east-1:\\d{12}:scalable-target/[0-9a-f]{32}");
        assertThat(desired("orders")).isEqualTo(3);
        ScalableTarget t = aas.describeScalableTargets(r -> r.serviceNamespace("ecs")).scalableTargets().get(0);
        assertThat(t.resourceId()).isEqualTo("service/prod/orders");
        assertThat(t.scalableDimensionAsString()).isEqualTo(DIMENSION);
        assertThat(t.minCapacity()).isEqualTo(3);
        assertThat(t.maxCapacity()).isEqualTo(10);
        assertThat(t.creationTime()).isEqualTo(Instant.parse("2026-03-06T18:00:00Z"));
        assertThat(t.roleARN()).endsWith(":role/aws-service-role/ecs.application-autoscaling.amazonaws.com/"
                + "AWSServiceRoleForApplicationAutoScaling_ECSService");
        assertThat(t.suspendedState().dynamicScalingInSuspended()).isFalse();
        assertThat(t.scalableTargetARN()).isEqualTo(arn);
    }

    @Test
    void should_change_only_the_given_fields_on_a_later_registration() {
        service(ecs, "orders", 6);
        register("orders", 2, 10);

        aas.registerScalableTarget(r -> r.serviceNamespace("ecs").resourceId("service/prod/orders")
                .scalableDimension(DIMENSION).maxCapacity(4).suspendedState(s -> s.dynamicScalingInSuspended(true)));

        ScalableTarget t = aas.describeScalableTargets(r -> r.serviceNamespace("ecs")
                .resourceIds("service/prod/orders")).scalableTargets().get(0);
        assertThat(t.minCapacity()).isEqualTo(2);
        assertThat(t.maxCapacity()).isEqualTo(4);
        assertThat(t.suspendedState().dynamicScalingInSuspended()).isTrue();
        assertThat(t.suspendedState().dynamicScalingOutSuspended()).isFalse();
        assertThat(desired("orders")).isEqualTo(4);
        assertThat(aas.describeScalingActivities(r -> r.serviceNamespace("ecs")).scalingActivities())
                .extracting(a -> a.description() + " " + a.statusCodeAsString())
                .containsExactly("Setting desired count to 4. Successful");
    }

    @Test
    void should_page_scalable_targets() {
        for (String s : List.of("a", "b", "c")) {
            service(ecs, s, 1);
            register(s, 1, 5);
        }

        DescribeScalableTargetsResponse first = aas.describeScalableTargets(r -> r.serviceNamespace("ecs").maxResults(2));
        DescribeScalableTargetsResponse second = aas.describeScalableTargets(r -> r.serviceNamespace("ecs")
                .maxResults(2).nextToken(first.nextToken()));

        assertThat(first.scalableTargets()).extracting(ScalableTarget::resourceId)
                .containsExactly("service/prod/a", "service/prod/b");
        assertThat(second.scalableTargets()).extracting(ScalableTarget::resourceId).containsExactly("service/prod/c");
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void should_answer_with_aws_errors() {
        service(ecs, "orders", 1);

        assertThatThrownBy(() -> register("ghost", 1, 2)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("ECS service doesn't exist: service/prod/ghost"));
        assertThatThrownBy(() -> register("orders", null, 2)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> register("orders", 5, 2)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> aas.deregisterScalableTarget(r -> r.serviceNamespace("ecs")
                .resourceId("service/prod/orders").scalableDimension(DIMENSION)))
                .isInstanceOfSatisfying(ObjectNotFoundException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("No scalable target registered for service namespace: ecs, resource ID: "
                                + "service/prod/orders, scalable dimension: ecs:service:DesiredCount"));
        assertThatThrownBy(() -> aas.deleteScalingPolicy(r -> r.serviceNamespace("ecs").policyName("cpu")
                .resourceId("service/prod/orders").scalableDimension(DIMENSION)))
                .isInstanceOf(ObjectNotFoundException.class);
        assertThatThrownBy(() -> aas.registerScalableTarget(r -> r.serviceNamespace("ecs").resourceId("orders")
                .scalableDimension(DIMENSION).minCapacity(1).maxCapacity(2))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> aas.describeScalableTargets(r -> r.serviceNamespace("ecs").maxResults(51)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void should_deregister_a_target() {
        service(ecs, "orders", 1);
        register("orders", 1, 5);

        aas.deregisterScalableTarget(r -> r.serviceNamespace("ecs").resourceId("service/prod/orders")
                .scalableDimension(DIMENSION));

        assertThat(aas.describeScalableTargets(r -> r.serviceNamespace("ecs")).scalableTargets()).isEmpty();
    }

    @Test
    void should_keep_tags_of_a_target_by_its_arn() {
        service(ecs, "orders", 1);
        String arn = aas.registerScalableTarget(r -> r.serviceNamespace("ecs").resourceId("service/prod/orders")
                .scalableDimension(DIMENSION).minCapacity(1).maxCapacity(5).tags(java.util.Map.of("team", "food")))
                .scalableTargetARN();

        aas.tagResource(r -> r.resourceARN(arn).tags(java.util.Map.of("env", "prod")));
        aas.untagResource(r -> r.resourceARN(arn).tagKeys("team"));

        assertThat(aas.listTagsForResource(r -> r.resourceARN(arn)).tags()).containsExactly(java.util.Map.entry("env", "prod"));
        assertThatThrownBy(() -> aas.listTagsForResource(r -> r.resourceARN(arn + "0")))
                .isInstanceOf(software.amazon.awssdk.services.applicationautoscaling.model.ResourceNotFoundException.class);
    }

    @Test
    void should_show_not_scaled_activities_only_when_asked() {
        service(ecs, "orders", 2);
        register("orders", 2, 2);
        dev.fakeecs.internal.region.RegionEngine.of(ecs.defaultRegion()).serviceLoads().setLoad("prod", "orders",
                new dev.fakeecs.autoscaling.ServiceLoad(dev.fakeecs.autoscaling.LoadModel.constant(600), 50));
        aas.putScalingPolicy(r -> r.policyName("cpu").serviceNamespace("ecs").resourceId("service/prod/orders")
                .scalableDimension(DIMENSION).policyType("TargetTrackingScaling")
                .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(60.0)
                        .predefinedMetricSpecification(m -> m.predefinedMetricType("ECSServiceAverageCPUUtilization"))));

        ecs.clock().advance(java.time.Duration.ofMinutes(10));

        assertThat(aas.describeScalingActivities(r -> r.serviceNamespace("ecs")).scalingActivities()).isEmpty();
        var failed = aas.describeScalingActivities(r -> r.serviceNamespace("ecs").includeNotScaledActivities(true))
                .scalingActivities();
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).description()).isEqualTo("Attempting to scale due to alarm triggered");
        assertThat(failed.get(0).statusCodeAsString()).isEqualTo("Failed");
        assertThat(failed.get(0).notScaledReasons().get(0).code()).isEqualTo("AlreadyAtMaxCapacity");
        assertThat(failed.get(0).notScaledReasons().get(0).currentCapacity()).isEqualTo(2);
    }
}
