package dev.fakeecs.junit.internal;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.commons.support.AnnotationSupport;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;

/**
 * Resolves parameters of test, lifecycle and constructor methods by type (see
 * {@link InjectableValues}), refusing a per-test world where no test is running yet.
 */
public final class ParameterInjector {

    private final WorldLookup lookup;

    public ParameterInjector(WorldLookup lookup) {
        this.lookup = lookup;
    }

    /** Whether the parameter has a type the extension resolves. */
    public boolean supports(ParameterContext parameterContext) {
        return InjectableValues.supports(parameterContext.getParameter().getType());
    }

    /**
     * The parameter's value in the context's world (made on first use).
     *
     * @param clusterName the cluster the parameter names ({@code @ClusterName}), or null
     */
    public Object resolve(ParameterContext parameterContext, ExtensionContext context, String clusterName) {
        String target = "Parameter [" + parameterContext.getParameter().getType().getSimpleName() + " "
                + parameterContext.getParameter().getName() + "] of " + describe(parameterContext.getDeclaringExecutable());
        Found found = lookup.find(context).orElseThrow(() -> new ParameterResolutionException(
                Misconfiguration.noDeclaration(TestContexts.describe(context)).getMessage()));
        boolean outsideTest = context.getTestMethod().isEmpty()
                || parameterContext.getDeclaringExecutable() instanceof Constructor
                || AnnotationSupport.isAnnotated(parameterContext.getDeclaringExecutable(), BeforeAll.class)
                || AnnotationSupport.isAnnotated(parameterContext.getDeclaringExecutable(), AfterAll.class);
        if (outsideTest && !found.declaration().perClass()) {
            throw Misconfiguration.perTestWorldOutsideTest(target);
        }
        WorldResource world = lookup.world(context, found);
        return InjectableValues.value(parameterContext.getParameter().getType(), clusterName, world, target);
    }

    private static String describe(Executable e) {
        return (e instanceof Constructor ? "constructor " : "method ") + e.getDeclaringClass().getSimpleName()
                + (e instanceof Constructor ? "" : "." + e.getName()) + "()";
    }
}
