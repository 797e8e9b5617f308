package dev.fakeecs.junit.internal;

/**
 * The declaration that applies to a test, and the key of the world it makes in JUnit's store.
 *
 * <pre>{@code
 * Found found = Found.onClass(declaration, OrdersTest.class);   // a per-class world keyed by the class
 * }</pre>
 *
 * @param declaration what the test declared
 * @param key         the store key of its world (see {@link ExtensionStore})
 */
public record Found(WorldDeclaration declaration, String key) {

    /** A declaration on a test method: a world per test. */
    public static Found onMethod(WorldDeclaration declaration) {
        return new Found(declaration, ExtensionStore.TEST_WORLD);
    }

    /** A declaration on a class: a world per test, or one for the class when it asks for it. */
    public static Found onClass(WorldDeclaration declaration, Class<?> declaringClass) {
        return new Found(declaration, declaration.perClass() ? ExtensionStore.CLASS_WORLD + declaringClass.getName()
                : ExtensionStore.TEST_WORLD);
    }
}
