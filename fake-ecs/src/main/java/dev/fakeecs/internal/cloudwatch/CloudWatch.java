package dev.fakeecs.internal.cloudwatch;

import dev.fakeecs.internal.engine.RegionContext;
import dev.fakeecs.internal.neighbour.EcsNeighbourhood;
import dev.fakeecs.internal.neighbour.RegionalService;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * CloudWatch in one region: metrics (the ones the simulation publishes and the ones clients put) and metric
 * alarms evaluated on the virtual clock. Implements the SDK's client interface, so the wire handlers (Smithy RPC
 * v2 CBOR, AWS JSON 1.0, Query) call it as the ECS handler calls the ECS control plane (every operation under the
 * engine lock); an operation it does not implement throws {@link UnsupportedOperationException}.
 *
 * <pre>{@code
 * CloudWatch cw = RegionEngine.of(ecs.region("us-east-1")).service(CloudWatch.SERVICE);
 * cw.describeAlarms(b -> b.alarmNames("orders-5xx"));
 * }</pre>
 */
public final class CloudWatch implements CloudWatchClient {

    /** The service as every region builds it. */
    public static final RegionalService<CloudWatch> SERVICE = CloudWatch::new;

    private final RegionContext region;
    private final EcsNeighbourhood ecs;

    CloudWatch(RegionContext region, EcsNeighbourhood ecs) {
        this.region = region;
        this.ecs = ecs;
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }
}
