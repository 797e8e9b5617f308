package dev.fakeecs.junit.internal;

import dev.fakeecs.junit.handle.Capacity;

import java.util.Set;

/**
 * One declared cluster.
 *
 * @param name           the cluster name ("" = "default" unless the spec declares clusters)
 * @param region         its region, or null for the world's first
 * @param capacity       the capacity it starts with
 * @param ec2Hosts       how many simulated EC2 hosts to launch
 * @param ec2InstanceType their instance type
 */
public record ClusterDeclaration(String name, String region, Set<Capacity> capacity, int ec2Hosts,
                                 String ec2InstanceType) {

    public ClusterDeclaration {
        capacity = Set.copyOf(capacity);
    }

    /** The name to create, given whether a spec declares clusters; null means "create none". */
    public String effectiveName(boolean specDeclaresClusters) {
        if (!name.isEmpty()) {
            return name;
        }
        return specDeclaresClusters ? null : "default";
    }
}
