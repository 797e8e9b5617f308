package dev.fakeecs.junit.internal;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * The extension's part of JUnit's {@code ExtensionContext.Store}: one namespace, and every key
 * used in it. Values that need undoing are {@link AutoCloseable}, so JUnit closes whatever is still
 * stored when its context ends (as JUnit's own {@code TempDirectory} does with its directories).
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>context</th><th>value</th></tr>
 *   <tr><td>{@value #TEST_WORLD}</td><td>test method</td><td>the test's {@link WorldResource}</td></tr>
 *   <tr><td>{@value #CLASS_WORLD}{@code <class name>}</td><td>declaring class</td>
 *       <td>a per-class {@link WorldResource} declared with {@code @EcsCluster}</td></tr>
 *   <tr><td>{@value #PROGRAMMATIC_CLASS_WORLD}{@code <id>}</td><td>registering class</td>
 *       <td>a per-class {@link WorldResource} of one programmatic extension</td></tr>
 *   <tr><td>{@value #INJECTED}</td><td>top-level class</td><td>values injected into fields so far</td></tr>
 *   <tr><td>{@value #ENDPOINT_PROPERTY}</td><td>test method</td><td>restores the endpoint system property</td></tr>
 *   <tr><td>{@code class-bindings}</td><td>class with a per-class world</td><td>undoes
 *       {@link ClassBindings}</td></tr>
 *   <tr><td>{@value #VIRTUAL_TIME}</td><td>test method</td><td>the thread's virtual-time binding</td></tr>
 *   <tr><td>{@value #REPORTED}{@code <unique id>}</td><td>test method</td><td>a failure report was written</td></tr>
 * </table>
 */
final class ExtensionStore {

    /** The namespace of everything the extension stores (named after the extension's class). */
    static final Namespace NAMESPACE = Namespace.create("dev.fakeecs.junit.EcsClusterExtension");

    static final String TEST_WORLD = "world:test";
    static final String CLASS_WORLD = "world:class:";
    static final String PROGRAMMATIC_CLASS_WORLD = "world:class:programmatic@";
    static final String INJECTED = "injected";
    static final String ENDPOINT_PROPERTY = "endpoint:previous";
    static final String VIRTUAL_TIME = "virtual-time";
    static final String REPORTED = "reported:";

    private ExtensionStore() {
    }

    /** The extension's store of a context (reads fall back to the enclosing contexts' stores). */
    static ExtensionContext.Store of(ExtensionContext context) {
        return context.getStore(NAMESPACE);
    }
}
