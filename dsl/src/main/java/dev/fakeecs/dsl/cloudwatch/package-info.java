/**
 * CloudWatch in a declared world: metric alarms (for example the ones a service's deployments watch with
 * {@code alarms(...)}), put through the region's in-process {@code CloudWatchClient} after the load balancers.
 *
 * <pre>{@code
 * Ecs.world()
 *     .alarm("web-5xx", a -> a.namespace("AWS/ApplicationELB").metric("HTTPCode_Target_5XX_Count")
 *         .dimension("LoadBalancer", "web-alb").statistic(Statistic.SUM).period(Duration.ofMinutes(1))
 *         .evaluationPeriods(1).greaterThanOrEqualTo(1).treatMissingData("notBreaching"))
 *     .service("web", s -> s.canary(10, Duration.ofMinutes(5)).alarms(true, "web-5xx"))
 *     .start();
 * }</pre>
 */
package dev.fakeecs.dsl.cloudwatch;
