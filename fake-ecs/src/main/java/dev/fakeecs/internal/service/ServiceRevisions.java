package dev.fakeecs.internal.service;

import dev.fakeecs.internal.deployment.SimulatedDeployment;
import dev.fakeecs.internal.error.EcsErrors;
import dev.fakeecs.internal.engine.RegionContext;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ContainerImage;
import software.amazon.awssdk.services.ecs.model.DescribeServiceRevisionsRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServiceRevisionsResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.ServiceRevision;

import java.util.ArrayList;
import java.util.List;

/**
 * DescribeServiceRevisions: one service revision per deployment the service ever had (the task
 * definition, launch settings and network configuration it rolled out), with ARN
 * {@code arn:aws:ecs:<region>:<account>:service-revision/<cluster>/<service>/<digits of ecs-svc/...>}.
 *
 * <pre>{@code
 * String target = client.describeServiceDeployments(r -> r.serviceDeploymentArns(arn))
 *         .serviceDeployments().get(0).targetServiceRevision().arn();
 * ServiceRevision rev = client.describeServiceRevisions(r -> r.serviceRevisionArns(target)).serviceRevisions().get(0);
 * }</pre>
 */
final class ServiceRevisions {

    private final RegionContext region;
    private final ServiceDeploymentHistory history;
    private ManagedResourcesDirectory managed = ManagedResourcesDirectory.NONE;

    ServiceRevisions(RegionContext region, ServiceDeploymentHistory history) {
        this.region = region;
        this.history = history;
    }

    /** Where the resources ECS manages for a service come from (Express services). */
    void managedResources(ManagedResourcesDirectory directory) {
        this.managed = directory == null ? ManagedResourcesDirectory.NONE : directory;
    }

    DescribeServiceRevisionsResponse describe(DescribeServiceRevisionsRequest request) {
        if (!request.hasServiceRevisionArns() || request.serviceRevisionArns().isEmpty()) {
            throw EcsErrors.invalidParameter("serviceRevisionArns can not be null or empty.");
        }
        if (request.serviceRevisionArns().size() > 20) {
            throw EcsErrors.invalidParameter("serviceRevisionArns can have at most 20 items.");
        }
        List<ServiceRevision> found = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String arn : request.serviceRevisionArns()) {
            ServiceDeploymentRecord r = history.byRevision(arn);
            if (r == null) {
                failures.add(Failure.builder().arn(arn).reason("MISSING").build());
            } else {
                found.add(render(r.service(), r.deployment(), arn));
            }
        }
        return DescribeServiceRevisionsResponse.builder().serviceRevisions(found).failures(failures).build();
    }

    private ServiceRevision render(SimulatedService s, SimulatedDeployment d, String arn) {
        List<ContainerImage> images = new ArrayList<>();
        for (ContainerDefinition c : d.taskDefinition().containerDefinitions()) {
            images.add(ContainerImage.builder().containerName(c.name()).image(c.image())
                    .imageDigest("sha256:" + sha256Hex(c.image())).build());
        }
        boolean fargate = "FARGATE".equals(d.launchType()) || "FARGATE".equals(s.effectiveLaunchType());
        return ServiceRevision.builder()
                .serviceRevisionArn(arn)
                .serviceArn(s.arn())
                .clusterArn(region.arns().cluster(s.clusterName()))
                .taskDefinition(d.taskDefinition().taskDefinitionArn())
                .capacityProviderStrategy(d.capacityProviderStrategy())
                .launchType(d.launchType())
                .platformVersion(fargate ? "1.4.0" : null)
                .platformFamily(fargate ? "Linux" : null)
                .networkConfiguration(d.networkConfiguration())
                .containerImages(images)
                .guardDutyEnabled(false)
                .createdAt(d.createdAt())
                .ecsManagedResources(managed.of(s.arn()))
                .build();
    }

    /** A stable stand-in digest for an image reference (fake-ecs has no registry contents). */
    private static String sha256Hex(String text) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder(64);
            for (byte b : hash) {
                sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return sb.toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
