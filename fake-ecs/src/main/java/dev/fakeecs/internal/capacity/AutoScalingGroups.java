package dev.fakeecs.internal.capacity;

import dev.fakeecs.internal.containerinstance.InstanceTypes;
import dev.fakeecs.internal.error.EcsErrors;
import dev.fakeecs.journal.JournalEventType;
import dev.fakeecs.internal.containerinstance.ContainerInstances;
import dev.fakeecs.internal.engine.RegionContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulated EC2 Auto Scaling groups of one region. Tests and the DSL create groups here;
 * CreateCapacityProvider finds them by ARN. An ARN naming a group nobody created makes a
 * default group on the spot (m5.large, min 0, max 10, desired 0, every zone of the region,
 * On-Demand): the fake has no Auto Scaling API, and code written against ECS alone passes ARNs.
 *
 * <pre>{@code
 * AutoScalingGroups groups = capacityProviders.autoScalingGroups();
 * AutoScalingGroup asg = groups.createGroup("web", "c5.large", 1, 6, 2, List.of("us-east-1a", "us-east-1b"), true);
 * asg.arn();   // arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:<uuid>:autoScalingGroupName/web
 * }</pre>
 */
public final class AutoScalingGroups {

    private static final Pattern ARN = Pattern.compile(
            "arn:aws:autoscaling:([a-z0-9-]+):(\\d{12}):autoScalingGroup:([0-9a-f-]+):autoScalingGroupName/(.+)");
    private static final Pattern NAME = Pattern.compile("[^\\s:]{1,255}");

    private final RegionContext region;
    private final ContainerInstances containerInstances;
    private final CapacityProviders providers;
    private final Map<String, AutoScalingGroup> byName = new LinkedHashMap<>();

    AutoScalingGroups(RegionContext region, ContainerInstances containerInstances, CapacityProviders providers) {
        this.region = region;
        this.containerInstances = containerInstances;
        this.providers = providers;
    }

    /**
     * Creates a group and launches its desired instances.
     *
     * @param azs the zones to spread over (round-robin); empty means every zone of the region
     */
    public AutoScalingGroup createGroup(String name, String instanceType, int min, int max, int desired,
                                        List<String> azs, boolean spot) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw EcsErrors.invalidParameter("Auto Scaling group name must be 1-255 characters without spaces "
                    + "or colons: " + name);
        }
        if (byName.containsKey(name)) {
            throw EcsErrors.invalidParameter("An Auto Scaling group named " + name + " already exists.");
        }
        InstanceTypes.get(instanceType);
        checkLimits(min, max, desired);
        List<String> zones = azs == null || azs.isEmpty() ? region.availabilityZones() : azs;
        for (String zone : zones) {
            if (!region.availabilityZones().contains(zone)) {
                throw EcsErrors.invalidParameter("The availability zone " + zone + " is not part of region "
                        + region.name() + " " + region.availabilityZones() + ".");
            }
        }
        String arn = "arn:aws:autoscaling:" + region.name() + ":" + region.engine().accountId() + ":autoScalingGroup:"
                + region.engine().random().uuid() + ":autoScalingGroupName/" + name;
        AutoScalingGroup group = new AutoScalingGroup(region, containerInstances, providers, name, arn, instanceType, min, max, zones, spot);
        byName.put(name, group);
        region.record(JournalEventType.AUTO_SCALING_GROUP, arn, "created", name, "instanceType", instanceType,
                "min", String.valueOf(min), "max", String.valueOf(max), "zones", String.join(",", zones),
                "lifecycle", spot ? "spot" : "on-demand");
        group.desired(desired, "created");
        return group;
    }

    /** The group of that name or ARN, or null. */
    public AutoScalingGroup find(String nameOrArn) {
        if (nameOrArn == null) {
            return null;
        }
        Matcher m = ARN.matcher(nameOrArn);
        if (m.matches()) {
            AutoScalingGroup group = byName.get(m.group(4));
            return group != null && group.arn().equals(nameOrArn) ? group : null;
        }
        return byName.get(nameOrArn);
    }

    /** Every group, in creation order. */
    public List<AutoScalingGroup> all() {
        return new ArrayList<>(byName.values());
    }

    /** The group an ARN names, created with defaults (see class doc) when nobody created it. */
    AutoScalingGroup forArn(String arn) {
        Matcher m = ARN.matcher(arn == null ? "" : arn);
        if (!m.matches() || !m.group(1).equals(region.name()) || !m.group(2).equals(region.engine().accountId())) {
            throw EcsErrors.clientException("The specified Auto Scaling group ARN is not valid. Specify a valid "
                    + "Auto Scaling group ARN in this account and Region and try again.");
        }
        AutoScalingGroup group = byName.get(m.group(4));
        if (group != null) {
            if (!group.arn().equals(arn)) {
                throw EcsErrors.clientException("The specified Auto Scaling group ARN is not valid. Specify a valid "
                        + "Auto Scaling group ARN in this account and Region and try again.");
            }
            return group;
        }
        group = new AutoScalingGroup(region, containerInstances, providers, m.group(4), arn, "m5.large", 0, 10, region.availabilityZones(), false);
        byName.put(group.name(), group);
        region.record(JournalEventType.AUTO_SCALING_GROUP, arn, "created", group.name(), "instanceType", "m5.large",
                "min", "0", "max", "10", "zones", String.join(",", region.availabilityZones()), "lifecycle",
                "on-demand");
        return group;
    }

    static void checkLimits(int min, int max, int desired) {
        if (min < 0 || max < min || desired < min || desired > max) {
            throw EcsErrors.invalidParameter("Auto Scaling group sizes must satisfy 0 <= min <= desired <= max: min "
                    + min + ", desired " + desired + ", max " + max + ".");
        }
    }
}
