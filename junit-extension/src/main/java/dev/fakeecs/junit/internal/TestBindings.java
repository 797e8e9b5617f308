package dev.fakeecs.junit.internal;

import dev.fakeecs.junit.time.VirtualTime;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Binds JVM-wide state to a test's world for the duration of the test, as its declaration asks:
 * the endpoint system property ({@code aws.endpointUrlEcs}, pointing at the world's loopback
 * server) and virtual time for the calling thread. Each binding is stored in the test's store as an
 * {@link AutoCloseable} that undoes it; {@link #unbind} closes them after the test.
 */
public final class TestBindings {

    private TestBindings() {
    }

    /**
     * Sets the endpoint property and binds virtual time, as declared.
     *
     * @param programmatic     whether the extension was built in code, where nothing guarantees the
     *                         system-property lock that {@code @EcsEndpointSystemProperty} carries
     * @param endpointProperty the name of the endpoint system property
     */
    public static void bind(ExtensionContext context, WorldDeclaration declaration, WorldResource world,
                            boolean programmatic, String endpointProperty) {
        ExtensionContext.Store store = ExtensionStore.of(context);
        if (declaration.endpointProperty()) {
            if (programmatic && !TestContexts.locksSystemProperties(context)) {
                throw Misconfiguration.endpointPropertyNeedsLock(TestContexts.describe(context));
            }
            String endpoint = world.ensureServer().endpoint().toString();
            store.put(ExtensionStore.ENDPOINT_PROPERTY, EndpointProperty.set(endpointProperty, endpoint));
        }
        if (!declaration.virtualTimeFor().isEmpty()) {
            VirtualTime.rewrite(declaration.virtualTimeFor());
            store.put(ExtensionStore.VIRTUAL_TIME, VirtualTime.bind(world.ecs().clock()));
        }
    }

    /** Undoes what {@link #bind} did for the test: virtual time first, then the endpoint property. */
    public static void unbind(ExtensionContext context) {
        ExtensionContext.Store store = ExtensionStore.of(context);
        VirtualTime.Binding binding = store.remove(ExtensionStore.VIRTUAL_TIME, VirtualTime.Binding.class);
        if (binding != null) {
            binding.close();
        }
        EndpointProperty endpoint = store.remove(ExtensionStore.ENDPOINT_PROPERTY, EndpointProperty.class);
        if (endpoint != null) {
            endpoint.close();
        }
    }

    /** The endpoint system property set for a test; closing restores the value it had before (or none). */
    static final class EndpointProperty implements AutoCloseable {
        private final String name;
        private final String previous;
        private boolean closed;

        private EndpointProperty(String name, String previous) {
            this.name = name;
            this.previous = previous;
        }

        static EndpointProperty set(String name, String endpoint) {
            return new EndpointProperty(name, System.setProperty(name, endpoint));
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (previous != null) {
                System.setProperty(name, previous);
            } else {
                System.clearProperty(name);
            }
        }
    }
}
