/**
 * Elastic Load Balancing v2 in a declared world: load balancers with their listeners and listener rules, target
 * groups, and the attachment of an ECS service to a target group by name (with the alternate target group and
 * production/test listener rules of blue/green, linear and canary deployments, {@code AdvancedLoadBalancing}). The world applier creates them through the
 * region's in-process {@code ElasticLoadBalancingV2Client} before the services.
 *
 * <pre>{@code
 * Ecs.world()
 *     .targetGroup("web-tg", tg -> tg.http(8080).ip().healthCheckPath("/health").deregistrationDelay(Duration.ofSeconds(30)))
 *     .loadBalancer("web-alb", lb -> lb.application().listener(80, "HTTP", "web-tg"))
 *     .service("web", s -> s.taskDefinition(WEB).desiredCount(2).behindLoadBalancer("web-tg", "app", 8080))
 *     .start();
 * }</pre>
 */
package dev.fakeecs.dsl.loadbalancing;
