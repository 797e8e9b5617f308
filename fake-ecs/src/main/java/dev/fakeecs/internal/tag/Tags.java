package dev.fakeecs.internal.tag;

import dev.fakeecs.internal.arn.Arns;
import dev.fakeecs.internal.error.EcsErrors;
import dev.fakeecs.journal.JournalEventType;
import dev.fakeecs.internal.engine.RegionContext;
import software.amazon.awssdk.services.ecs.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.ecs.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TagResourceRequest;
import software.amazon.awssdk.services.ecs.model.TagResourceResponse;
import software.amazon.awssdk.services.ecs.model.UntagResourceRequest;
import software.amazon.awssdk.services.ecs.model.UntagResourceResponse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The tags of every taggable resource of one region (clusters, services, tasks, task definitions,
 * container instances, capacity providers, task sets), stored per ARN in insertion order.
 *
 * <p>Other domains call {@link #put} when they create a resource with tags, {@link #tagsOf} when
 * they render it, {@link #remove} when it disappears, and {@link #registerResourceType} once so
 * TagResource can tell a live resource from a missing one. A type with no registered predicate is
 * accepted as existing (a knowing leniency of the fake).
 *
 * <pre>{@code
 * tags.registerResourceType("service", arn -> services.findByArn(arn) != null);
 * tags.validate(request.tags());
 * tags.put(service.arn(), request.tags());
 * List<Tag> serviceTags = tags.tagsOf(service.arn());
 * }</pre>
 */
public final class Tags {

    /** Resource types (the ARN part before the first '/') that ECS can tag. */
    public static final Set<String> TAGGABLE = Set.of("cluster", "service", "task", "task-definition",
            "container-instance", "capacity-provider", "task-set", "daemon", "daemon-task-definition", "gateway");

    private final RegionContext region;
    private final Map<String, Map<String, String>> byArn = new LinkedHashMap<>();
    private final Map<String, Predicate<String>> exists = new LinkedHashMap<>();

    public Tags(RegionContext region) {
        this.region = region;
    }

    /**
     * Tells TagResource, UntagResource and ListTagsForResource how to know whether a resource of
     * {@code type} (for example {@code "service"}) exists; replaces an earlier predicate.
     */
    public void registerResourceType(String type, Predicate<String> arnExists) {
        if (!TAGGABLE.contains(type)) {
            throw new IllegalArgumentException("not a taggable ECS resource type: " + type + "; one of " + TAGGABLE);
        }
        exists.put(type, arnExists);
    }

    /** Checks tags a create request carries (same rules as TagResource). */
    public void validate(List<Tag> tags) {
        if (tags == null) {
            return;
        }
        TagRules.validate(tags);
        int max = region.engine().quotas().tagsPerResource();
        if (distinctKeys(tags) > max) {
            throw tooMany(max);
        }
    }

    /** Adds or overwrites tags of a resource (validated); no-op for an empty list. */
    public void put(String arn, List<Tag> tags) {
        if (tags == null || tags.isEmpty()) {
            return;
        }
        validate(tags);
        Map<String, String> current = byArn.computeIfAbsent(arn, a -> new LinkedHashMap<>());
        Map<String, String> merged = new LinkedHashMap<>(current);
        tags.forEach(t -> merged.put(t.key(), t.value() == null ? "" : t.value()));
        int max = region.engine().quotas().tagsPerResource();
        if (userKeys(merged) > max) {
            if (current.isEmpty()) {
                byArn.remove(arn);
            }
            throw tooMany(max);
        }
        current.clear();
        current.putAll(merged);
    }

    /**
     * Stores the tags a new resource gets: the user's (validated, as {@link #put}) and the ECS managed
     * ones ({@code aws:ecs:...}, which users cannot write and which do not count towards the limit).
     */
    public void putWithManaged(String arn, List<Tag> tags) {
        if (tags == null || tags.isEmpty()) {
            return;
        }
        List<Tag> user = new ArrayList<>();
        List<Tag> managed = new ArrayList<>();
        for (Tag t : tags) {
            (isManaged(t.key()) ? managed : user).add(t);
        }
        put(arn, user);
        if (!managed.isEmpty()) {
            Map<String, String> current = byArn.computeIfAbsent(arn, a -> new LinkedHashMap<>());
            managed.forEach(t -> current.put(t.key(), t.value() == null ? "" : t.value()));
        }
    }

    private static boolean isManaged(String key) {
        return key != null && key.toLowerCase(java.util.Locale.ROOT).startsWith("aws:");
    }

    private static int userKeys(Map<String, String> tags) {
        return (int) tags.keySet().stream().filter(k -> !isManaged(k)).count();
    }

    /** The tags of a resource, in the order they were first added (empty if none). */
    public List<Tag> tagsOf(String arn) {
        Map<String, String> tags = byArn.get(arn);
        if (tags == null) {
            return List.of();
        }
        List<Tag> list = new ArrayList<>(tags.size());
        tags.forEach((k, v) -> list.add(Tag.builder().key(k).value(v).build()));
        return list;
    }

    /** The tags of a resource as a map (a copy). */
    public Map<String, String> tagMapOf(String arn) {
        return new LinkedHashMap<>(byArn.getOrDefault(arn, Map.of()));
    }

    /** Forgets a resource's tags (when it is deleted for good). */
    public void remove(String arn) {
        byArn.remove(arn);
    }

    /** TagResource. */
    public TagResourceResponse tagResource(TagResourceRequest request) {
        String arn = requireResource(request.resourceArn());
        if (!request.hasTags()) {
            throw EcsErrors.invalidParameter("tags can not be null or empty.");
        }
        put(arn, request.tags());
        region.record(JournalEventType.TAG, arn, "tagged", keys(request.tags().stream().map(Tag::key).toList()));
        return TagResourceResponse.builder().build();
    }

    /** UntagResource. */
    public UntagResourceResponse untagResource(UntagResourceRequest request) {
        String arn = requireResource(request.resourceArn());
        if (!request.hasTagKeys()) {
            throw EcsErrors.invalidParameter("tagKeys can not be null or empty.");
        }
        TagRules.validateKeys(request.tagKeys());
        Map<String, String> tags = byArn.get(arn);
        if (tags != null) {
            request.tagKeys().forEach(tags::remove);
            if (tags.isEmpty()) {
                byArn.remove(arn);
            }
        }
        region.record(JournalEventType.TAG, arn, "untagged", keys(request.tagKeys()));
        return UntagResourceResponse.builder().build();
    }

    /** ListTagsForResource. */
    public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest request) {
        String arn = requireResource(request.resourceArn());
        return ListTagsForResourceResponse.builder().tags(tagsOf(arn)).build();
    }

    /**
     * Checks the ARN: malformed, not ECS, not taggable -> InvalidParameterException; another
     * region or a resource that does not exist -> ResourceNotFoundException.
     */
    private String requireResource(String arn) {
        EcsErrors.require(arn, "resourceArn");
        String type = Arns.resourceType(arn);
        if (!arn.startsWith("arn:aws:ecs:") || type == null || !TAGGABLE.contains(type)
                || arn.endsWith("/") || !arn.contains("/")) {
            throw EcsErrors.invalidParameter("The ARN provided is invalid or does not name a taggable Amazon ECS "
                    + "resource: resourceArn " + arn);
        }
        if (!arn.startsWith(region.arns().prefix())) {
            throw notFound(arn);
        }
        Predicate<String> check = exists.get(type);
        if (check != null && !check.test(arn)) {
            throw notFound(arn);
        }
        return arn;
    }

    private static RuntimeException notFound(String arn) {
        return EcsErrors.resourceNotFound("The specified resource wasn't found: resourceArn " + arn);
    }

    private static RuntimeException tooMany(int max) {
        return EcsErrors.limitExceeded("The number of tags on the resource would exceed the limit of " + max
                + " tags.");
    }

    private static String keys(List<String> keys) {
        return String.join(",", keys);
    }

    private static int distinctKeys(List<Tag> tags) {
        return (int) tags.stream().map(Tag::key).distinct().count();
    }
}
