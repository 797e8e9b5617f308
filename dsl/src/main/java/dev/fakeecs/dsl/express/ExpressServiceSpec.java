package dev.fakeecs.dsl.express;

import dev.fakeecs.dsl.internal.Check;
import software.amazon.awssdk.services.ecs.model.CreateExpressGatewayServiceRequest;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayContainer;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayScalingTarget;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayServiceNetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayServiceScalingMetric;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.UpdateExpressGatewayServiceRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An ECS Express Mode service, read like {@code aws ecs create-express-gateway-service}: a name, an image (with its
 * port, command and environment), the health check path, cpu and memory, the scaling range and metric, network and
 * tags. ECS builds the rest (load balancer, target groups, scaling, alarms). The two roles default to the account's
 * {@code ecsTaskExecutionRole} and {@code ecsInfrastructureRoleForExpressServices}. Immutable; wraps the SDK's
 * {@link CreateExpressGatewayServiceRequest}. Applying a world creates the service, or updates it (a new revision,
 * rolled out by canary) when it already exists.
 *
 * <pre>{@code
 * ExpressServiceSpec web = ExpressServiceSpec.builder("web")
 *     .image("acme/web:1").containerPort(8080).healthCheckPath("/health")
 *     .tasks(2, 10).scaleOnCpu(70)
 *     .build();
 * }</pre>
 */
public final class ExpressServiceSpec {

    /** The execution role name used when none is declared. */
    public static final String DEFAULT_EXECUTION_ROLE = "ecsTaskExecutionRole";
    /** The infrastructure role name used when none is declared. */
    public static final String DEFAULT_INFRASTRUCTURE_ROLE = "ecsInfrastructureRoleForExpressServices";

    private final CreateExpressGatewayServiceRequest base;
    private final String region;

    private ExpressServiceSpec(Builder b) {
        this.base = b.r;
        this.region = b.region;
    }

    public static Builder builder(String serviceName) {
        return new Builder(CreateExpressGatewayServiceRequest.builder().serviceName(serviceName).build());
    }

    /** Wraps an SDK request (as a test or imported JSON gives it), validating it. */
    public static ExpressServiceSpec from(CreateExpressGatewayServiceRequest request) {
        return new Builder(request).build();
    }

    public Builder toBuilder() {
        Builder b = new Builder(base);
        b.region = region;
        return b;
    }

    public String name() { return base.serviceName(); }
    /** The region, or null for the world's default region. */
    public String region() { return region; }
    /** The cluster, {@code default} when none is declared. */
    public String cluster() { return base.cluster() == null ? "default" : base.cluster(); }
    public String image() { return base.primaryContainer().image(); }

    /** The CreateExpressGatewayService request, the roles filled in for {@code accountId} when not declared. */
    public CreateExpressGatewayServiceRequest toRequest(String accountId) {
        CreateExpressGatewayServiceRequest.Builder b = base.toBuilder();
        if (base.executionRoleArn() == null) {
            b.executionRoleArn("arn:aws:iam::" + accountId + ":role/" + DEFAULT_EXECUTION_ROLE);
        }
        if (base.infrastructureRoleArn() == null) {
            b.infrastructureRoleArn("arn:aws:iam::" + accountId + ":role/" + DEFAULT_INFRASTRUCTURE_ROLE);
        }
        return b.build();
    }

    /** The UpdateExpressGatewayService request that brings the service of that ARN to this declaration. */
    public UpdateExpressGatewayServiceRequest toUpdate(String serviceArn, String accountId) {
        CreateExpressGatewayServiceRequest c = toRequest(accountId);
        return UpdateExpressGatewayServiceRequest.builder().serviceArn(serviceArn)
                .executionRoleArn(c.executionRoleArn()).taskRoleArn(c.taskRoleArn())
                .healthCheckPath(c.healthCheckPath()).primaryContainer(c.primaryContainer())
                .networkConfiguration(c.networkConfiguration()).cpu(c.cpu()).memory(c.memory())
                .scalingTarget(c.scalingTarget()).build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExpressServiceSpec e && e.base.equals(base) && Objects.equals(e.region, region);
    }

    @Override
    public int hashCode() {
        return base.hashCode();
    }

    @Override
    public String toString() {
        return "ExpressService[" + name() + ": " + image() + "]";
    }

    /** Builds an {@link ExpressServiceSpec}; {@link #build()} validates. */
    public static final class Builder {
        private CreateExpressGatewayServiceRequest r;
        private String region;

        private Builder(CreateExpressGatewayServiceRequest request) {
            this.r = request;
        }

        private ExpressGatewayContainer.Builder container() {
            return r.primaryContainer() == null ? ExpressGatewayContainer.builder() : r.primaryContainer().toBuilder();
        }

        private Builder container(ExpressGatewayContainer.Builder c) {
            r = r.toBuilder().primaryContainer(c.build()).build();
            return this;
        }

        private ExpressGatewayScalingTarget.Builder scaling() {
            return r.scalingTarget() == null ? ExpressGatewayScalingTarget.builder() : r.scalingTarget().toBuilder();
        }

        private Builder scaling(ExpressGatewayScalingTarget.Builder s) {
            r = r.toBuilder().scalingTarget(s.build()).build();
            return this;
        }

        /** The region (default: the world's default region). */
        public Builder region(String region) { this.region = region; return this; }
        public Builder cluster(String cluster) { r = r.toBuilder().cluster(cluster).build(); return this; }
        public Builder image(String image) { return container(container().image(image)); }
        public Builder containerPort(int port) { return container(container().containerPort(port)); }
        public Builder command(String... command) { return container(container().command(command)); }

        /** Adds an environment variable of the container. */
        public Builder environment(String name, String value) {
            List<KeyValuePair> env = new ArrayList<>(container().build().environment());
            env.add(KeyValuePair.builder().name(name).value(value).build());
            return container(container().environment(env));
        }

        public Builder healthCheckPath(String path) { r = r.toBuilder().healthCheckPath(path).build(); return this; }
        /** CPU units of each task ({@code 256} to {@code 16384}; default 1024). */
        public Builder cpu(int units) { r = r.toBuilder().cpu(Integer.toString(units)).build(); return this; }
        /** Memory of each task in MiB (default 2048). */
        public Builder memory(int mib) { r = r.toBuilder().memory(Integer.toString(mib)).build(); return this; }
        public Builder executionRoleArn(String arn) { r = r.toBuilder().executionRoleArn(arn).build(); return this; }
        public Builder infrastructureRoleArn(String arn) {
            r = r.toBuilder().infrastructureRoleArn(arn).build();
            return this;
        }
        public Builder taskRoleArn(String arn) { r = r.toBuilder().taskRoleArn(arn).build(); return this; }

        /** The scaling range: at least {@code min}, at most {@code max} tasks (default 1 to 20). */
        public Builder tasks(int min, int max) { return scaling(scaling().minTaskCount(min).maxTaskCount(max)); }

        /** Scales to keep average CPU at {@code percent} (the default metric, at 60). */
        public Builder scaleOnCpu(int percent) {
            return scaling(scaling().autoScalingMetric(ExpressGatewayServiceScalingMetric.AVERAGE_CPU)
                    .autoScalingTargetValue(percent));
        }

        /** Scales to keep average memory at {@code percent}. */
        public Builder scaleOnMemory(int percent) {
            return scaling(scaling().autoScalingMetric(ExpressGatewayServiceScalingMetric.AVERAGE_MEMORY)
                    .autoScalingTargetValue(percent));
        }

        /** Scales to keep the load balancer's requests per target at {@code requests}. */
        public Builder scaleOnRequestsPerTarget(int requests) {
            return scaling(scaling().autoScalingMetric(ExpressGatewayServiceScalingMetric.REQUEST_COUNT_PER_TARGET)
                    .autoScalingTargetValue(requests));
        }

        /** The subnets (default: the default VPC's, one per zone) and security groups (default: one ECS creates). */
        public Builder network(List<String> subnets, List<String> securityGroups) {
            r = r.toBuilder().networkConfiguration(ExpressGatewayServiceNetworkConfiguration.builder()
                    .subnets(subnets).securityGroups(securityGroups).build()).build();
            return this;
        }

        public Builder tag(String key, String value) {
            List<Tag> tags = new ArrayList<>(r.tags());
            tags.add(Tag.builder().key(key).value(value).build());
            r = r.toBuilder().tags(tags).build();
            return this;
        }

        public ExpressServiceSpec build() {
            String where = "expressService " + r.serviceName();
            Check.notBlank(where, "serviceName", r.serviceName());
            Check.that(r.serviceName().matches("[A-Za-z0-9_-]{1,255}"), where, "serviceName", r.serviceName(),
                    "must be up to 255 letters, digits, underscores and hyphens");
            Check.that(r.primaryContainer() != null, where, "image", null, "is required and must not be blank");
            Check.notBlank(where, "image", r.primaryContainer().image());
            if (r.primaryContainer().containerPort() != null) {
                Check.range(where, "containerPort", r.primaryContainer().containerPort(), 1, 65535);
            }
            if (r.healthCheckPath() != null) {
                Check.that(r.healthCheckPath().startsWith("/"), where, "healthCheckPath", r.healthCheckPath(),
                        "must start with /");
            }
            ExpressGatewayScalingTarget s = r.scalingTarget();
            if (s != null && s.minTaskCount() != null && s.maxTaskCount() != null) {
                Check.range(where, "tasks.min", s.minTaskCount(), 1, Integer.MAX_VALUE);
                Check.that(s.maxTaskCount() >= s.minTaskCount(), where, "tasks.max", s.maxTaskCount(),
                        "must be at least the minimum " + s.minTaskCount());
            }
            Check.that(r.tags().size() <= 50, where, "tags", r.tags().size(), "must be at most 50");
            return new ExpressServiceSpec(this);
        }
    }
}
