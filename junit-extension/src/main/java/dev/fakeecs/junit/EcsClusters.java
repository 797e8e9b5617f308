package dev.fakeecs.junit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The container of repeated {@link EcsCluster} annotations: several clusters in one world.
 *
 * <pre>{@code
 * @EcsCluster(name = "payments")
 * @EcsCluster(name = "orders", capacity = Capacity.EC2, ec2Hosts = 2)
 * class TwoClustersTest { ... }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ExtendWith(EcsClusterExtension.class)
public @interface EcsClusters {
    EcsCluster[] value();
}
