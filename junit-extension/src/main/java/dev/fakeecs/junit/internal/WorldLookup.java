package dev.fakeecs.junit.internal;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.commons.support.AnnotationSupport;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which declaration applies to a test, and which world in JUnit's store it maps to: the one
 * declaration of a programmatic extension, or what the annotations on the test declare (read by
 * the extension's root package and handed in as a finder). Worlds are stored as
 * {@link WorldResource}s, so JUnit closes a per-test world with its test and a per-class world with
 * its class. Holds no world itself.
 */
public final class WorldLookup {

    /** The builder's declaration, or null for the declarative form. */
    private final WorldDeclaration programmatic;
    /** What the annotations of a test declare (the declarative form's source of declarations). */
    private final Function<ExtensionContext, Optional<Found>> annotations;
    /** The extension's class, to find it registered in {@code @RegisterExtension} fields. */
    private final Class<?> extensionType;

    private WorldLookup(WorldDeclaration programmatic, Function<ExtensionContext, Optional<Found>> annotations,
                        Class<?> extensionType) {
        this.programmatic = programmatic;
        this.annotations = Objects.requireNonNull(annotations, "annotations");
        this.extensionType = Objects.requireNonNull(extensionType, "extensionType");
    }

    /**
     * For the declarative form: declarations come from the test's annotations.
     *
     * @param annotations   the declaration the annotations on a test make, if any
     * @param extensionType the extension's class
     */
    public static WorldLookup declarative(Function<ExtensionContext, Optional<Found>> annotations,
                                          Class<?> extensionType) {
        return new WorldLookup(null, annotations, extensionType);
    }

    /**
     * For one programmatic extension: every test gets this declaration.
     *
     * @param extensionType the extension's class
     */
    public static WorldLookup programmatic(WorldDeclaration declaration, Class<?> extensionType) {
        return new WorldLookup(Objects.requireNonNull(declaration, "declaration"), context -> Optional.empty(),
                extensionType);
    }

    /** Whether the extension was registered with the builder (rather than by {@code @EcsCluster}). */
    public boolean isProgrammatic() {
        return programmatic != null;
    }

    /** The declaration for a context, or empty when nothing declares one. */
    public Optional<Found> find(ExtensionContext context) {
        if (programmatic != null) {
            // one lookup per extension instance, so its identity tells the per-class worlds of two extensions apart
            String key = programmatic.perClass()
                    ? ExtensionStore.PROGRAMMATIC_CLASS_WORLD + System.identityHashCode(this) : ExtensionStore.TEST_WORLD;
            return Optional.of(new Found(programmatic, key));
        }
        return annotations.apply(context);
    }

    /** The declaration for a context; fails naming the fix when nothing declares one. */
    public Found require(ExtensionContext context) {
        return find(context).orElseThrow(() -> Misconfiguration.noDeclaration(TestContexts.describe(context)));
    }

    /** At the start of a class: makes its per-class world, if it declares one, and returns it (else null). */
    public WorldResource openClassWorld(ExtensionContext context) {
        Optional<Found> found = find(context);
        if (found.isPresent() && found.get().declaration().perClass()) {
            return ExtensionStore.of(context).getOrComputeIfAbsent(found.get().key(),
                    k -> WorldResource.create(found.get().declaration()), WorldResource.class);
        }
        return null;
    }

    /**
     * The world of a test, made on first use: per-test worlds in the test's store, per-class ones as
     * made by {@link #openClassWorld} (a programmatic per-class world that was not made there was
     * registered in an instance field, which cannot see the class start).
     */
    public WorldResource world(ExtensionContext context, Found found) {
        ExtensionContext.Store store = ExtensionStore.of(context);
        if (found.declaration().perClass()) {
            WorldResource world = store.get(found.key(), WorldResource.class);
            if (world == null) {
                if (programmatic != null) {
                    throw Misconfiguration.perClassNeedsStaticField(TestContexts.describe(context),
                            fieldName(context));
                }
                world = store.getOrComputeIfAbsent(found.key(), k -> WorldResource.create(found.declaration()),
                        WorldResource.class);
            }
            return world;
        }
        return store.getOrComputeIfAbsent(found.key(), k -> WorldResource.create(found.declaration()),
                WorldResource.class);
    }

    /** The world already made for a context, or null (also when the declaration is broken). */
    public WorldResource existing(ExtensionContext context) {
        try {
            Optional<Found> found = find(context);
            return found.map(f -> ExtensionStore.of(context).get(f.key(), WorldResource.class)).orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Fails when a test both carries {@code @EcsCluster} and registers the extension with the builder
     * (checked by the declarative instance, which then names the field).
     */
    public void checkSingleForm(ExtensionContext context) {
        if (programmatic != null) {
            return;
        }
        for (Class<?> c : TestContexts.classChain(context)) {
            List<Field> fields = AnnotationSupport.findAnnotatedFields(c, RegisterExtension.class,
                    f -> extensionType.isAssignableFrom(f.getType()));
            if (!fields.isEmpty()) {
                Optional<Found> found = annotations.apply(context);
                String source = found.map(f -> f.declaration().source()).orElse(TestContexts.describe(context));
                throw Misconfiguration.bothDeclarativeAndProgrammatic(source, fields.get(0).getName());
            }
        }
    }

    private String fieldName(ExtensionContext context) {
        for (Class<?> c : TestContexts.classChain(context)) {
            for (Field f : AnnotationSupport.findAnnotatedFields(c, RegisterExtension.class)) {
                if (extensionType.isAssignableFrom(f.getType())) {
                    return f.getName();
                }
            }
        }
        return "?";
    }
}
