package dev.fakeecs.internal.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The ARN of a service deployment: {@code arn:aws:ecs:<region>:<account>:service-deployment/<cluster>/<service>/<22
 * chars>}, the 22 characters derived from the deployment id (so the same deployment always has the same ARN).
 *
 * <pre>{@code
 * String arn = ServiceDeploymentArns.of(region.arns().prefix(), "prod", "web", "ecs-svc/1234567890123456789");
 * }</pre>
 */
public final class ServiceDeploymentArns {

    private ServiceDeploymentArns() {
    }

    /** @param arnPrefix the region's ARN prefix ({@code arn:aws:ecs:us-east-1:123456789012:}) */
    public static String of(String arnPrefix, String cluster, String service, String deploymentId) {
        return arnPrefix + "service-deployment/" + cluster + "/" + service + "/" + suffix(deploymentId);
    }

    static String suffix(String deploymentId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(deploymentId.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
