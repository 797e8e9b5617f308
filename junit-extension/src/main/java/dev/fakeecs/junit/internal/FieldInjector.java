package dev.fakeecs.junit.internal;

import dev.fakeecs.server.FakeEcsServer;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ModifierSupport;
import org.junit.platform.commons.support.ReflectionSupport;

import java.lang.reflect.Field;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Fills the non-static, non-final fields of supported types (see {@link InjectableValues}) of every
 * test instance (outer ones of {@code @Nested} classes too) before each test. A field is filled when
 * it is null or holds a value this extension injected before (a per-class instance keeps its
 * fields between tests); a value the test set itself is left alone. {@link FakeEcsServer} fields are
 * skipped when the world has no server.
 */
public final class FieldInjector {

    private FieldInjector() {
    }

    /**
     * Injects the world's values into the test instances of the context.
     *
     * @param clusterName the cluster a field names ({@code @ClusterName}), or null
     */
    public static void inject(ExtensionContext context, WorldResource world, Function<Field, String> clusterName)
            throws IllegalAccessException {
        Set<Object> injected = injectedValues(context);
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            List<Field> fields = ReflectionSupport.findFields(instance.getClass(),
                    f -> InjectableValues.supports(f.getType()) && !ModifierSupport.isStatic(f)
                            && !ModifierSupport.isFinal(f),
                    HierarchyTraversalMode.TOP_DOWN);
            for (Field field : fields) {
                field.setAccessible(true);
                Object existing = field.get(instance);
                if (existing != null && !injected.contains(existing)) {
                    continue;
                }
                String target = "Field [" + field.getType().getSimpleName() + " " + field.getName() + "] of class "
                        + field.getDeclaringClass().getSimpleName();
                String cluster = clusterName.apply(field);
                if (field.getType() == FakeEcsServer.class && !world.declaration().server()) {
                    continue;
                }
                Object value;
                try {
                    value = InjectableValues.value(field.getType(), cluster, world, target);
                } catch (ParameterResolutionException e) {
                    throw new ExtensionConfigurationException(e.getMessage(), e);
                }
                field.set(instance, value);
                injected.add(value);
            }
        }
    }

    /** The values injected so far, by identity, kept in the store of the top-level class's context. */
    private static Set<Object> injectedValues(ExtensionContext context) {
        ExtensionContext top = context;
        while (top.getParent().isPresent() && top.getParent().get().getParent().isPresent()) {
            top = top.getParent().get();
        }
        @SuppressWarnings("unchecked")
        Set<Object> set = ExtensionStore.of(top).getOrComputeIfAbsent(ExtensionStore.INJECTED,
                k -> Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>())), Set.class);
        return set;
    }
}
