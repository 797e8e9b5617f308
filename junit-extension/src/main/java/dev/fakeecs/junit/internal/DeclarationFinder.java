package dev.fakeecs.junit.internal;

import dev.fakeecs.junit.EcsCluster;
import dev.fakeecs.junit.EcsEndpointSystemProperty;
import dev.fakeecs.junit.WorldScope;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.platform.commons.support.AnnotationSupport;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the {@link EcsCluster} declaration that applies to a test: the nearest of the test method,
 * the test class (with its superclasses and meta-annotations) and, for {@code @Nested} classes, the
 * enclosing classes.
 */
public final class DeclarationFinder {

    private DeclarationFinder() {
    }

    /** A declaration and the store key of the world it makes. */
    public record Found(WorldDeclaration declaration, String key) {
    }

    /** The declaration for a context, or empty when nothing declares one. */
    public static Optional<Found> find(ExtensionContext context) {
        Optional<Method> method = context.getTestMethod();
        if (method.isPresent()) {
            List<EcsCluster> annotations = AnnotationSupport.findRepeatableAnnotations(method.get(), EcsCluster.class);
            if (!annotations.isEmpty()) {
                String source = "method " + method.get().getDeclaringClass().getSimpleName() + "."
                        + method.get().getName() + "()";
                WorldDeclaration d = DeclarationReader.read(source, false, annotations);
                return Optional.of(new Found(withEndpoint(d, context), ExtensionStore.TEST_WORLD));
            }
        }
        for (Class<?> c : classChain(context)) {
            List<EcsCluster> annotations = AnnotationSupport.findRepeatableAnnotations(c, EcsCluster.class);
            if (!annotations.isEmpty()) {
                String source = "class " + c.getName().substring(c.getName().lastIndexOf('.') + 1);
                WorldDeclaration d = DeclarationReader.read(source, true, annotations);
                String key = d.scope() == WorldScope.PER_CLASS ? ExtensionStore.CLASS_WORLD + c.getName()
                        : ExtensionStore.TEST_WORLD;
                return Optional.of(new Found(withEndpoint(d, context), key));
            }
        }
        return Optional.empty();
    }

    private static WorldDeclaration withEndpoint(WorldDeclaration d, ExtensionContext context) {
        return isAnnotatedInChain(context, EcsEndpointSystemProperty.class) ? d.withEndpointProperty() : d;
    }

    /** The test class, then its enclosing classes while they are {@code @Nested} (inner) classes. */
    public static List<Class<?>> classChain(ExtensionContext context) {
        List<Class<?>> chain = new ArrayList<>();
        Class<?> c = context.getTestClass().orElse(null);
        while (c != null) {
            chain.add(c);
            c = c.getEnclosingClass() != null && !Modifier.isStatic(c.getModifiers()) ? c.getEnclosingClass() : null;
        }
        return chain;
    }

    /** Whether the test method or a class of its chain carries the annotation (directly or meta-present). */
    public static boolean isAnnotatedInChain(ExtensionContext context,
                                             Class<? extends java.lang.annotation.Annotation> type) {
        if (context.getTestMethod().map(m -> AnnotationSupport.isAnnotated(m, type)).orElse(false)) {
            return true;
        }
        for (Class<?> c : classChain(context)) {
            if (AnnotationSupport.isAnnotated(c, type)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the test locks system properties for writing (directly or through a composed annotation). */
    public static boolean locksSystemProperties(ExtensionContext context) {
        List<AnnotatedElement> elements = new ArrayList<>();
        context.getTestMethod().ifPresent(elements::add);
        elements.addAll(classChain(context));
        for (AnnotatedElement e : elements) {
            for (ResourceLock lock : AnnotationSupport.findRepeatableAnnotations(e, ResourceLock.class)) {
                if (Resources.SYSTEM_PROPERTIES.equals(lock.value())
                        && lock.mode() == org.junit.jupiter.api.parallel.ResourceAccessMode.READ_WRITE) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A readable name for the test (for messages). */
    public static String describe(ExtensionContext context) {
        return context.getTestMethod().map(m -> "method " + m.getDeclaringClass().getSimpleName() + "." + m.getName()
                + "()").orElseGet(() -> "class " + context.getRequiredTestClass().getSimpleName());
    }
}
