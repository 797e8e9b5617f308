package dev.fakeecs.samples.spring;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.EcsClientBuilder;

/**
 * The {@link EcsClient} bean, built from {@link EcsProperties}; Spring closes it with the context.
 *
 * <pre>{@code
 * @Autowired EcsClient ecs;   // in any bean of the application
 * }</pre>
 */
@Configuration(proxyBeanMethods = false)
public class EcsClientConfiguration {

    @Bean(destroyMethod = "close")
    public EcsClient ecsClient(EcsProperties properties) {
        EcsClientBuilder builder = EcsClient.builder().region(Region.of(properties.region()));
        if (properties.endpoint() != null) {
            builder.endpointOverride(properties.endpoint());
        }
        if (properties.accessKeyId() != null) {
            builder.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(properties.accessKeyId(), properties.secretAccessKey())));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder.build();
    }
}
