package dev.fakeecs.fault;

import dev.fakeecs.internal.arn.Arns;
import dev.fakeecs.internal.image.ImagePull;
import dev.fakeecs.internal.image.ImagePullCheck;

/**
 * IMAGE_PULL_FAILURE: while it lasts, image pulls of tasks in the region (of the cluster /
 * service, when given) fail: the task stops with stopCode {@code TaskFailedToStart} and a
 * {@code CannotPullContainerError: ...} reason, as when the registry cannot be reached.
 */
final class ImagePullFailureFault implements ActiveFault, ImagePullCheck {

    private final FaultContext ctx;

    ImagePullFailureFault(FaultContext ctx) {
        this.ctx = ctx;
    }

    static String reason(String image) {
        return "CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref "
                + image + ": failed to do request: dial tcp: i/o timeout";
    }

    @Override
    public ImagePull check(String region, String cluster, String group, String image) {
        FaultSpec spec = ctx.spec();
        boolean matches = region.equals(ctx.region().name())
                && (spec.cluster() == null || Arns.lastSegment(spec.cluster()).equals(cluster))
                && (spec.service() == null || ("service:" + Arns.lastSegment(spec.service())).equals(group));
        if (!matches) {
            return ImagePull.NO_OPINION;
        }
        ctx.effect(image, "effect", "image pull failed", "cluster", cluster, "group", group);
        return ImagePull.failed(reason(image));
    }

    @Override
    public void start() {
        ctx.region().engine().images().addPullCheck(this);
    }

    @Override
    public void end() {
        ctx.region().engine().images().removePullCheck(this);
    }
}
