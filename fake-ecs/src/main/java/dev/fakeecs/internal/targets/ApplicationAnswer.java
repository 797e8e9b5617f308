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
 */
public record ApplicationAnswer(int status, String availabilityZone) {

    /** Nothing listens at the target. */
    public static final ApplicationAnswer NO_ANSWER = new ApplicationAnswer(0, null);

    /** Whether anything answered. */
    public boolean answered() {
        return status > 0;
    }
}
