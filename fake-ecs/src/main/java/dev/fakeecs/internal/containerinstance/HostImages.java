package dev.fakeecs.internal.containerinstance;

import dev.fakeecs.internal.random.SeededRandom;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The simulated EC2 surroundings of one region's hosts: one VPC, one subnet per availability
 * zone and one ECS-optimized AMI per CPU architecture. Each id is drawn from the world's seeded
 * random source the first time it is needed, so runs with the same seed see the same ids.
 *
 * <pre>{@code
 * HostImages net = new HostImages(world.random());
 * net.vpcId();                    // vpc-0a1b2c3d4e5f60718 (17 hex digits)
 * net.subnetId("us-east-1a");     // subnet-...
 * net.amiId("arm64");             // ami-...
 * }</pre>
 */
public final class HostImages {

    private final SeededRandom random;
    private final Map<String, String> subnets = new LinkedHashMap<>();
    private final Map<String, String> amis = new LinkedHashMap<>();
    private String vpcId;

    public HostImages(SeededRandom random) {
        this.random = random;
    }

    public String vpcId() {
        if (vpcId == null) {
            vpcId = "vpc-" + random.hex(17);
        }
        return vpcId;
    }

    public String subnetId(String availabilityZone) {
        return subnets.computeIfAbsent(availabilityZone, az -> "subnet-" + random.hex(17));
    }

    public String amiId(String architecture) {
        return amis.computeIfAbsent(architecture, arch -> "ami-" + random.hex(17));
    }
}
