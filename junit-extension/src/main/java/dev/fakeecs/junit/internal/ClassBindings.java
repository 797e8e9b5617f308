package dev.fakeecs.junit.internal;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Binds a per-class world to its class from the class start to its end: it is the world of the
 * class's thread ({@link CurrentWorld#setForClass}) and, when the declaration asks for the endpoint
 * system property, the property points at its server for the whole class. Code that runs before
 * any test, such as a Spring application context built while the test instance is made, then
 * reaches the fake. The bindings are stored in the class's store and undone by {@link #unbind} at
 * the class end (JUnit closes them at the latest when the class's context closes).
 *
 * <pre>{@code
 * ClassBindings.bind(context, world, current, false, "aws.endpointUrlEcs");   // beforeAll
 * ClassBindings.unbind(context);                                              // afterAll
 * }</pre>
 */
public final class ClassBindings {

    static final String KEY = "class-bindings";

    private ClassBindings() {
    }

    /**
     * Binds {@code world} to the class of {@code context}.
     *
     * @param programmatic     whether the extension was built in code (where the system-property lock is checked)
     * @param endpointProperty the name of the endpoint system property
     */
    public static void bind(ExtensionContext context, WorldResource world, CurrentWorld current, boolean programmatic,
                            String endpointProperty) {
        ExtensionContext.Store store = ExtensionStore.of(context);
        TestBindings.EndpointProperty property = null;
        if (world.declaration().endpointProperty()) {
            if (programmatic && !TestContexts.locksSystemProperties(context)) {
                throw Misconfiguration.endpointPropertyNeedsLock(TestContexts.describe(context));
            }
            property = TestBindings.EndpointProperty.set(endpointProperty, world.ensureServer().endpoint().toString());
        }
        store.put(KEY, new Binding(current.setForClass(world), property));
    }

    /** Undoes {@link #bind} for the class of {@code context}, if it bound anything. */
    public static void unbind(ExtensionContext context) {
        Binding binding = ExtensionStore.of(context).remove(KEY, Binding.class);
        if (binding != null) {
            binding.close();
        }
    }

    /** What a class bound: the thread's class world and, maybe, the endpoint property. */
    static final class Binding implements AutoCloseable {
        private final AutoCloseable world;
        private final TestBindings.EndpointProperty property;
        private boolean closed;

        Binding(AutoCloseable world, TestBindings.EndpointProperty property) {
            this.world = world;
            this.property = property;
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                world.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                if (property != null) {
                    property.close();
                }
            }
        }
    }
}
