/**
 * Service auto scaling inputs: the load a service gets over virtual time ({@link dev.fakeecs.autoscaling.LoadModel}),
 * how load becomes CPU and memory use ({@link dev.fakeecs.autoscaling.ServiceLoad}), and target-tracking
 * policies ({@link dev.fakeecs.autoscaling.TargetTrackingPolicy} on a {@link dev.fakeecs.autoscaling.ScalingMetric}).
 * Most users declare these through the DSL ({@code dev.fakeecs.dsl.Ecs}).
 *
 * <pre>{@code
 * TargetTrackingPolicy cpu60 = TargetTrackingPolicy.cpu(60);
 * LoadModel dinner = at -> at.atZone(ZoneOffset.UTC).getHour() == 19 ? 600 : 60;
 * }</pre>
 */
package dev.fakeecs.autoscaling;
