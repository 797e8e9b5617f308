package dev.fakeecs.internal.targets;

/**
 * Told of every change of a target's health state (under the engine lock, on the virtual clock).
 *
 * <pre>{@code
 * directory.addListener((tg, target, from, to) -> { if (to.isUnhealthy()) replaceTaskBehind(target); });
 * }</pre>
 */
@FunctionalInterface
public interface TargetHealthListener {

    /**
     * @param targetGroupArn the target group
     * @param target         the target
     * @param from           the previous health ({@link TargetHealth#NOT_REGISTERED} for a new registration)
     * @param to             the new health (a deregistered target that finished draining ends
     *                       {@link TargetHealth#NOT_REGISTERED})
     */
    void changed(String targetGroupArn, Target target, TargetHealth from, TargetHealth to);
}
