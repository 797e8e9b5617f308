package dev.fakeecs.samples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * A Spring Boot deployer service: it rolls new images out to ECS services through an {@code EcsClient} bean
 * ({@link EcsClientConfiguration}) and reports how the rollout went ({@link Deployer}). Its tests run it against
 * fake-ecs with {@code @SpringBootTest}.
 *
 * <pre>{@code
 * Deployer deployer = SpringApplication.run(DeployerApplication.class, args).getBean(Deployer.class);
 * deployer.rollOut("prod", "orders", "acme/orders:2");
 * }</pre>
 */
@SpringBootApplication
@EnableConfigurationProperties(EcsProperties.class)
public class DeployerApplication {

    public static void main(String[] args) {
        SpringApplication.run(DeployerApplication.class, args);
    }
}
