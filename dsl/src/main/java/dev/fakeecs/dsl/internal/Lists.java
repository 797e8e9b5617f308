package dev.fakeecs.dsl.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The one list helper the immutable specs share: a copy of a list with one more item.
 *
 * <pre>{@code
 * List<PortMapping> ports = Lists.plus(definition.portMappings(), PortMapping.builder().containerPort(8080).build());
 * }</pre>
 */
public final class Lists {

    private Lists() {
    }

    /** A new list: {@code list}'s items, then {@code item}. */
    public static <T> List<T> plus(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.add(item);
        return copy;
    }
}
