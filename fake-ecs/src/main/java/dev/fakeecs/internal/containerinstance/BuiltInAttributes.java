package dev.fakeecs.internal.containerinstance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The attributes the ECS agent on an Amazon Linux ECS-optimized AMI registers: the valued
 * built-ins ({@code ecs.availability-zone}, {@code ecs.instance-type}, {@code ecs.os-type},
 * {@code ecs.os-family}, {@code ecs.cpu-architecture}, {@code ecs.ami-id}, {@code ecs.vpc-id},
 * {@code ecs.subnet-id}) and the value-less capability attributes
 * ({@code com.amazonaws.ecs.capability.*}, {@code ecs.capability.*}), GPU hosts adding
 * {@code ecs.capability.gpu-driver-version}.
 *
 * <pre>{@code
 * Map<String, String> attrs = BuiltInAttributes.of(InstanceTypes.get("m5.large"), "us-east-1a",
 *         "ami-0abc...", "vpc-0123...", "subnet-0456...");
 * attrs.get("ecs.instance-type");                         // "m5.large"
 * attrs.containsKey("ecs.capability.task-eni");           // true (value null)
 * }</pre>
 */
public final class BuiltInAttributes {

    /** Capability attributes every Linux host registers, without values. */
    public static final List<String> LINUX_CAPABILITIES = List.of(
            "com.amazonaws.ecs.capability.logging-driver.syslog",
            "com.amazonaws.ecs.capability.logging-driver.awslogs",
            "com.amazonaws.ecs.capability.logging-driver.json-file",
            "com.amazonaws.ecs.capability.logging-driver.none",
            "com.amazonaws.ecs.capability.privileged-container",
            "com.amazonaws.ecs.capability.docker-remote-api.1.17",
            "com.amazonaws.ecs.capability.docker-remote-api.1.18",
            "com.amazonaws.ecs.capability.docker-remote-api.1.19",
            "com.amazonaws.ecs.capability.docker-remote-api.1.20",
            "com.amazonaws.ecs.capability.docker-remote-api.1.21",
            "com.amazonaws.ecs.capability.docker-remote-api.1.22",
            "com.amazonaws.ecs.capability.docker-remote-api.1.23",
            "com.amazonaws.ecs.capability.docker-remote-api.1.24",
            "com.amazonaws.ecs.capability.docker-remote-api.1.25",
            "com.amazonaws.ecs.capability.docker-remote-api.1.26",
            "com.amazonaws.ecs.capability.docker-remote-api.1.27",
            "com.amazonaws.ecs.capability.docker-remote-api.1.28",
            "com.amazonaws.ecs.capability.docker-remote-api.1.29",
            "com.amazonaws.ecs.capability.docker-remote-api.1.30",
            "com.amazonaws.ecs.capability.docker-remote-api.1.31",
            "com.amazonaws.ecs.capability.docker-remote-api.1.32",
            "com.amazonaws.ecs.capability.ecr-auth",
            "com.amazonaws.ecs.capability.task-iam-role",
            "com.amazonaws.ecs.capability.task-iam-role-network-host",
            "ecs.capability.execution-role-ecr-pull",
            "ecs.capability.execution-role-awslogs",
            "ecs.capability.task-eni",
            "ecs.capability.container-health-check",
            "ecs.capability.container-ordering",
            "ecs.capability.full-sync",
            "ecs.capability.docker-plugin.local",
            "ecs.capability.task-cpu-mem-limit",
            "ecs.capability.secrets.ssm.environment-variables",
            "ecs.capability.secrets.ssm.bootstrap.log-driver",
            "ecs.capability.secrets.asm.environment-variables",
            "ecs.capability.secrets.asm.bootstrap.log-driver",
            "ecs.capability.private-registry-authentication.secretsmanager",
            "ecs.capability.efs",
            "ecs.capability.efsAuth",
            "ecs.capability.firelens.fluentd",
            "ecs.capability.firelens.fluentbit",
            "ecs.capability.logging-driver.awsfirelens",
            "ecs.capability.aws-appmesh",
            "ecs.capability.pid-ipc-namespace-sharing",
            "ecs.capability.execute-command",
            "ecs.capability.service-connect-v1",
            "ecs.capability.increased-task-cpu-limit",
            "ecs.capability.env-files.s3");

    /** The GPU driver version GPU hosts report. */
    public static final String GPU_DRIVER_VERSION = "535.216.03";

    private BuiltInAttributes() {
    }

    /** Built-in and capability attributes of a Linux host, in the order the agent registers them. */
    public static Map<String, String> of(InstanceType type, String availabilityZone, String amiId, String vpcId,
                                         String subnetId) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("ecs.availability-zone", availabilityZone);
        attributes.put("ecs.instance-type", type.name());
        attributes.put("ecs.os-type", "linux");
        attributes.put("ecs.os-family", "LINUX");
        attributes.put("ecs.cpu-architecture", type.architecture());
        attributes.put("ecs.ami-id", amiId);
        attributes.put("ecs.vpc-id", vpcId);
        attributes.put("ecs.subnet-id", subnetId);
        for (String capability : LINUX_CAPABILITIES) {
            attributes.put(capability, null);
        }
        if (type.gpus() > 0) {
            attributes.put("ecs.capability.gpu-driver-version", GPU_DRIVER_VERSION);
        }
        return attributes;
    }

    /** True for attributes ECS owns ({@code ecs.*}, {@code com.amazonaws.ecs.*}): not custom, not deletable. */
    public static boolean isBuiltIn(String name) {
        return name.startsWith("ecs.") || name.startsWith("com.amazonaws.ecs.");
    }
}
