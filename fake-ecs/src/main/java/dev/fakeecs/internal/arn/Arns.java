package dev.fakeecs.internal.arn;

/**
 * Builds and reads ECS ARNs in the long format (mandatory for new resources since April 2021).
 *
 * <pre>{@code
 * Arns arns = new Arns("us-east-1", "123456789012");
 * arns.cluster("prod");            // arn:aws:ecs:us-east-1:123456789012:cluster/prod
 * arns.task("prod", "3f9c...");    // arn:aws:ecs:us-east-1:123456789012:task/prod/3f9c...
 * Arns.lastSegment("arn:aws:ecs:us-east-1:1:cluster/prod");   // "prod"
 * }</pre>
 */
public final class Arns {

    private final String prefix;

    public Arns(String region, String accountId) {
        this.prefix = "arn:aws:ecs:" + region + ":" + accountId + ":";
    }

    public String prefix() {
        return prefix;
    }

    public String cluster(String name) {
        return prefix + "cluster/" + name;
    }

    public String service(String cluster, String service) {
        return prefix + "service/" + cluster + "/" + service;
    }

    public String task(String cluster, String taskId) {
        return prefix + "task/" + cluster + "/" + taskId;
    }

    public String containerInstance(String cluster, String id) {
        return prefix + "container-instance/" + cluster + "/" + id;
    }

    public String taskDefinition(String family, int revision) {
        return prefix + "task-definition/" + family + ":" + revision;
    }

    public String capacityProvider(String name) {
        return prefix + "capacity-provider/" + name;
    }

    public String taskSet(String cluster, String service, String taskSetId) {
        return prefix + "task-set/" + cluster + "/" + service + "/" + taskSetId;
    }

    public String container(String cluster, String taskId, String containerId) {
        return prefix + "container/" + cluster + "/" + taskId + "/" + containerId;
    }

    /** True if {@code value} looks like an ARN rather than a plain name or id. */
    public static boolean isArn(String value) {
        return value != null && value.startsWith("arn:");
    }

    /** The part after the last '/' (the name or id of most ECS resources). */
    public static String lastSegment(String arnOrName) {
        int slash = arnOrName.lastIndexOf('/');
        return slash < 0 ? arnOrName : arnOrName.substring(slash + 1);
    }

    /** The resource type of an ECS ARN ("cluster", "task", ...), or null for a plain name. */
    public static String resourceType(String arn) {
        if (!isArn(arn)) {
            return null;
        }
        String[] parts = arn.split(":", 6);
        if (parts.length < 6) {
            return null;
        }
        String resource = parts[5];
        int slash = resource.indexOf('/');
        return slash < 0 ? resource : resource.substring(0, slash);
    }

    /** The region of an ARN, or null. */
    public static String region(String arn) {
        if (!isArn(arn)) {
            return null;
        }
        String[] parts = arn.split(":", 6);
        return parts.length < 6 ? null : parts[3];
    }
}
