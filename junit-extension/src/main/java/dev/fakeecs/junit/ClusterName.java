package dev.fakeecs.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Picks one of several declared clusters for an injected
 * {@link dev.fakeecs.junit.handle.EcsClusterHandle} (or the
 * {@code EcsClient}/{@code EcsAsyncClient} of that cluster's region).
 *
 * <pre>{@code
 * @EcsCluster(name = "payments")
 * @EcsCluster(name = "orders")
 * @Test
 * void test(@ClusterName("orders") EcsClusterHandle orders) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD})
public @interface ClusterName {
    /** The cluster's name as declared. */
    String value();
}
