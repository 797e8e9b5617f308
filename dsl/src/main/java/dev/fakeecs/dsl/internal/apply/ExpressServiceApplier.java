package dev.fakeecs.dsl.internal.apply;

import dev.fakeecs.dsl.express.ExpressServiceSpec;

import dev.fakeecs.FakeEcs;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayServiceStatusCode;
import software.amazon.awssdk.services.ecs.model.ResourceNotFoundException;

/**
 * Applies an {@link ExpressServiceSpec} to a running world through the region's ECS API: CreateExpressGatewayService
 * when the region has no ACTIVE Express service of that name in that cluster, else UpdateExpressGatewayService.
 *
 * <pre>{@code
 * String arn = new ExpressServiceApplier(ecs, "us-east-1").apply(spec);
 * }</pre>
 */
public final class ExpressServiceApplier {

    private final FakeEcs ecs;
    private final String region;

    public ExpressServiceApplier(FakeEcs ecs, String region) {
        this.ecs = ecs;
        this.region = region;
    }

    /** Creates or updates the service; returns its ARN. */
    public String apply(ExpressServiceSpec spec) {
        EcsClient api = ecs.region(region).api();
        String arn = "arn:aws:ecs:" + region + ":" + ecs.accountId() + ":service/" + spec.cluster() + "/"
                + spec.name();
        boolean active;
        try {
            active = api.describeExpressGatewayService(r -> r.serviceArn(arn)).service().status().statusCode()
                    == ExpressGatewayServiceStatusCode.ACTIVE;
        } catch (ResourceNotFoundException | software.amazon.awssdk.services.ecs.model.ClusterNotFoundException e) {
            active = false;
        }
        if (active) {
            api.updateExpressGatewayService(spec.toUpdate(arn, ecs.accountId()));
            return arn;
        }
        return api.createExpressGatewayService(spec.toRequest(ecs.accountId())).service().serviceArn();
    }
}
