package dev.fakeecs.junit;

/**
 * How long one fake world lives.
 *
 * <pre>{@code
 * @EcsCluster(name = "prod", scope = WorldScope.PER_CLASS)
 * class SharedWorldTest { ... }
 * }</pre>
 */
public enum WorldScope {
    /** A fresh world for every test method (the default). */
    PER_TEST,
    /**
     * One world shared by every test of the declaring class and its {@code @Nested} classes; only
     * valid on a class. Tests then see each other's changes, so order them or keep them independent.
     */
    PER_CLASS
}
