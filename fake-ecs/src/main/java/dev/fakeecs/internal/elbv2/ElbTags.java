package dev.fakeecs.internal.elbv2;

import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TagDescription;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tags of load balancers, target groups, listeners, rules and trust stores (AddTags, RemoveTags, DescribeTags): at most 50
 * per resource, keys unique per request, {@code aws:} keys reserved.
 *
 * <pre>{@code
 * tags.add(List.of(tgArn), List.of(Tag.builder().key("team").value("web").build()));
 * List<TagDescription> d = tags.describe(List.of(tgArn));
 * }</pre>
 */
final class ElbTags {

    static final int MAX_TAGS = 50;

    private final ElbResources resources;
    private final Map<String, Map<String, String>> tags = new LinkedHashMap<>();

    ElbTags(ElbResources resources) {
        this.resources = resources;
    }

    /** Checks tags given to a create call before the resource exists (keys, duplicates, at most 50). */
    void check(List<Tag> newTags) {
        checkKeys(newTags);
        if (newTags.size() > MAX_TAGS) {
            throw ElbErrors.of("TooManyTags", "The quota for the number of tags that can be assigned to a "
                    + "resource has been reached");
        }
    }

    void add(List<String> arns, List<Tag> newTags) {
        checkKeys(newTags);
        for (String arn : arns) {
            requireExists(arn);
            Map<String, String> current = new LinkedHashMap<>(tags.getOrDefault(arn, Map.of()));
            for (Tag t : newTags) {
                current.put(t.key(), t.value() == null ? "" : t.value());
            }
            if (current.size() > MAX_TAGS) {
                throw ElbErrors.of("TooManyTags", "The quota for the number of tags that can be assigned to a "
                        + resourceKind(arn) + " has been reached");
            }
        }
        for (String arn : arns) {
            Map<String, String> current = tags.computeIfAbsent(arn, k -> new LinkedHashMap<>());
            for (Tag t : newTags) {
                current.put(t.key(), t.value() == null ? "" : t.value());
            }
        }
    }

    private static void checkKeys(List<Tag> newTags) {
        Set<String> keys = new HashSet<>();
        for (Tag t : newTags) {
            if (t.key() == null || t.key().isEmpty()) {
                throw ElbErrors.validation("A tag key must be specified");
            }
            if (t.key().startsWith("aws:")) {
                throw ElbErrors.validation("Tag keys starting with 'aws:' are reserved for internal use");
            }
            if (!keys.add(t.key())) {
                throw ElbErrors.of("DuplicateTagKeys", "A tag key was specified more than once: '" + t.key() + "'");
            }
        }
    }

    void remove(List<String> arns, List<String> keys) {
        for (String arn : arns) {
            requireExists(arn);
        }
        for (String arn : arns) {
            Map<String, String> current = tags.get(arn);
            if (current != null) {
                keys.forEach(current::remove);
            }
        }
    }

    List<TagDescription> describe(List<String> arns) {
        if (arns.size() > 20) {
            throw ElbErrors.tooLarge("resourceArns", arns.size(), 20);
        }
        List<TagDescription> out = new ArrayList<>();
        for (String arn : arns) {
            requireExists(arn);
            out.add(TagDescription.builder().resourceArn(arn).tags(tagsOf(arn)).build());
        }
        return out;
    }

    List<Tag> tagsOf(String arn) {
        List<Tag> list = new ArrayList<>();
        tags.getOrDefault(arn, Map.of()).forEach((k, v) -> list.add(Tag.builder().key(k).value(v).build()));
        return list;
    }

    /** Forgets a deleted resource's tags. */
    void forget(String arn) {
        tags.remove(arn);
    }

    private void requireExists(String arn) {
        String kind = resourceKind(arn);
        switch (kind) {
            case "load balancer" -> resources.loadBalancer(arn);
            case "target group" -> resources.targetGroup(arn);
            case "listener" -> resources.listener(arn);
            case "trust store" -> resources.trustStore(arn);
            case "rule" -> {
                if (!resources.rules.containsKey(arn) && !isDefaultRule(arn)) {
                    throw ElbErrors.ruleNotFound();
                }
            }
            default -> throw ElbErrors.validation("Invalid resource ARN '" + arn + "'");
        }
    }

    private boolean isDefaultRule(String arn) {
        for (ListenerRecord l : resources.listeners.values()) {
            if (l.defaultRuleArn.equals(arn)) {
                return true;
            }
        }
        return false;
    }

    private static String resourceKind(String arn) {
        if (arn == null) {
            return "";
        }
        if (arn.contains(":loadbalancer/")) {
            return "load balancer";
        }
        if (arn.contains(":targetgroup/")) {
            return "target group";
        }
        if (arn.contains(":listener-rule/")) {
            return "rule";
        }
        if (arn.contains(":listener/")) {
            return "listener";
        }
        if (arn.contains(":truststore/")) {
            return "trust store";
        }
        return "";
    }
}
