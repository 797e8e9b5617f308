package dev.fakeecs.internal.express;

import dev.fakeecs.internal.cloudwatch.CloudWatch;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

import java.util.ArrayList;
import java.util.List;

/**
 * The deployment-failure alarms ECS creates for an Express service in CloudWatch, which its canary deployments
 * watch with rollback on. AWS's alarm is "4xx + 5xx error rate above 1 % for 2 datapoints within 3 minutes", a
 * metric-math alarm the simulated CloudWatch does not evaluate; the rule here is one alarm per target group of the
 * service on {@code AWS/ApplicationELB HTTPCode_Target_5XX_Count} ({LoadBalancer, TargetGroup}), Sum over 60 s,
 * above 1 in 2 of the last 3 minutes, missing data not breaching (docs/fidelity.md).
 *
 * <pre>{@code
 * List<String> names = alarms.create("default", "web", loadBalancerArn, List.of(tg1, tg2));
 * alarms.delete(names);
 * }</pre>
 */
final class ExpressAlarms {

    private final CloudWatch cloudWatch;

    ExpressAlarms(CloudWatch cloudWatch) {
        this.cloudWatch = cloudWatch;
    }

    /** Creates the alarms; returns their names, in target group order. */
    List<String> create(String cluster, String service, String loadBalancerArn, List<String> targetGroupArns) {
        List<String> names = new ArrayList<>();
        int n = 1;
        for (String tg : targetGroupArns) {
            String name = "ecs-express-" + cluster + "-" + service + "-deployment-failure-" + n++;
            cloudWatch.putManagedAlarm(PutMetricAlarmRequest.builder()
                    .alarmName(name)
                    .alarmDescription("DO NOT EDIT OR DELETE. Deployment failure alarm of the Amazon ECS Express "
                            + "service " + service + " in cluster " + cluster + ".")
                    .namespace("AWS/ApplicationELB")
                    .metricName("HTTPCode_Target_5XX_Count")
                    .dimensions(Dimension.builder().name("LoadBalancer")
                                    .value(ExpressScaling.loadBalancerDimension(loadBalancerArn)).build(),
                            Dimension.builder().name("TargetGroup")
                                    .value(ExpressScaling.targetGroupDimension(tg)).build())
                    .statistic(Statistic.SUM)
                    .period(60)
                    .evaluationPeriods(3)
                    .datapointsToAlarm(2)
                    .threshold(1.0)
                    .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                    .treatMissingData("notBreaching")
                    .build());
            names.add(name);
        }
        return names;
    }

    /** The alarm's ARN (as DescribeAlarms shows it). */
    String arn(String name) {
        MetricAlarm alarm = cloudWatch.inspectAlarm(name);
        return alarm == null ? null : alarm.alarmArn();
    }

    void delete(List<String> names) {
        cloudWatch.deleteManagedAlarms(names);
    }
}
