package dev.fakeecs.internal.express;

import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayContainer;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayServiceConfiguration;
import software.amazon.awssdk.services.ecs.model.LinuxParameters;
import software.amazon.awssdk.services.ecs.model.LogConfiguration;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.RepositoryCredentials;
import software.amazon.awssdk.services.ecs.model.RuntimePlatform;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The task definition an Express service runs, as AWS registers it: family named after the service, {@code awsvpc},
 * FARGATE, Linux on the configuration's CPU architecture; one essential container {@code Main} with the image, the
 * container port (TCP), init process enabled, a 30 s stop timeout, image version consistency on, and awslogs in
 * non-blocking mode with a 25m buffer into the configuration's log group; command, environment, secrets and
 * repository credentials as given.
 *
 * <pre>{@code
 * RegisterTaskDefinitionRequest td = ExpressTaskDefinition.request("web", configuration, "us-east-1");
 * }</pre>
 */
final class ExpressTaskDefinition {

    /** The name of an Express service's one container. */
    static final String CONTAINER = "Main";

    private ExpressTaskDefinition() {
    }

    static RegisterTaskDefinitionRequest request(String family, ExpressGatewayServiceConfiguration c, String region) {
        ExpressGatewayContainer p = c.primaryContainer();
        Map<String, String> logOptions = new LinkedHashMap<>();
        logOptions.put("awslogs-group", p.awsLogsConfiguration().logGroup());
        logOptions.put("awslogs-region", region);
        logOptions.put("awslogs-stream-prefix", p.awsLogsConfiguration().logStreamPrefix());
        logOptions.put("mode", "non-blocking");
        logOptions.put("max-buffer-size", "25m");
        ContainerDefinition.Builder main = ContainerDefinition.builder()
                .name(CONTAINER)
                .image(p.image())
                .essential(true)
                .portMappings(PortMapping.builder().containerPort(p.containerPort()).protocol("tcp").build())
                .linuxParameters(LinuxParameters.builder().initProcessEnabled(true).build())
                .stopTimeout(30)
                .versionConsistency("enabled")
                .logConfiguration(LogConfiguration.builder().logDriver("awslogs").options(logOptions).build());
        if (p.hasCommand()) {
            main.command(p.command());
        }
        if (p.hasEnvironment()) {
            main.environment(p.environment());
        }
        if (p.hasSecrets()) {
            main.secrets(p.secrets());
        }
        if (p.repositoryCredentials() != null && p.repositoryCredentials().credentialsParameter() != null) {
            main.repositoryCredentials(RepositoryCredentials.builder()
                    .credentialsParameter(p.repositoryCredentials().credentialsParameter()).build());
        }
        return RegisterTaskDefinitionRequest.builder()
                .family(family)
                .networkMode("awsvpc")
                .requiresCompatibilitiesWithStrings("FARGATE")
                .cpu(c.cpu())
                .memory(c.memory())
                .runtimePlatform(RuntimePlatform.builder().operatingSystemFamily("LINUX")
                        .cpuArchitecture(c.cpuArchitectureAsString()).build())
                .executionRoleArn(c.executionRoleArn())
                .taskRoleArn(c.taskRoleArn())
                .containerDefinitions(main.build())
                .build();
    }
}
