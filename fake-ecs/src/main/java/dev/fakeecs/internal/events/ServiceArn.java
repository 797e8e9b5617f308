package dev.fakeecs.internal.events;

/**
 * The parts of a service ARN ({@code arn:aws:ecs:<region>:<account>:service/<cluster>/<service>}) that ECS events
 * need: the cluster and service names and the cluster's ARN.
 *
 * <pre>{@code
 * ServiceArn s = ServiceArn.parse("arn:aws:ecs:us-east-1:123456789012:service/prod/web");
 * s.cluster();      // "prod"
 * s.clusterArn();   // "arn:aws:ecs:us-east-1:123456789012:cluster/prod"
 * }</pre>
 */
record ServiceArn(String arn, String prefix, String cluster, String service) {

    /** Parses a service ARN, or returns null when {@code arn} is not one. */
    static ServiceArn parse(String arn) {
        int at = arn.indexOf(":service/");
        if (at < 0) {
            return null;
        }
        String[] parts = arn.substring(at + ":service/".length()).split("/");
        if (parts.length != 2) {
            return null;
        }
        return new ServiceArn(arn, arn.substring(0, at + 1), parts[0], parts[1]);
    }

    String clusterArn() {
        return prefix + "cluster/" + cluster;
    }
}
