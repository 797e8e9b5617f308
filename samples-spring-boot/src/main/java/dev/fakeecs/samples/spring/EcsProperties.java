package dev.fakeecs.samples.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;

/**
 * Where the deployer's {@code EcsClient} goes, as Spring configuration ({@code deployer.ecs.*}): the region, and
 * optionally an endpoint and static credentials. Left unset, the AWS SDK's own defaults apply: the endpoint from
 * {@code aws.endpointUrlEcs} / {@code AWS_ENDPOINT_URL_ECS} or the region's, the default credentials chain.
 *
 * <pre>{@code
 * deployer.ecs.region=eu-west-1
 * deployer.ecs.endpoint=http://127.0.0.1:4566
 * }</pre>
 *
 * @param region          the AWS region of the clusters the deployer manages
 * @param endpoint        the ECS endpoint, or null for the SDK's
 * @param accessKeyId     a static access key id, or null for the SDK's default credentials chain
 * @param secretAccessKey the secret of {@code accessKeyId}
 */
@ConfigurationProperties("deployer.ecs")
public record EcsProperties(String region, URI endpoint, String accessKeyId, String secretAccessKey) {
}
