package dev.fakeecs.junit;

import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Starts the world's loopback server and sets the system property {@value #PROPERTY} to its
 * endpoint for the duration of each test, so code that builds its own {@code EcsClient}
 * (AWS SDK for Java 2.28.1 or later) reaches the fake. The previous value is restored afterwards.
 *
 * <p>System properties are JVM-global: this annotation carries JUnit's
 * {@code @ResourceLock(Resources.SYSTEM_PROPERTIES)}, so under parallel execution the annotated
 * tests run one at a time with respect to other tests that lock system properties.
 *
 * <pre>{@code
 * @EcsCluster(name = "prod")
 * @EcsEndpointSystemProperty
 * @Test
 * void legacy_code_finds_the_fake() {
 *     try (EcsClient own = EcsClient.builder().region(Region.US_EAST_1)
 *             .credentialsProvider(AnonymousCredentialsProvider.create()).build()) {
 *         assertThat(own.listClusters().clusterArns()).hasSize(1);
 *     }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ResourceLock(Resources.SYSTEM_PROPERTIES)
public @interface EcsEndpointSystemProperty {
    /** The system property the AWS SDK reads for the ECS endpoint. */
    String PROPERTY = "aws.endpointUrlEcs";
}
