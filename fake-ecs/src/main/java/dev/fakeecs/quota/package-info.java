/**
 * Service quotas: {@link dev.fakeecs.quota.Quotas}, the seed document's figures by default or today's AWS
 * defaults ({@link dev.fakeecs.quota.Quotas#aws2026()}), each overridable. A request past a quota gets
 * the error ECS gives.
 *
 * <pre>{@code
 * FakeEcs ecs = FakeEcs.builder().quotas(Quotas.aws2026()).build();
 * }</pre>
 */
package dev.fakeecs.quota;
