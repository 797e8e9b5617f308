/**
 * Client traffic through a DNS failover record ({@link dev.fakeecs.traffic.TrafficModel} with a
 * {@link dev.fakeecs.traffic.LoadProfile}), what it saw ({@link dev.fakeecs.traffic.AvailabilityReport},
 * {@link dev.fakeecs.traffic.Outage}) and what failover should cost on paper
 * ({@link dev.fakeecs.traffic.FailoverPrediction}).
 *
 * <pre>{@code
 * TrafficModel traffic = TrafficModel.start(ecs, record, LoadProfile.constant(500));
 * ecs.clock().advance(Duration.ofHours(1));
 * traffic.report().availability();
 * }</pre>
 */
package dev.fakeecs.traffic;
