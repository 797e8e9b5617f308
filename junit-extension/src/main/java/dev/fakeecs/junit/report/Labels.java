package dev.fakeecs.junit.report;

/**
 * The report's lane labels carry region and cluster, so that two regions' {@code order-service} tasks (or two
 * clusters' hosts) never merge under one label: {@code us-east-1 / prod / order-service}.
 *
 * <pre>{@code
 * Labels.scope("arn:aws:ecs:us-west-2:123456789012:task/prod/0a1b");   // "us-west-2 / prod"
 * Labels.service("arn:aws:ecs:us-west-2:123456789012:service/prod/orders"); // "us-west-2 / prod / orders"
 * }</pre>
 */
final class Labels {

    static final String SEPARATOR = " / ";

    private Labels() {
    }

    /** {@code region / cluster} of an ECS ARN of a task, service or container instance; the region alone if no cluster. */
    static String scope(String arn) {
        if (arn == null) {
            return "?";
        }
        String[] parts = arn.split(":", 6);
        if (parts.length < 6) {
            return arn;
        }
        String region = parts[3];
        String[] resource = parts[5].split("/");
        return resource.length >= 3 ? region + SEPARATOR + resource[1] : region;
    }

    /** {@code region / cluster / name} of a service ARN. */
    static String service(String serviceArn) {
        return scope(serviceArn) + SEPARATOR + last(serviceArn);
    }

    /** The last path segment of an ARN. */
    static String last(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }
}
