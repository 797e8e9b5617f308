package dev.fakeecs.junit;

import dev.fakeecs.junit.internal.Found;
import dev.fakeecs.junit.internal.TestContexts;
import dev.fakeecs.junit.internal.WorldDeclaration;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;

/**
 * Finds the {@link EcsCluster} declaration that applies to a test: the nearest of the test method,
 * the test class (with its superclasses and meta-annotations) and, for {@code @Nested} classes, the
 * enclosing classes; {@link EcsEndpointSystemProperty} anywhere there adds the endpoint property.
 * Reads the annotations here, in their own package, and hands the extension's internals plain
 * declarations.
 */
final class DeclarationFinder {

    private DeclarationFinder() {
    }

    /** The declaration for a context, or empty when nothing declares one. */
    static Optional<Found> find(ExtensionContext context) {
        Optional<Method> method = context.getTestMethod();
        if (method.isPresent()) {
            List<EcsCluster> annotations = AnnotationSupport.findRepeatableAnnotations(method.get(), EcsCluster.class);
            if (!annotations.isEmpty()) {
                String source = "method " + method.get().getDeclaringClass().getSimpleName() + "."
                        + method.get().getName() + "()";
                WorldDeclaration d = DeclarationReader.read(source, false, annotations);
                return Optional.of(Found.onMethod(withEndpoint(d, context)));
            }
        }
        for (Class<?> c : TestContexts.classChain(context)) {
            List<EcsCluster> annotations = AnnotationSupport.findRepeatableAnnotations(c, EcsCluster.class);
            if (!annotations.isEmpty()) {
                String source = "class " + c.getName().substring(c.getName().lastIndexOf('.') + 1);
                WorldDeclaration d = DeclarationReader.read(source, true, annotations);
                return Optional.of(Found.onClass(withEndpoint(d, context), c));
            }
        }
        return Optional.empty();
    }

    private static WorldDeclaration withEndpoint(WorldDeclaration d, ExtensionContext context) {
        return TestContexts.isAnnotatedInChain(context, EcsEndpointSystemProperty.class) ? d.withEndpointProperty() : d;
    }
}
