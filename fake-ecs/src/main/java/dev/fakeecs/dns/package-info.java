/**
 * Route 53 in the fake world: health checks of service {@link dev.fakeecs.dns.Endpoint}s and failover
 * records over them ({@link dev.fakeecs.dns.Route53}, {@link dev.fakeecs.dns.FailoverRecord}), evaluated
 * on the virtual clock, and a caching {@link dev.fakeecs.dns.Resolver} as clients see it.
 *
 * <pre>{@code
 * Route53 dns = Route53.of(ecs);
 * Endpoint east = Endpoint.of("us-east-1", "food", "orders");
 * Endpoint west = Endpoint.of("us-west-2", "food", "orders");
 * FailoverRecord api = dns.failoverRecord("api.food.example", Duration.ofSeconds(60),
 *     east, dns.createHealthCheck(east), west, null);
 * }</pre>
 */
package dev.fakeecs.dns;
