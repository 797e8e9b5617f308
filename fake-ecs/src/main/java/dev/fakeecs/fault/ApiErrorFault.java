package dev.fakeecs.fault;

import dev.fakeecs.internal.error.EcsErrors;
import dev.fakeecs.internal.region.ApiInterceptor;

/**
 * API_ERROR: calls of {@code operation} (every operation if none) in the region fail with
 * {@code errorCode} (default ThrottlingException "Rate exceeded"): every {@code everyNth} call,
 * or each with {@code probability} drawn from the world's seeded random source, or every call.
 * ServerException answers HTTP 500, ServiceUnavailableException 503, anything else 400.
 */
final class ApiErrorFault implements ActiveFault, ApiInterceptor {

    private final FaultContext ctx;
    private long calls;

    ApiErrorFault(FaultContext ctx) {
        this.ctx = ctx;
    }

    static boolean operationMatches(String wanted, String operation) {
        return wanted == null || wanted.equals(operation) || wanted.equals("*");
    }

    @Override
    public void beforeCall(String region, String operation) {
        FaultSpec spec = ctx.spec();
        if (!operationMatches(spec.operation(), operation)) {
            return;
        }
        calls++;
        boolean fail;
        if (spec.everyNth() != null) {
            fail = calls % spec.everyNth() == 0;
        } else if (spec.probability() != null) {
            fail = ctx.region().engine().random().chance(spec.probability());
        } else {
            fail = true;
        }
        if (!fail) {
            return;
        }
        String code = spec.errorCode() == null ? "ThrottlingException" : spec.errorCode();
        ctx.effect(ctx.id(), "effect", "call failed", "operation", operation, "errorCode", code,
                "call", String.valueOf(calls));
        throw EcsErrors.of(code, message(code), status(code));
    }

    static String message(String code) {
        return switch (code) {
            case "ThrottlingException" -> "Rate exceeded";
            case "ServerException" -> "Service Unavailable. Please try again later.";
            case "ServiceUnavailableException" -> "Service Unavailable";
            case "AccessDeniedException" -> "User is not authorized to perform this action";
            default -> code + " injected by fake-ecs";
        };
    }

    static int status(String code) {
        return switch (code) {
            case "ServerException" -> 500;
            case "ServiceUnavailableException" -> 503;
            default -> 400;
        };
    }

    @Override
    public void start() {
        ctx.region().addInterceptor(this);
    }

    @Override
    public void end() {
        ctx.region().removeInterceptor(this);
    }
}
