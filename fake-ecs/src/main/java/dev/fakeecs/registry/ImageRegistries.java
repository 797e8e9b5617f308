package dev.fakeecs.registry;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.internal.image.ImagePull;
import dev.fakeecs.journal.JournalEventType;
import dev.fakeecs.region.Region;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The world's ECR registries, one per region, with cross-region replication rules; also the
 * image pull check that makes tasks pull from them. A task's image resolves, when its pull
 * completes, against the registry its ECR URI names, or, for a plain {@code repo:tag}, against the
 * registry of the task's own region when any registry knows that repository. A tag that has not
 * (yet) arrived fails the task with {@code CannotPullContainerError}; a tag replicated earlier
 * gives the old digest until the new push arrives (the "stale images" gotcha). Other images are
 * left alone.
 *
 * <pre>{@code
 * ImageRegistries ecr = ImageRegistries.of(ecs);
 * ecr.replicate("us-east-1", "us-west-2", Duration.ofMinutes(15));
 * String v2 = ecr.region("us-east-1").push("acme/orders", "latest");
 * // a us-west-2 task of acme/orders:latest started in the next 15 minutes gets the previous digest
 * ecr.replicationStatus("us-east-1", "acme/orders", "latest", "us-west-2");   // IN_PROGRESS
 * }</pre>
 */
public final class ImageRegistries {

    private final FakeEcs ecs;
    private final Map<String, EcrRegistry> byRegion = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<ReplicationRule> rules = new ArrayList<>();
    private final Map<String, String> status = new LinkedHashMap<>();

    private ImageRegistries(FakeEcs ecs) {
        this.ecs = ecs;
        // a region created on first use later gets its registry too
        ecs.engine().addRegionListener(name -> byRegion.computeIfAbsent(name,
                n -> new EcrRegistry(ecs.engine(), n, this)));
        for (Region r : ecs.regions()) {
            byRegion.computeIfAbsent(r.name(), n -> new EcrRegistry(ecs.engine(), n, this));
        }
        ecs.engine().images().addPullCheck(this::pull);
    }

    /** The world's registries (made, and hooked into image pulls, on first use). */
    public static ImageRegistries of(FakeEcs ecs) {
        return ecs.engine().extension(ImageRegistries.class, () -> new ImageRegistries(ecs));
    }

    /** The registry of a region of the world. */
    public EcrRegistry region(String region) {
        ecs.region(region); // every region name is served: this creates it (and its registry) on first use
        EcrRegistry registry = byRegion.get(region);
        if (registry == null) {
            throw new IllegalArgumentException("Region " + region + " is not part of this world; declared regions: "
                    + byRegion.keySet());
        }
        return registry;
    }

    /** Adds a replication rule: later pushes to {@code source} arrive in {@code destination} after {@code lag}. */
    public ReplicationRule replicate(String source, String destination, Duration lag) {
        region(source);
        region(destination);
        ReplicationRule rule = new ReplicationRule(source, destination, lag);
        ecs.engine().lock().lock();
        try {
            rules.add(rule);
            ecs.engine().journal().record(source, JournalEventType.IMAGE, "replication", "destination", destination,
                    "lag", lag.toString());
        } finally {
            ecs.engine().lock().unlock();
        }
        return rule;
    }

    /** IN_PROGRESS, COMPLETE, or null when that push was never replicated there. */
    public String replicationStatus(String source, String repository, String tag, String destination) {
        ecs.engine().lock().lock();
        try {
            return status.get(key(source, repository, tag, destination));
        } finally {
            ecs.engine().lock().unlock();
        }
    }

    void replicate(EcrRegistry from, String repository, String tag, String digest) {
        for (ReplicationRule rule : rules) {
            if (!rule.sourceRegion().equals(from.region())) {
                continue;
            }
            EcrRegistry to = region(rule.destinationRegion());
            String key = key(from.region(), repository, tag, to.region());
            status.put(key, "IN_PROGRESS");
            ecs.engine().journal().record(from.region(), JournalEventType.IMAGE, from.uri(repository, tag),
                    "event", "replication started", "destination", to.region(), "digest", digest,
                    "arrivesAt", ecs.clock().instant().plus(rule.lag()).toString());
            ecs.clock().schedule(rule.lag(), "replicate " + repository + ":" + tag + " to " + to.region(), () -> {
                to.put(repository, tag, digest, "replicated from " + from.region());
                status.put(key, "COMPLETE");
            });
        }
    }

    private ImagePull pull(String region, String cluster, String group, String image) {
        ImageReference ref = ImageReference.parse(image);
        EcrRegistry registry = byRegion.get(ref.region() == null ? region : ref.region());
        if (registry == null || (ref.region() == null && !knownAnywhere(ref.repository()))) {
            return ImagePull.NO_OPINION;
        }
        if (ref.digest() != null) {
            return ImagePull.resolved(ref.digest());
        }
        String digest = registry.resolve(ref.repository(), ref.tag()).orElse(null);
        if (digest == null) {
            ecs.engine().journal().record(region, JournalEventType.IMAGE, image, "event", "pull failed", "registry",
                    registry.region(), "cluster", cluster, "group", group);
            return ImagePull.failed(notFound(image, ref));
        }
        ecs.engine().journal().record(region, JournalEventType.IMAGE, image, "event", "pulled", "registry",
                registry.region(), "digest", digest, "group", group);
        return ImagePull.resolved(digest);
    }

    /** The CannotPullContainerError text for a tag the registry does not have. */
    static String notFound(String image, ImageReference ref) {
        return "CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref "
                + image + ": " + image + ": not found";
    }

    private boolean knownAnywhere(String repository) {
        for (EcrRegistry r : byRegion.values()) {
            if (r.hasRepository(repository)) {
                return true;
            }
        }
        return false;
    }

    private static String key(String source, String repository, String tag, String destination) {
        return source + "|" + repository + ":" + tag + "|" + destination;
    }
}
