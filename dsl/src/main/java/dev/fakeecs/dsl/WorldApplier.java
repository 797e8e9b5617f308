package dev.fakeecs.dsl;

import dev.fakeecs.dsl.internal.apply.ServiceApplier;
import dev.fakeecs.dsl.internal.apply.ExpressServiceApplier;
import dev.fakeecs.dsl.express.ExpressServiceSpec;
import dev.fakeecs.dsl.internal.apply.ClusterApplier;
import dev.fakeecs.dsl.internal.apply.CloudWatchApplier;
import dev.fakeecs.dsl.service.HookFunctionSpec;
import dev.fakeecs.dsl.internal.apply.EcrApplier;
import dev.fakeecs.dsl.internal.apply.LoadBalancingApplier;
import dev.fakeecs.dsl.internal.apply.TaskDefinitionApplier;
import dev.fakeecs.FakeEcs;
import dev.fakeecs.dsl.WorldSpec;
import dev.fakeecs.dsl.cluster.ClusterSpec;
import dev.fakeecs.dsl.dns.DeclaredFailovers;
import dev.fakeecs.dsl.dns.DnsFailoverSpec;
import dev.fakeecs.dsl.loadbalancing.LoadBalancerSpec;
import dev.fakeecs.dsl.loadbalancing.TargetGroupAttachment;
import dev.fakeecs.dsl.loadbalancing.TargetGroupSpec;
import dev.fakeecs.dsl.registry.EcrRegistrySpec;
import dev.fakeecs.dsl.scenario.Scenario;
import dev.fakeecs.dsl.service.ServiceSpec;
import dev.fakeecs.dsl.taskdefinition.TaskDefinitionSpec;
import dev.fakeecs.region.Region;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Brings a running {@link FakeEcs} to the state a {@link WorldSpec} declares, in dependency order:
 * images and ECR registries, task definitions (in every region of the world), Auto Scaling groups
 * and clusters, EC2 hosts, Elastic Load Balancing (target groups, load balancers, listeners and their rules),
 * CloudWatch alarms, lifecycle hook functions, services, Express services, DNS failover records, then scenarios. Everything goes through the region's ECS API where ECS has one,
 * so the journal reads like a real deployment.
 *
 * <pre>{@code
 * new WorldApplier(spec, ecs).apply();   // what WorldSpec.applyTo(ecs) does
 * }</pre>
 */
final class WorldApplier {

    private final WorldSpec spec;
    private final FakeEcs ecs;

    WorldApplier(WorldSpec spec, FakeEcs ecs) {
        this.spec = spec;
        this.ecs = ecs;
    }

    public void apply() {
        spec.images().forEach(ecs::declareImage);
        for (EcrRegistrySpec r : spec.ecrRegistries()) {
            new EcrApplier(ecs).apply(r);
        }
        Map<String, String> latestArns = new LinkedHashMap<>();
        for (Region region : ecs.regions()) {
            TaskDefinitionApplier definitions = new TaskDefinitionApplier(ecs, region.name());
            for (TaskDefinitionSpec t : spec.allTaskDefinitions()) {
                latestArns.put(region.name() + "/" + t.family(), definitions.apply(t));
            }
        }
        for (ClusterSpec c : spec.clusters()) {
            new ClusterApplier(ecs, spec.regionOf(c.region())).apply(c);
        }
        Map<String, LoadBalancingApplier> elb = new LinkedHashMap<>();
        Set<String> elbRegions = new LinkedHashSet<>();
        spec.targetGroups().forEach(t -> elbRegions.add(spec.regionOf(t.region())));
        spec.loadBalancers().forEach(l -> elbRegions.add(spec.regionOf(l.region())));
        for (String name : elbRegions) {
            List<TargetGroupSpec> groups = spec.targetGroups().stream()
                    .filter(t -> spec.regionOf(t.region()).equals(name)).toList();
            List<LoadBalancerSpec> balancers = spec.loadBalancers().stream()
                    .filter(l -> spec.regionOf(l.region()).equals(name)).toList();
            Set<String> ecsManaged = new LinkedHashSet<>();
            spec.services().stream().filter(s -> spec.regionOf(s.region()).equals(name))
                    .flatMap(s -> s.loadBalancers().stream()).map(TargetGroupAttachment::advanced)
                    .filter(java.util.Objects::nonNull).forEach(a -> {
                        ecsManaged.add(a.productionListenerRule());
                        if (a.testListenerRule() != null) {
                            ecsManaged.add(a.testListenerRule());
                        }
                    });
            LoadBalancingApplier applier = new LoadBalancingApplier(ecs, name);
            applier.apply(groups, balancers, ecsManaged);
            elb.put(name, applier);
        }
        Set<String> alarmRegions = new LinkedHashSet<>();
        spec.alarms().forEach(a -> alarmRegions.add(spec.regionOf(a.region())));
        for (String name : alarmRegions) {
            new CloudWatchApplier(ecs, name).apply(spec.alarms().stream()
                    .filter(a -> spec.regionOf(a.region()).equals(name)).toList());
        }
        for (HookFunctionSpec hook : spec.hookFunctions()) {
            hook.applyTo(ecs.lifecycleHooks());
        }
        for (ServiceSpec s : spec.services()) {
            Region region = ecs.region(spec.regionOf(s.region()));
            String arn = s.taskDefinitionSpec() == null ? null
                    : latestArns.get(region.name() + "/" + s.taskDefinitionSpec().family());
            if (s.loadBalancers().isEmpty()) {
                new ServiceApplier(ecs, region.name()).apply(s, arn);
            } else {
                LoadBalancingApplier applier = elb.computeIfAbsent(region.name(),
                        r -> new LoadBalancingApplier(ecs, r));
                new ServiceApplier(ecs, region.name()).apply(s, arn, applier::targetGroupArn,
                        applier::listenerRuleArn);
            }
        }
        for (ExpressServiceSpec e : spec.expressServices()) {
            new ExpressServiceApplier(ecs, spec.regionOf(e.region())).apply(e);
        }
        for (DnsFailoverSpec d : spec.dnsFailovers()) {
            DeclaredFailovers.of(ecs).apply(d);
        }
        for (Scenario scenario : spec.scenarios()) {
            scenario.scheduleOn(ecs);
        }
    }
}
