package dev.fakeecs.registry;

import dev.fakeecs.journal.JournalEventType;
import dev.fakeecs.internal.engine.EngineContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One region's private ECR registry: repositories and their tags, each tag pointing at an image
 * digest. Pushing a tag again moves it to a new digest (tags are mutable). Replication to other
 * regions is configured on {@link ImageRegistries}.
 *
 * <pre>{@code
 * EcrRegistry east = ImageRegistries.of(ecs).region("us-east-1");
 * String digest = east.push("acme/orders", "2.0");   // sha256:..., from the world's seed
 * east.resolve("acme/orders", "2.0");                 // Optional[sha256:...]
 * east.uri("acme/orders", "2.0");   // 123456789012.dkr.ecr.us-east-1.amazonaws.com/acme/orders:2.0
 * }</pre>
 */
public final class EcrRegistry {

    private final EngineContext world;
    private final String region;
    private final ImageRegistries registries;
    private final Map<String, Map<String, String>> repositories = new LinkedHashMap<>();

    EcrRegistry(EngineContext world, String region, ImageRegistries registries) {
        this.world = world;
        this.region = region;
        this.registries = registries;
    }

    public String region() {
        return region;
    }

    /** Creates a repository (no-op if it exists). */
    public EcrRegistry createRepository(String repository) {
        world.lock().lock();
        try {
            ensure(repository, "created");
            return this;
        } finally {
            world.lock().unlock();
        }
    }

    /**
     * Pushes a new image as {@code repository:tag} (creating the repository if needed) and starts
     * its replication to the configured destinations; returns its digest.
     */
    public String push(String repository, String tag) {
        world.lock().lock();
        try {
            String digest = "sha256:" + world.random().hex(64);
            put(repository, tag, digest, "pushed");
            registries.replicate(this, repository, tag, digest);
            return digest;
        } finally {
            world.lock().unlock();
        }
    }

    /** The digest {@code repository:tag} points at now, if the tag exists here. */
    public Optional<String> resolve(String repository, String tag) {
        world.lock().lock();
        try {
            Map<String, String> tags = repositories.get(repository);
            return Optional.ofNullable(tags == null ? null : tags.get(tag));
        } finally {
            world.lock().unlock();
        }
    }

    public boolean hasRepository(String repository) {
        world.lock().lock();
        try {
            return repositories.containsKey(repository);
        } finally {
            world.lock().unlock();
        }
    }

    /** Repository names, in creation order. */
    public List<String> repositories() {
        world.lock().lock();
        try {
            return List.copyOf(repositories.keySet());
        } finally {
            world.lock().unlock();
        }
    }

    /** The ECR URI of {@code repository:tag} in this registry. */
    public String uri(String repository, String tag) {
        return ImageReference.uri(world.accountId(), region, repository, tag);
    }

    /** Stores a tag (a push here, or a replicated image arriving). */
    void put(String repository, String tag, String digest, String how) {
        ensure(repository, how.equals("pushed") ? "created" : "created by replication");
        repositories.get(repository).put(tag, digest);
        world.journal().record(region, JournalEventType.IMAGE, uri(repository, tag), "event", how, "digest", digest);
    }

    private void ensure(String repository, String how) {
        if (!repositories.containsKey(repository)) {
            repositories.put(repository, new LinkedHashMap<>());
            world.journal().record(region, JournalEventType.IMAGE, repository, "repository", how);
        }
    }
}
