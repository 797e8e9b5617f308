/**
 * How long things take in virtual time: {@link dev.fakeecs.timing.TimingModel} (Fargate provisioning
 * and pull, cached and first pulls on EC2, stopping, retention of stopped tasks) with optional seeded
 * jitter.
 *
 * <pre>{@code
 * FakeEcs ecs = FakeEcs.builder().timing(TimingModel.defaults().withJitter(0.2)).build();
 * }</pre>
 */
package dev.fakeecs.timing;
