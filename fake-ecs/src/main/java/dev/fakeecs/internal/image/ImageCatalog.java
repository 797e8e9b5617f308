package dev.fakeecs.internal.image;

import dev.fakeecs.image.ImageBehavior;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The behaviours declared for images, looked up by image reference. A reference matches a
 * declaration made for exactly that string, or for the same repository without a tag
 * ({@code repo} matches {@code repo:1.2}); anything else gets {@link ImageBehavior#DEFAULT}.
 *
 * <pre>{@code
 * catalog.declare("acme/orders:2.0", ImageBehavior.DEFAULT.exitAfter(Duration.ofSeconds(10), 1));
 * catalog.behaviorOf("acme/orders:2.0");   // the crashing behaviour
 * }</pre>
 */
public final class ImageCatalog {

    private final Map<String, ImageBehavior> behaviors = new LinkedHashMap<>();
    private final List<ImagePullCheck> pullChecks = new CopyOnWriteArrayList<>();

    public synchronized void declare(String image, ImageBehavior behavior) {
        behaviors.put(image, behavior);
    }

    public synchronized ImageBehavior behaviorOf(String image) {
        ImageBehavior exact = behaviors.get(image);
        if (exact != null) {
            return exact;
        }
        String repository = repositoryOf(image);
        return behaviors.getOrDefault(repository, ImageBehavior.DEFAULT);
    }

    /** Adds a check every image pull passes through (registries, image-pull faults); checks run in order. */
    public void addPullCheck(ImagePullCheck check) {
        pullChecks.add(check);
    }

    public void removePullCheck(ImagePullCheck check) {
        pullChecks.remove(check);
    }

    /**
     * What the pull checks say about one pull: the first failure wins; else the first digest; else
     * {@link ImagePull#NO_OPINION}.
     */
    public ImagePull pull(String region, String cluster, String group, String image) {
        String digest = null;
        for (ImagePullCheck check : pullChecks) {
            ImagePull result = check.check(region, cluster, group, image);
            if (result == null) {
                continue;
            }
            if (result.isFailure()) {
                return result;
            }
            if (digest == null) {
                digest = result.digest();
            }
        }
        return digest == null ? ImagePull.NO_OPINION : ImagePull.resolved(digest);
    }

    public synchronized void clear() {
        behaviors.clear();
    }

    /** The image reference without its tag or digest. */
    public static String repositoryOf(String image) {
        int at = image.indexOf('@');
        String noDigest = at < 0 ? image : image.substring(0, at);
        int slash = noDigest.lastIndexOf('/');
        int colon = noDigest.lastIndexOf(':');
        return colon > slash ? noDigest.substring(0, colon) : noDigest;
    }
}
