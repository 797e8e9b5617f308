package dev.fakeecs.internal.protocol;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * The call being handled on this thread, from the moment the {@link ProtocolRouter} hands a request to its service
 * until the answer is ready: the protocol handlers add what they learn (the operation, the decoded request, the error
 * code) and the engine stamps it, under its lock, with its place in the call order and the virtual time it ran at
 * ({@link #stampCurrent}). The router then hands it to the world's {@link CallRecorder}. Handlers and the engine call the
 * static methods, which do nothing when no call is being traced (a test double behind a handler, a Java call).
 *
 * <pre>{@code
 * CallTrace.operation("UpdateService");
 * CallTrace.request(updateServiceRequest);
 * CallTrace.failed("ServiceNotFoundException", "Service not found.");
 * }</pre>
 */
public final class CallTrace {

    private static final ThreadLocal<CallTrace> CURRENT = new ThreadLocal<>();

    final CallRecorder recorder;
    final String service;
    final String region;
    String operation;
    Object request;
    String errorCode;
    String errorMessage;
    long sequence = -1;
    Instant time;

    CallTrace(CallRecorder recorder, String service, String region) {
        this.recorder = recorder;
        this.service = service;
        this.region = region;
    }

    /** Starts tracing a call on this thread (the router), returning the previous trace to restore. */
    static CallTrace begin(CallTrace trace) {
        CallTrace previous = CURRENT.get();
        CURRENT.set(trace);
        return previous;
    }

    /** Ends tracing on this thread (the router), restoring {@code previous}. */
    static void end(CallTrace previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }

    /** The operation the handler resolved ({@code UpdateService}). */
    public static void operation(String name) {
        CallTrace t = CURRENT.get();
        if (t != null && name != null) {
            t.operation = name;
        }
    }

    /** The decoded request (an AWS SDK request object). */
    public static void request(Object decoded) {
        CallTrace t = CURRENT.get();
        if (t != null) {
            t.request = decoded;
        }
    }

    /** The error the caller gets ({@code ServiceNotFoundException}; a {@code ns#Type} shape id is cut to its name). */
    public static void failed(String code, String message) {
        CallTrace t = CURRENT.get();
        if (t != null) {
            t.errorCode = code == null ? "InternalFailure" : code.substring(code.lastIndexOf('#') + 1);
            t.errorMessage = message;
        }
    }

    /**
     * The engine is about to run the traced call on this thread, under its lock: the call takes the next place in the
     * call order and the virtual time {@code now} (the first stamp counts; calls the engine makes inside it are not
     * calls the world received).
     */
    public static void stampCurrent(Supplier<Instant> now) {
        CallTrace t = CURRENT.get();
        if (t != null && t.sequence < 0) {
            t.sequence = t.recorder.nextSequence();
            t.time = now.get();
        }
    }
}
