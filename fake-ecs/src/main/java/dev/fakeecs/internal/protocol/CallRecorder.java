package dev.fakeecs.internal.protocol;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.fakeecs.calls.ApiCall;
import dev.fakeecs.calls.ApiCalls;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkPojo;

/**
 * The world's recorder of API calls: every router of the world (the in-process SDK clients' and the HTTP server's)
 * hands it each call it answered ({@link CallTrace}), and it keeps them in its {@link ApiCalls}. A call's place in the
 * order is drawn under the engine lock when the engine runs it, so a single-threaded test sees its calls in the order
 * it made them and the same run gives the same log; a call the engine never ran (it failed to decode) is placed when
 * it is answered.
 *
 * <pre>{@code
 * CallRecorder recorder = new CallRecorder(ecs.clock()::instant, ApiCalls.DEFAULT_MAX_KEPT);
 * ProtocolRouter router = SimulatedServices.router(ecs::region, "us-east-1", recorder);
 * recorder.calls().all();
 * }</pre>
 */
public final class CallRecorder {

    private final Supplier<Instant> clock;
    private final ApiCalls calls;
    private final AtomicLong sequence = new AtomicLong();

    public CallRecorder(Supplier<Instant> clock, int maxKept) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.calls = new ApiCalls(maxKept);
    }

    /** The log of recorded calls. */
    public ApiCalls calls() {
        return calls;
    }

    long nextSequence() {
        return sequence.getAndIncrement();
    }

    /** Starts tracing one call to {@code service} in {@code region} on this thread (see {@link CallTrace}). */
    CallTrace start(String service, String region) {
        return new CallTrace(this, service, region);
    }

    /** Records a traced call answered with {@code status}. */
    void finish(CallTrace trace, int status) {
        if (trace.sequence < 0) {
            trace.sequence = nextSequence();
            trace.time = clock.get();
        }
        if (status >= 400 && trace.errorCode == null) {
            trace.errorCode = status == 404 ? ProtocolException.UNKNOWN_OPERATION : "InternalFailure";
        }
        Object request = trace.request;
        Supplier<String> json = request instanceof SdkPojo pojo
                ? () -> SdkJsonCodec.instance().encode(pojo, JsonNodeFactory.instance).toString() : null;
        calls.record(new ApiCall(trace.sequence, trace.time, trace.region, trace.service, trace.operation, request,
                json, status, status >= 400 ? trace.errorCode : null, status >= 400 ? trace.errorMessage : null));
    }
}
