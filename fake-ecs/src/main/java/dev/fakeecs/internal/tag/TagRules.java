package dev.fakeecs.internal.tag;

import dev.fakeecs.internal.error.EcsErrors;
import software.amazon.awssdk.services.ecs.model.Tag;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules ECS applies to tags: key 1-128 characters, value 0-256, both from letters, digits,
 * spaces and {@code _ . : / = + - @}; the {@code aws:} prefix (any case) is reserved for keys and
 * values; at most 50 user tags per resource (aws: tags do not count, and users cannot write them).
 *
 * <pre>{@code
 * TagRules.validate(List.of(Tag.builder().key("team").value("payments").build()));
 * TagRules.validate(List.of(Tag.builder().key("aws:x").value("y").build()));   // InvalidParameterException
 * }</pre>
 */
public final class TagRules {

    /** Longest tag key. */
    public static final int MAX_KEY_LENGTH = 128;
    /** Longest tag value. */
    public static final int MAX_VALUE_LENGTH = 256;

    private static final Pattern CHARACTERS = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    private TagRules() {
    }

    /** Checks every tag of a request; throws InvalidParameterException naming the offending field. */
    public static void validate(List<Tag> tags) {
        for (Tag tag : tags) {
            validateKey(tag.key());
            String value = tag.value() == null ? "" : tag.value();
            if (value.length() > MAX_VALUE_LENGTH) {
                throw EcsErrors.invalidParameter("Tag value exceeds the maximum length of " + MAX_VALUE_LENGTH
                        + " characters: tags.value of key " + tag.key());
            }
            if (!CHARACTERS.matcher(value).matches()) {
                throw EcsErrors.invalidParameter("Tag value contains invalid characters: tags.value of key "
                        + tag.key());
            }
            if (reserved(value)) {
                throw reservedPrefix();
            }
        }
    }

    /** Checks the keys of an UntagResource request. */
    public static void validateKeys(Collection<String> keys) {
        keys.forEach(TagRules::validateKey);
    }

    private static void validateKey(String key) {
        if (key == null || key.isEmpty()) {
            throw EcsErrors.invalidParameter("Tag key can not be null or empty: tags.key");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw EcsErrors.invalidParameter("Tag key exceeds the maximum length of " + MAX_KEY_LENGTH
                    + " characters: tags.key " + key);
        }
        if (!CHARACTERS.matcher(key).matches()) {
            throw EcsErrors.invalidParameter("Tag key contains invalid characters: tags.key " + key);
        }
        if (reserved(key)) {
            throw reservedPrefix();
        }
    }

    static boolean reserved(String text) {
        return text.toLowerCase(Locale.ROOT).startsWith("aws:");
    }

    private static RuntimeException reservedPrefix() {
        return EcsErrors.invalidParameter("Tag keys and values that begin with 'aws:' are reserved for AWS use "
                + "and can not be added, changed or removed.");
    }
}
