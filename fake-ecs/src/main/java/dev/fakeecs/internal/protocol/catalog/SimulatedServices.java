package dev.fakeecs.internal.protocol.catalog;

import dev.fakeecs.internal.applicationautoscaling.ApplicationAutoScaling;
import dev.fakeecs.internal.cloudwatch.CloudWatch;
import dev.fakeecs.internal.elbv2.LoadBalancing;
import dev.fakeecs.internal.protocol.CallRecorder;
import dev.fakeecs.internal.protocol.EcsProtocolHandler;
import dev.fakeecs.internal.protocol.ProtocolRouter;
import dev.fakeecs.internal.protocol.query.QueryProtocolHandler;
import dev.fakeecs.internal.protocol.rpc.RpcProtocolHandler;
import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.region.Region;
import java.util.Objects;
import java.util.function.Function;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.InternalServiceException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.MissingRequiredParameterException;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

/**
 * Every simulated AWS service the fake speaks, registered in one place: the {@link ProtocolRouter} that the
 * HTTP server and the in-process SDK clients share. ECS (AWS JSON 1.1, recognised by its {@code X-Amz-Target}
 * prefix) and Elastic Load Balancing v2 (AWS Query, recognised by its SigV4 signing name
 * {@code elasticloadbalancing} or, unsigned, by its form's {@code Version=2015-12-01}), and CloudWatch over all
 * three protocols its clients speak (signing name {@code monitoring}): Smithy RPC v2 CBOR (the Java SDK),
 * AWS JSON 1.0 (botocore and the AWS CLI) and AWS Query (older SDKs). A new service lives in a
 * package of its own and is added here with its {@code ServiceProtocolHandler}. (This class lives in a package of
 * its own because it knows every protocol package, which themselves build on {@code internal.protocol}.)
 *
 * <pre>{@code
 * ProtocolRouter router = SimulatedServices.router(ecs::region, "us-east-1");
 * }</pre>
 */
public final class SimulatedServices {

    /** The Elastic Load Balancing v2 API version. */
    public static final String ELBV2_API_VERSION = "2015-12-01";
    /** The XML namespace of Elastic Load Balancing v2 answers. */
    public static final String ELBV2_NAMESPACE = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";
    /** The SigV4 signing name of Elastic Load Balancing v2. */
    public static final String ELBV2_SIGNING_NAME = "elasticloadbalancing";
    /** The CloudWatch API version (Query {@code Version}). */
    public static final String CLOUDWATCH_API_VERSION = "2010-08-01";
    /** The XML namespace of CloudWatch's Query answers. */
    public static final String CLOUDWATCH_NAMESPACE = "http://monitoring.amazonaws.com/doc/2010-08-01/";
    /** The SigV4 signing name of CloudWatch. */
    public static final String CLOUDWATCH_SIGNING_NAME = "monitoring";
    /** CloudWatch's Smithy service name: the {@code X-Amz-Target} prefix (with a dot) and the CBOR path's service. */
    public static final String CLOUDWATCH_SERVICE = "GraniteServiceVersion20100801";

    /** The SigV4 signing name of Application Auto Scaling. */
    public static final String APPLICATION_AUTOSCALING_SIGNING_NAME = "application-autoscaling";
    /** Application Auto Scaling's {@code X-Amz-Target} prefix (AWS JSON 1.1). */
    public static final String APPLICATION_AUTOSCALING_TARGET_PREFIX = "AnyScaleFrontendService.";

    private SimulatedServices() {
    }

    /**
     * The router over every simulated service of a world.
     *
     * <pre>{@code
     * ProtocolRouter router = SimulatedServices.router(ecs::region, ecs.defaultRegion().name());
     * }</pre>
     *
     * @param regions       each region of the world by name (an IllegalArgumentException, or null, for a name
     *                      the world cannot serve); called once per request, so a host may move its clock there
     * @param defaultRegion where requests without a SigV4 credential scope go
     */
    public static ProtocolRouter router(Function<String, ? extends Region> regions, String defaultRegion) {
        return router(regions, defaultRegion, null);
    }

    /**
     * The router over every simulated service of a world, recording every call it answers in the world's call log.
     *
     * <pre>{@code
     * ProtocolRouter router = SimulatedServices.router(ecs::region, "us-east-1", recorder);
     * }</pre>
     *
     * @param recorder the world's call recorder, or null to record nothing
     */
    public static ProtocolRouter router(Function<String, ? extends Region> regions, String defaultRegion,
            CallRecorder recorder) {
        Objects.requireNonNull(regions, "regions");
        return ProtocolRouter.builder()
                .recorder(recorder)
                .defaultRegion(defaultRegion)
                .service(EcsProtocolHandler.builder()
                        .regions(name -> {
                            Region region = regions.apply(name);
                            return region == null ? null : region.api();
                        })
                        .defaultRegion(defaultRegion).build())
                .service(loadBalancing(name -> {
                    Region region = regions.apply(name);
                    return region == null ? null : RegionEngine.of(region).service(LoadBalancing.SERVICE);
                }, defaultRegion))
                .service(cloudWatch(name -> {
                    Region region = regions.apply(name);
                    return region == null ? null : RegionEngine.of(region).service(CloudWatch.SERVICE);
                }, defaultRegion))
                .service(applicationAutoScaling(name -> {
                    Region region = regions.apply(name);
                    return region == null ? null : RegionEngine.of(region).service(ApplicationAutoScaling.SERVICE);
                }, defaultRegion))
                .build();
    }

    /**
     * Application Auto Scaling over AWS JSON 1.1 ({@code X-Amz-Target: AnyScaleFrontendService.{Op}}, signing name
     * {@code application-autoscaling}), over one client per region (the engine, or a test double).
     *
     * <pre>{@code
     * RpcProtocolHandler aas = SimulatedServices.applicationAutoScaling(name -> double, "us-east-1");
     * }</pre>
     */
    public static RpcProtocolHandler applicationAutoScaling(
            Function<String, ? extends ApplicationAutoScalingClient> regions, String defaultRegion) {
        return RpcProtocolHandler.builder(ApplicationAutoScalingClient.class)
                .signingName(APPLICATION_AUTOSCALING_SIGNING_NAME)
                .targetPrefix(APPLICATION_AUTOSCALING_TARGET_PREFIX)
                .jsonVersion("1.1")
                .errors(software.amazon.awssdk.services.applicationautoscaling.model.ValidationException.class,
                        software.amazon.awssdk.services.applicationautoscaling.model.ValidationException.class,
                        software.amazon.awssdk.services.applicationautoscaling.model.InternalServiceException.class)
                .regions(regions)
                .defaultRegion(defaultRegion)
                .build();
    }

    /**
     * CloudWatch over Smithy RPC v2 CBOR, AWS JSON 1.0 and AWS Query, over one client per region (the engine, or a
     * test double).
     *
     * <pre>{@code
     * RpcProtocolHandler cw = SimulatedServices.cloudWatch(name -> double, "us-east-1");
     * }</pre>
     */
    public static RpcProtocolHandler cloudWatch(Function<String, ? extends CloudWatchClient> regions,
            String defaultRegion) {
        QueryProtocolHandler query = QueryProtocolHandler.builder(CloudWatchClient.class)
                .apiVersion(CLOUDWATCH_API_VERSION)
                .xmlNamespace(CLOUDWATCH_NAMESPACE)
                .signingName(CLOUDWATCH_SIGNING_NAME)
                .validationErrorCodes("MissingParameter", "InvalidParameterValue")
                .regions(regions)
                .defaultRegion(defaultRegion)
                .build();
        return RpcProtocolHandler.builder(CloudWatchClient.class)
                .signingName(CLOUDWATCH_SIGNING_NAME)
                .targetPrefix(CLOUDWATCH_SERVICE + ".")
                .jsonVersion("1.0")
                .cborService(CLOUDWATCH_SERVICE)
                .queryCompatible(true)
                .errors(MissingRequiredParameterException.class, InvalidParameterValueException.class,
                        InternalServiceException.class)
                .query(query)
                .regions(regions)
                .defaultRegion(defaultRegion)
                .build();
    }

    /**
     * The Elastic Load Balancing v2 Query handler over one client per region (the engine, or a test double).
     *
     * <pre>{@code
     * QueryProtocolHandler elb = SimulatedServices.loadBalancing(name -> double, "us-east-1");
     * }</pre>
     */
    public static QueryProtocolHandler loadBalancing(
            Function<String, ? extends ElasticLoadBalancingV2Client> regions, String defaultRegion) {
        return QueryProtocolHandler.builder(ElasticLoadBalancingV2Client.class)
                .apiVersion(ELBV2_API_VERSION)
                .xmlNamespace(ELBV2_NAMESPACE)
                .signingName(ELBV2_SIGNING_NAME)
                .regions(regions)
                .defaultRegion(defaultRegion)
                .build();
    }
}
