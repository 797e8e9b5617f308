package dev.fakeecs.internal.image;

/**
 * What an {@link ImagePullCheck} says about one pull: the digest the image resolved to, or why
 * the pull failed (a {@code CannotPullContainerError: ...} reason). Both null: no opinion.
 *
 * <pre>{@code
 * ImagePull ok = ImagePull.resolved("sha256:9f2c...");
 * ImagePull missing = ImagePull.failed("CannotPullContainerError: ... not found");
 * }</pre>
 *
 * @param digest        the resolved digest ({@code sha256:...}), or null
 * @param failureReason the stoppedReason of a failed pull, or null
 */
public record ImagePull(String digest, String failureReason) {

    /** No opinion: the next check (or the image's behaviour) decides. */
    public static final ImagePull NO_OPINION = new ImagePull(null, null);

    public static ImagePull resolved(String digest) {
        return new ImagePull(digest, null);
    }

    public static ImagePull failed(String reason) {
        return new ImagePull(null, reason);
    }

    public boolean isFailure() {
        return failureReason != null;
    }
}
