package dev.fakeecs.internal.targets;

/**
 * The applications ECS runs, as a load balancer reaches them: what answers at a target (a task's ENI IP and
 * container port, or a container instance's EC2 id and host port) and whether an instance target may be
 * registered. Published by ECS to the Elastic Load Balancing v2 simulation of the same region; called under the
 * engine lock.
 *
 * <pre>{@code
 * ApplicationAnswer a = applications.answer(new Target("10.0.1.17", 8080));   // status 200 from a healthy task
 * boolean ok = applications.instanceRunning("i-0abc...");
 * }</pre>
 */
public interface TargetApplications {

    /** A world without ECS tasks: nothing answers anywhere. */
    TargetApplications NONE = new TargetApplications() {
        @Override
        public ApplicationAnswer answer(Target target) {
            return ApplicationAnswer.NO_ANSWER;
        }

        @Override
        public String instanceZone(String instanceId) {
            return null;
        }
    };

    /** How the application at the target answers now. */
    ApplicationAnswer answer(Target target);

    /**
     * The Availability Zone of a running EC2 instance of the region (a container instance's {@code ec2InstanceId}),
     * or null if no such instance is running ({@code RegisterTargets} refuses it with {@code InvalidTarget}).
     */
    String instanceZone(String instanceId);
}
