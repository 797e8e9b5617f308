package dev.fakeecs.internal.targets;

/**
 * How the application behind a target answers an HTTP request right now, as a load balancer health check or a
 * client request sees it.
 *
 * <pre>{@code
 * ApplicationAnswer a = applications.answer(target);
 * if (!a.answered()) reason = "Target.Timeout";
 * }</pre>
 *
 * @param status           the HTTP status the application answers with (the image's {@code httpStatus}, 503
 *                         before {@code healthyAfterSeconds}), or 0 when nothing answers (no task or instance
 *                         there, not yet or no longer running, its host or AZ down)
 * @param availabilityZone the target's Availability Zone, or null if the target is unknown
 * @param trafficStatus    what a client request through the load balancer gets (the image's
 *                         {@code trafficHttpStatus} when it has one, else {@code status}); 0 when nothing answers
 */
public record ApplicationAnswer(int status, String availabilityZone, int trafficStatus) {

    /** Nothing listens at the target. */
    public static final ApplicationAnswer NO_ANSWER = new ApplicationAnswer(0, null);

    /** An application answering health checks and client requests alike. */
    public ApplicationAnswer(int status, String availabilityZone) {
        this(status, availabilityZone, status);
    }

    /** Whether anything answered. */
    public boolean answered() {
        return status > 0;
    }
}
