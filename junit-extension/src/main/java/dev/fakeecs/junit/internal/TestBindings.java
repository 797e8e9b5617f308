package dev.fakeecs.junit.internal;

import dev.fakeecs.junit.EcsEndpointSystemProperty;
import dev.fakeecs.junit.time.VirtualTime;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Binds JVM-wide state to a test's world for the duration of the test, as its declaration asks:
 * the system property {@value EcsEndpointSystemProperty#PROPERTY} (pointing at the world's loopback
 * server) and virtual time for the calling thread. Each binding is stored in the test's store as an
 * {@link AutoCloseable} that undoes it; {@link #unbind} closes them after the test.
 */
public final class TestBindings {

    private TestBindings() {
    }

    /**
     * Sets the endpoint property and binds virtual time, as declared.
     *
     * @param programmatic whether the extension was built in code, where nothing guarantees the
     *                     system-property lock that {@code @EcsEndpointSystemProperty} carries
     */
    public static void bind(ExtensionContext context, WorldDeclaration declaration, WorldResource world,
                            boolean programmatic) {
        ExtensionContext.Store store = ExtensionStore.of(context);
        if (declaration.endpointProperty()) {
            if (programmatic && !DeclarationFinder.locksSystemProperties(context)) {
                throw Misconfiguration.endpointPropertyNeedsLock(DeclarationFinder.describe(context));
            }
            String endpoint = world.ensureServer().endpoint().toString();
            store.put(ExtensionStore.ENDPOINT_PROPERTY, EndpointProperty.set(endpoint));
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
        private final String previous;
        private boolean closed;

        private EndpointProperty(String previous) {
            this.previous = previous;
        }

        static EndpointProperty set(String endpoint) {
            return new EndpointProperty(System.setProperty(EcsEndpointSystemProperty.PROPERTY, endpoint));
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (previous != null) {
                System.setProperty(EcsEndpointSystemProperty.PROPERTY, previous);
            } else {
                System.clearProperty(EcsEndpointSystemProperty.PROPERTY);
            }
        }
    }
}
