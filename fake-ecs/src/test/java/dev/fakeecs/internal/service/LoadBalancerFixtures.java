package dev.fakeecs.internal.service;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.internal.task.SimulatedTask;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;

import java.util.ArrayList;
import java.util.List;

/** Task definitions with port mappings, load balancer entries and lookups the load balancer tests share. */
final class LoadBalancerFixtures {

    private LoadBalancerFixtures() {
    }

    /** A Fargate (awsvpc) family whose container {@code app} listens on 8080. */
    static String awsvpcFamily(FakeEcs ecs, String family, String image) {
        return ecs.api().registerTaskDefinition(r -> r.family(family).requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512").containerDefinitions(ContainerDefinition
                        .builder().name("app").image(image)
                        .portMappings(PortMapping.builder().containerPort(8080).build()).build()))
                .taskDefinition().taskDefinitionArn();
    }

    /** A bridge family whose container {@code app} maps container port 80 to a dynamic host port. */
    static String bridgeFamily(FakeEcs ecs, String family, String image) {
        return ecs.api().registerTaskDefinition(r -> r.family(family).networkMode(NetworkMode.BRIDGE)
                .containerDefinitions(ContainerDefinition.builder().name("app").image(image).cpu(256).memory(256)
                        .portMappings(PortMapping.builder().containerPort(80).hostPort(0).build()).build()))
                .taskDefinition().taskDefinitionArn();
    }

    static LoadBalancer lb(String targetGroupArn, int port) {
        return LoadBalancer.builder().targetGroupArn(targetGroupArn).containerName("app").containerPort(port).build();
    }

    /** The service's events, oldest first. */
    static List<String> eventsOldestFirst(FakeEcs ecs, String service) {
        List<String> list = new ArrayList<>(ServiceFixtures.describe(ecs, service).events().stream()
                .map(ServiceEvent::message).toList());
        java.util.Collections.reverse(list);
        return list;
    }

    /** Every task the region remembers for the service (any status), in launch order. */
    static List<SimulatedTask> tasksOf(FakeEcs ecs, String service) {
        return RegionEngine.of(ecs.defaultRegion()).tasks().all().stream()
                .filter(t -> ("service:" + service).equals(t.group())).toList();
    }

    static SimulatedService service(FakeEcs ecs, String name) {
        return RegionEngine.of(ecs.defaultRegion()).services().find("prod", name);
    }
}
