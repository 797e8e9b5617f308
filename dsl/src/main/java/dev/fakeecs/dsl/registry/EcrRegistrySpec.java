package dev.fakeecs.dsl.registry;

import dev.fakeecs.dsl.internal.Check;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One region's private ECR registry as declared: its replication to other regions (a registry
 * setting in ECR, so it covers every repository of the registry, with the lag each copy takes),
 * its repositories, and the images pushed when the world starts. Pushes after a replication rule
 * exist reach the destination only after its lag, so a world that starts with
 * {@code push("acme/orders", "1.0")} has it in the destination {@code lag} later. Immutable.
 *
 * <pre>{@code
 * world().region("us-east-1").region("us-west-2")
 *     .ecrRegistry("us-east-1", r -> r
 *         .replicateTo("us-west-2", Duration.ofMinutes(20))
 *         .push("acme/orders", "1.0", "latest"));
 * }</pre>
 */
public final class EcrRegistrySpec {

    /** ECR's repository name rule. */
    private static final Pattern REPOSITORY =
            Pattern.compile("(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*");
    /** ECR's (and Docker's) tag rule. */
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");

    /** An image tag pushed when the world starts. */
    public record Push(String repository, String tag) {
    }

    private final String region;
    private final Map<String, Duration> replication;
    private final Set<String> repositories;
    private final List<Push> pushes;

    private EcrRegistrySpec(Builder b) {
        this.region = b.region;
        this.replication = Collections.unmodifiableMap(new LinkedHashMap<>(b.replication));
        this.repositories = Collections.unmodifiableSet(new LinkedHashSet<>(b.repositories));
        this.pushes = List.copyOf(b.pushes);
    }

    public static Builder builder(String region) {
        return new Builder(region);
    }

    public Builder toBuilder() {
        Builder b = new Builder(region);
        b.replication.putAll(replication);
        b.repositories.addAll(repositories);
        b.pushes.addAll(pushes);
        return b;
    }

    /** The registry's region. */
    public String region() { return region; }
    /** Destination region -> replication lag, in declaration order. */
    public Map<String, Duration> replication() { return replication; }
    /** Repositories created, pushed ones included, in declaration order. */
    public Set<String> repositories() { return repositories; }
    /** Tags pushed when the world starts (or the spec is applied and the tag is missing), in order. */
    public List<Push> pushes() { return pushes; }

    @Override
    public boolean equals(Object o) {
        return o instanceof EcrRegistrySpec s && s.region.equals(region) && s.replication.equals(replication)
                && s.repositories.equals(repositories) && s.pushes.equals(pushes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(region, replication, repositories, pushes);
    }

    @Override
    public String toString() {
        return "EcrRegistry[" + region + ", replication=" + replication + ", repositories=" + repositories
                + ", pushes=" + pushes + "]";
    }

    /** Builds an {@link EcrRegistrySpec}; every method validates its input. */
    public static final class Builder {
        private final String region;
        private final String where;
        private final Map<String, Duration> replication = new LinkedHashMap<>();
        private final Set<String> repositories = new LinkedHashSet<>();
        private final List<Push> pushes = new ArrayList<>();

        private Builder(String region) {
            this.where = "ecrRegistry " + region;
            Check.that(region != null && REGION.matcher(region).matches(), where, "region", region,
                    "must look like us-east-1");
            this.region = region;
        }

        /**
         * Every image pushed to this registry from now on is copied to {@code destination}'s
         * registry, arriving {@code lag} later (ECR: "most within 30 minutes", no SLA).
         */
        public Builder replicateTo(String destination, Duration lag) {
            String field = "replicateTo[" + destination + "]";
            Check.that(destination != null && REGION.matcher(destination).matches(), where, "replicateTo",
                    destination, "must look like us-west-2");
            Check.that(!destination.equals(region), where, "replicateTo", destination,
                    "must be another region than the registry's own");
            Check.that(lag != null && !lag.isNegative(), where, field + ".lag", lag, "must not be negative");
            replication.put(destination, lag);
            return this;
        }

        /** Creates an empty repository (ECR's rule: lowercase, digits, {@code . _ - /} separators). */
        public Builder repository(String name) {
            Check.that(name != null && name.length() >= 2 && name.length() <= 256 && REPOSITORY.matcher(name).matches(),
                    where, "repository", name,
                    "must be 2-256 lowercase letters, digits and . _ - / separators (like acme/orders)");
            repositories.add(name);
            return this;
        }

        /** Pushes {@code repository:tag} for each tag (each a new image with its own digest). */
        public Builder push(String repository, String... tags) {
            repository(repository);
            Check.that(tags.length > 0, where, "push(" + repository + ").tags", List.of(), "needs at least one tag");
            for (String tag : tags) {
                Check.that(tag != null && TAG.matcher(tag).matches(), where, "push(" + repository + ").tag", tag,
                        "must be 1-128 letters, digits, _ . - and not start with . or -");
                pushes.add(new Push(repository, tag));
            }
            return this;
        }

        public EcrRegistrySpec build() {
            return new EcrRegistrySpec(this);
        }
    }
}
