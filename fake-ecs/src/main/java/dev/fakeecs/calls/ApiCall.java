package dev.fakeecs.calls;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One API call the world received, over the wire (the HTTP server) or from an in-process SDK client: which service
 * and operation, the decoded request (the AWS SDK's own request object), the virtual time and region it ran in, and
 * how it ended: success, or the error code the caller got ({@code ServiceNotFoundException}, {@code Throttling}).
 *
 * <pre>{@code
 * ApiCall call = ecs.calls().of("UpdateService").get(0);
 * UpdateServiceRequest request = call.request(UpdateServiceRequest.class).orElseThrow();
 * assert call.succeeded() && request.desiredCount() == 4;
 * System.out.println(call.describe());   // 2026-01-01T00:02:00Z us-east-1 ecs UpdateService ok {"cluster":"prod",...}
 * }</pre>
 */
public final class ApiCall {

    /** The service name of ECS calls (their SigV4 signing name). */
    public static final String ECS = "ecs";
    /** The service name of Elastic Load Balancing v2 calls. */
    public static final String ELBV2 = "elasticloadbalancing";
    /** The service name of CloudWatch calls. */
    public static final String CLOUDWATCH = "monitoring";
    /** The service name of Application Auto Scaling calls. */
    public static final String APPLICATION_AUTOSCALING = "application-autoscaling";

    /** The operation name of a call whose operation the service did not recognise. */
    public static final String UNKNOWN_OPERATION = "(unknown operation)";

    private final long sequence;
    private final Instant time;
    private final String region;
    private final String service;
    private final String operation;
    private final Object request;
    private final Supplier<String> requestJson;
    private final int status;
    private final String errorCode;
    private final String errorMessage;
    private volatile String json;

    /**
     * A recorded call (the engine makes these; tests read them).
     *
     * @param requestJson renders the request as JSON on demand (the AWS JSON protocol's member names)
     * @param errorCode   null when the call succeeded
     */
    public ApiCall(long sequence, Instant time, String region, String service, String operation, Object request,
                   Supplier<String> requestJson, int status, String errorCode, String errorMessage) {
        this.sequence = sequence;
        this.time = Objects.requireNonNull(time, "time");
        this.region = Objects.requireNonNull(region, "region");
        this.service = Objects.requireNonNull(service, "service");
        this.operation = operation == null ? UNKNOWN_OPERATION : operation;
        this.request = request;
        this.requestJson = requestJson;
        this.status = status;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
    }

    /** The call's place in the world's call log (0 is the first call), in the order the engine ran them. */
    public long sequence() {
        return sequence;
    }

    /** The virtual time the call ran at (after an auto-clock step, if the world advances per call). */
    public Instant time() {
        return time;
    }

    /** The region the call went to: its SigV4 credential scope's, else the world's default region. */
    public String region() {
        return region;
    }

    /** The service, by its SigV4 signing name: {@link #ECS}, {@link #ELBV2}, {@link #CLOUDWATCH}, {@link #APPLICATION_AUTOSCALING}. */
    public String service() {
        return service;
    }

    /** The operation as AWS names it ({@code UpdateService}, {@code RegisterTargets}, {@code PutMetricData}). */
    public String operation() {
        return operation;
    }

    /**
     * The decoded request, an AWS SDK request object ({@code UpdateServiceRequest}), or null when the body could not
     * be decoded (the call then failed with a serialization or validation error).
     */
    public Object request() {
        return request;
    }

    /** The decoded request if it is a {@code type}. */
    public <T> Optional<T> request(Class<T> type) {
        return type.isInstance(request) ? Optional.of(type.cast(request)) : Optional.empty();
    }

    /** The decoded request as JSON ({@code {"cluster":"prod","service":"orders","desiredCount":4}}); {@code null} if none. */
    public String requestJson() {
        if (request == null || requestJson == null) {
            return null;
        }
        String j = json;
        if (j == null) {
            j = requestJson.get();
            json = j;
        }
        return j;
    }

    /** The HTTP status the caller got (200 on success). */
    public int status() {
        return status;
    }

    /** Whether the call succeeded. */
    public boolean succeeded() {
        return errorCode == null;
    }

    /** The error code the caller got ({@code ServiceNotFoundException}), or null on success. */
    public String errorCode() {
        return errorCode;
    }

    /** The error message the caller got, or null on success. */
    public String errorMessage() {
        return errorMessage;
    }

    /** The outcome as a word: {@code ok}, or the error code. */
    public String outcome() {
        return errorCode == null ? "ok" : errorCode;
    }

    /** One line: time, region, service, operation, outcome and the request's JSON (cut at 300 characters). */
    public String describe() {
        String j = requestJson();
        if (j != null && j.length() > 300) {
            j = j.substring(0, 300) + "...";
        }
        return time + " " + region + " " + service + " " + operation + " " + outcome() + (j == null ? "" : " " + j);
    }

    @Override
    public String toString() {
        return "#" + sequence + " " + describe();
    }
}
