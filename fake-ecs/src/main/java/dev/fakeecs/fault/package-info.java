/**
 * Faults at chosen virtual times, named as AWS Fault Injection Service names them: describe one with
 * {@link dev.fakeecs.fault.FaultSpec} (type, target, start, duration), inject it with
 * {@link dev.fakeecs.fault.FaultInjector}, end it early through its {@link dev.fakeecs.fault.FaultHandle}.
 * {@link dev.fakeecs.fault.ChaosMonkey} draws faults from the world's seed and checks the engine's
 * invariants after every event.
 *
 * <pre>{@code
 * FaultInjector faults = FaultInjector.of(ecs);
 * faults.inject(FaultSpec.of(FaultType.AZ_OUTAGE).availabilityZone("us-east-1a")
 *     .at(Duration.ofMinutes(5)).duration(Duration.ofMinutes(20)).build());
 * }</pre>
 */
package dev.fakeecs.fault;
