package dev.fakeecs.internal.targets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The target groups ECS sees in one region: whatever {@link TargetGroupDirectory} was last published (by the
 * Elastic Load Balancing v2 simulation, when the region is built), {@link TargetGroupDirectory#NONE} before.
 * ECS is built first and holds this from the start; its health listeners are kept and follow every directory
 * published later (a directory replaced by a newer one is no longer heard). Called under the engine lock.
 *
 * <pre>{@code
 * PublishedTargetGroups targetGroups = new PublishedTargetGroups();
 * Services services = new Services(..., targetGroups);      // ECS uses it from the start
 * targetGroups.publish(loadBalancing.targetGroupDirectory()); // the load balancer simulation arrives
 * }</pre>
 */
public final class PublishedTargetGroups implements TargetGroupDirectory {

    private final List<TargetHealthListener> listeners = new ArrayList<>();
    private TargetGroupDirectory current = TargetGroupDirectory.NONE;

    /** Makes {@code directory} the one ECS uses from now on; the listeners registered so far follow it. */
    public void publish(TargetGroupDirectory directory) {
        TargetGroupDirectory published = directory == null ? TargetGroupDirectory.NONE : directory;
        current = published;
        published.addListener((targetGroupArn, target, from, to) -> {
            if (current != published) {
                return;
            }
            for (TargetHealthListener l : List.copyOf(listeners)) {
                l.changed(targetGroupArn, target, from, to);
            }
        });
    }

    /** The directory published last ({@link TargetGroupDirectory#NONE} when none was). */
    public TargetGroupDirectory current() {
        return current;
    }

    @Override
    public TargetGroupInfo find(String targetGroupArn) {
        return current.find(targetGroupArn);
    }

    @Override
    public void register(String targetGroupArn, Target target) {
        current.register(targetGroupArn, target);
    }

    @Override
    public Instant deregister(String targetGroupArn, Target target) {
        return current.deregister(targetGroupArn, target);
    }

    @Override
    public TargetHealth health(String targetGroupArn, Target target) {
        return current.health(targetGroupArn, target);
    }

    @Override
    public void addListener(TargetHealthListener listener) {
        listeners.add(listener);
    }

    @Override
    public ForwardRule forwardRule(String ruleOrListenerArn) {
        return current.forwardRule(ruleOrListenerArn);
    }

    @Override
    public void forwardWeights(String ruleOrListenerArn, java.util.Map<String, Integer> weights) {
        current.forwardWeights(ruleOrListenerArn, weights);
    }
}
