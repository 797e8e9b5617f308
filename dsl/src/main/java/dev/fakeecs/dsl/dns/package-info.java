/**
 * DNS failover between regions, declared with a world ({@link dev.fakeecs.dsl.dns.DnsFailoverSpec}), with
 * traffic through it and a handle to read what happened ({@link dev.fakeecs.dsl.dns.FailoverHandle}).
 *
 * <pre>{@code
 * FailoverHandle api = Ecs.failover(ecs, "api.food.example");
 * api.report().timeToFailover();
 * }</pre>
 */
package dev.fakeecs.dsl.dns;
