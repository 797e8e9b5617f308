package dev.fakeecs.junit.internal;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.platform.commons.support.AnnotationSupport;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a test's declarations can be: its method, its class and, for {@code @Nested} classes, the
 * enclosing classes; and how to name the test in messages.
 *
 * <pre>{@code
 * TestContexts.classChain(context);   // [Inner, Outer] for a test of @Nested class Outer.Inner
 * }</pre>
 */
public final class TestContexts {

    private TestContexts() {
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
    public static boolean isAnnotatedInChain(ExtensionContext context, Class<? extends Annotation> type) {
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
                if (Resources.SYSTEM_PROPERTIES.equals(lock.value()) && lock.mode() == ResourceAccessMode.READ_WRITE) {
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
