package dev.fakeecs.internal.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The required members of each ECS shape, by JSON member name. The SDK's generated model carries no
 * {@code RequiredTrait} for ECS, so the list is read from {@code required-members.properties},
 * generated from the ECS service model.
 */
final class RequiredMembers {

    private static final Map<String, List<String>> BY_SHAPE = load();

    private RequiredMembers() {
    }

    /** The required JSON member names of the shape with this simple class name (empty if none). */
    static List<String> of(String shapeName) {
        return BY_SHAPE.getOrDefault(shapeName, List.of());
    }

    /** Every shape that has required members. */
    static Map<String, List<String>> all() {
        return BY_SHAPE;
    }

    private static Map<String, List<String>> load() {
        Properties properties = new Properties();
        try (InputStream in = RequiredMembers.class.getResourceAsStream("required-members.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, List<String>> map = new ConcurrentHashMap<>();
        for (String shape : properties.stringPropertyNames()) {
            map.put(shape, List.copyOf(Arrays.asList(properties.getProperty(shape).split(","))));
        }
        return Map.copyOf(map);
    }
}
