package dev.fakeecs.internal.express;

import dev.fakeecs.internal.error.EcsErrors;
import software.amazon.awssdk.services.ecs.model.ExpressCpuArchitecture;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayContainer;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayScalingTarget;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayServiceAwsLogsConfiguration;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayServiceConfiguration;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayServiceNetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayServiceScalingMetric;
import software.amazon.awssdk.services.ecs.model.Tag;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks the fields of Create- and UpdateExpressGatewayService and fills in what AWS fills in: container port 80,
 * health check path {@code /ping} (the API reference's default), CPU 1024 and memory 2048 (the Developer Guide's
 * defaults), X86_64, the default VPC's subnets (one per zone of the region), minimum 1 and maximum 20 tasks scaled
 * on average CPU at 60 %, awslogs into {@code /aws/ecs/<cluster>/<service>-<4 hex>} with stream prefix {@code ecs}.
 * Every broken rule is an InvalidParameterException naming the field.
 *
 * <pre>{@code
 * ExpressRequests.checkName("web");
 * ExpressGatewayScalingTarget s = ExpressRequests.scaling(null, null);   // 1..20, AVERAGE_CPU 60
 * }</pre>
 */
final class ExpressRequests {

    static final int DEFAULT_PORT = 80;
    static final String DEFAULT_HEALTH_CHECK_PATH = "/ping";
    static final String DEFAULT_CPU = "1024";
    static final String DEFAULT_MEMORY = "2048";
    static final int DEFAULT_MIN_TASKS = 1;
    static final int DEFAULT_MAX_TASKS = 20;
    static final int DEFAULT_TARGET_VALUE = 60;
    static final String DEFAULT_LOG_STREAM_PREFIX = "ecs";
    static final int MAX_TAGS = 50;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");
    private static final Pattern ROLE = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/.+");

    private ExpressRequests() {
    }

    static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw EcsErrors.invalidParameter("serviceName can contain up to 255 letters (uppercase and lowercase), "
                    + "numbers, underscores, and hyphens.");
        }
    }

    /** A role ARN field: absent (null) is the caller's business; present must be an IAM role ARN. */
    static void checkRole(String field, String arn) {
        if (arn != null && !ROLE.matcher(arn).matches()) {
            throw EcsErrors.invalidParameter(field + " must be a valid IAM role ARN, got " + arn + ".");
        }
    }

    static void checkTags(List<Tag> tags) {
        if (tags.size() > MAX_TAGS) {
            throw EcsErrors.invalidParameter("tags can contain at most " + MAX_TAGS + " tags.");
        }
    }

    static String healthCheckPath(String given, String current) {
        if (given == null) {
            return current != null ? current : DEFAULT_HEALTH_CHECK_PATH;
        }
        if (!given.startsWith("/") || given.length() > 1024) {
            throw EcsErrors.invalidParameter("healthCheckPath must start with a forward slash (/) and be at most "
                    + "1024 characters long.");
        }
        return given;
    }

    /** The primary container with its defaults: port 80 and the given log group (or the default one). */
    static ExpressGatewayContainer container(ExpressGatewayContainer given, String defaultLogGroup) {
        EcsErrors.require(given, "primaryContainer");
        EcsErrors.require(given.image(), "primaryContainer.image");
        int port = given.containerPort() == null ? DEFAULT_PORT : given.containerPort();
        if (port < 1 || port > 65535) {
            throw EcsErrors.invalidParameter("primaryContainer.containerPort must be between 1 and 65535.");
        }
        ExpressGatewayServiceAwsLogsConfiguration logs = given.awsLogsConfiguration();
        if (logs == null) {
            logs = ExpressGatewayServiceAwsLogsConfiguration.builder().logGroup(defaultLogGroup)
                    .logStreamPrefix(DEFAULT_LOG_STREAM_PREFIX).build();
        } else {
            EcsErrors.require(logs.logGroup(), "primaryContainer.awsLogsConfiguration.logGroup");
            EcsErrors.require(logs.logStreamPrefix(), "primaryContainer.awsLogsConfiguration.logStreamPrefix");
        }
        return given.toBuilder().containerPort(port).awsLogsConfiguration(logs).build();
    }

    /** The scaling target: {@code given}'s fields over {@code current}'s (or the defaults), checked. */
    static ExpressGatewayScalingTarget scaling(ExpressGatewayScalingTarget given, ExpressGatewayScalingTarget current) {
        ExpressGatewayScalingTarget base = current != null ? current : ExpressGatewayScalingTarget.builder()
                .minTaskCount(DEFAULT_MIN_TASKS).maxTaskCount(DEFAULT_MAX_TASKS)
                .autoScalingMetric(ExpressGatewayServiceScalingMetric.AVERAGE_CPU)
                .autoScalingTargetValue(DEFAULT_TARGET_VALUE).build();
        if (given == null) {
            return base;
        }
        ExpressGatewayScalingTarget.Builder b = base.toBuilder();
        if (given.minTaskCount() != null) {
            b.minTaskCount(given.minTaskCount());
        }
        if (given.maxTaskCount() != null) {
            b.maxTaskCount(given.maxTaskCount());
        }
        if (given.autoScalingMetric() != null) {
            b.autoScalingMetric(given.autoScalingMetricAsString());
        }
        if (given.autoScalingTargetValue() != null) {
            b.autoScalingTargetValue(given.autoScalingTargetValue());
        }
        ExpressGatewayScalingTarget s = b.build();
        if (s.minTaskCount() < 1) {
            throw EcsErrors.invalidParameter("scalingTarget.minTaskCount must be at least 1.");
        }
        if (s.maxTaskCount() < s.minTaskCount()) {
            throw EcsErrors.invalidParameter("scalingTarget.maxTaskCount must be greater than or equal to "
                    + "scalingTarget.minTaskCount.");
        }
        int value = s.autoScalingTargetValue();
        boolean percent = s.autoScalingMetric() != ExpressGatewayServiceScalingMetric.REQUEST_COUNT_PER_TARGET;
        if (value < 1 || percent && value > 100) {
            throw EcsErrors.invalidParameter("scalingTarget.autoScalingTargetValue must be between 1 and "
                    + (percent ? "100" : "2147483647") + " for " + s.autoScalingMetricAsString() + ".");
        }
        return s;
    }

    /** The network configuration: given subnets (else the default VPC's, one per zone) and security groups. */
    static ExpressGatewayServiceNetworkConfiguration network(ExpressGatewayServiceNetworkConfiguration given,
                                                            List<String> defaultSubnets, List<String> createdGroups) {
        List<String> subnets = given != null && given.hasSubnets() && !given.subnets().isEmpty() ? given.subnets()
                : defaultSubnets;
        List<String> groups = given != null && given.hasSecurityGroups() && !given.securityGroups().isEmpty()
                ? given.securityGroups() : createdGroups;
        return ExpressGatewayServiceNetworkConfiguration.builder().subnets(subnets).securityGroups(groups).build();
    }

    /** Whether the request names security groups of its own (else ECS creates the service's group). */
    static boolean givesSecurityGroups(ExpressGatewayServiceNetworkConfiguration given) {
        return given != null && given.hasSecurityGroups() && !given.securityGroups().isEmpty();
    }

    static String cpuArchitecture(ExpressCpuArchitecture given, String current) {
        if (given == null) {
            return current != null ? current : ExpressCpuArchitecture.X86_64.toString();
        }
        if (given == ExpressCpuArchitecture.UNKNOWN_TO_SDK_VERSION) {
            throw EcsErrors.invalidParameter("cpuArchitecture must be one of X86_64, ARM64.");
        }
        return given.toString();
    }

    /**
     * The name ECS gives a service created without one: the image's repository name (lower case, other characters
     * than letters, digits, '_' and '-' turned into '-') and a suffix.
     */
    static String nameFromImage(String image, String suffix) {
        String repository = image;
        int at = repository.indexOf('@');
        if (at >= 0) {
            repository = repository.substring(0, at);
        }
        int slash = repository.lastIndexOf('/');
        repository = repository.substring(slash + 1);
        int colon = repository.indexOf(':');
        if (colon >= 0) {
            repository = repository.substring(0, colon);
        }
        repository = repository.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
        if (repository.isEmpty()) {
            repository = "express";
        }
        if (repository.length() > 200) {
            repository = repository.substring(0, 200);
        }
        return repository + "-" + suffix;
    }

    /** Fields an update may not change are absent from its request shape; this only checks the ones present. */
    static ExpressGatewayServiceConfiguration checkUpdate(ExpressGatewayServiceConfiguration c) {
        checkRole("executionRoleArn", c.executionRoleArn());
        checkRole("taskRoleArn", c.taskRoleArn());
        return c;
    }
}
