package dev.fakeecs.internal.protocol.rpc;

import dev.fakeecs.internal.protocol.ServiceModelResources;
import java.util.Locale;
import java.util.Properties;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * A service's errors as its RPC protocols carry them, from the service model's tables
 * ({@code <service>-error-shapes.properties}: the {@code __type} shape and fault of each SDK exception class;
 * {@code <service>-errors.properties}: its Query code and status). An exception from the engine keeps the code,
 * message and status it carries ({@code awsErrorDetails()}, {@code statusCode()}); the table fills in the rest.
 * The service's base exception class, which names no error, is the service's invalid-value error (4xx) or its
 * internal error (5xx).
 *
 * <pre>{@code
 * RpcErrors errors = RpcErrors.of(CloudWatchClient.class, InvalidParameterValueException.class, ...);
 * RpcError e = errors.invalidValue("1 validation error detected: ...");   // InvalidParameterValueException, InvalidParameterValue
 * }</pre>
 */
final class RpcErrors {

    private final Properties shapes;
    private final Properties codes;
    private final RpcError missingTemplate;
    private final RpcError invalidTemplate;
    private final RpcError internalTemplate;

    private RpcErrors(Class<?> clientInterface, Class<?> missing, Class<?> invalid, Class<?> internal) {
        this.shapes = ServiceModelResources.table(clientInterface, "error-shapes");
        this.codes = ServiceModelResources.table(clientInterface, "errors");
        this.missingTemplate = template(missing, "ValidationException", 400);
        this.invalidTemplate = template(invalid, "ValidationException", 400);
        this.internalTemplate = template(internal, "InternalFailure", 500);
    }

    /**
     * The errors of the service of {@code clientInterface}; the three classes (or null) are its modeled errors for
     * a missing required member, any other invalid value, and an internal failure.
     */
    static RpcErrors of(Class<?> clientInterface, Class<?> missing, Class<?> invalid, Class<?> internal) {
        return new RpcErrors(clientInterface, missing, invalid, internal);
    }

    RpcError missingParameter(String message) {
        return like(missingTemplate, message);
    }

    RpcError invalidValue(String message) {
        return like(invalidTemplate, message);
    }

    RpcError internal(String message) {
        return like(internalTemplate, message);
    }

    /** The answer to a service exception thrown by the engine. */
    RpcError of(SdkServiceException e) {
        String code = null;
        String message = null;
        if (e instanceof AwsServiceException) {
            AwsErrorDetails details = ((AwsServiceException) e).awsErrorDetails();
            if (details != null) {
                code = blankToNull(details.errorCode());
                message = details.errorMessage();
            }
        }
        String key = e.getClass().getSimpleName().toLowerCase(Locale.ROOT);
        String[] shape = entry(shapes, key);
        String[] modeled = entry(codes, key);
        int status = e.statusCode() > 0 ? e.statusCode() : modeled != null ? parseStatus(modeled[1]) : 400;
        if (message == null) {
            message = stripServiceSuffix(e.getMessage());
        }
        if (shape == null) {
            RpcError base = status >= 500 ? internalTemplate : invalidTemplate;
            return new RpcError(code != null ? code : base.type(), code != null ? code : base.code(),
                    status >= 500, status, message);
        }
        if (code != null && code.equals(shape[0]) && modeled != null) {
            code = modeled[0]; // the engine named the shape: the Query code is the model's
        }
        return new RpcError(shape[0], code != null ? code : modeled != null ? modeled[0] : shape[0],
                "Receiver".equals(shape[1]) || status >= 500, status, message);
    }

    private RpcError template(Class<?> type, String fallback, int fallbackStatus) {
        if (type == null) {
            return new RpcError(fallback, fallback, fallbackStatus >= 500, fallbackStatus, "");
        }
        String key = type.getSimpleName().toLowerCase(Locale.ROOT);
        String[] shape = entry(shapes, key);
        String[] modeled = entry(codes, key);
        if (shape == null || modeled == null) {
            throw new IllegalArgumentException("the service model tables do not list " + type.getSimpleName());
        }
        int status = parseStatus(modeled[1]);
        return new RpcError(shape[0], modeled[0], "Receiver".equals(shape[1]) || status >= 500, status, "");
    }

    private static RpcError like(RpcError template, String message) {
        return new RpcError(template.type(), template.code(), template.queryError().endsWith("Receiver"),
                template.status(), message);
    }

    private static String[] entry(Properties table, String key) {
        String entry = table.getProperty(key);
        if (entry == null) {
            return null;
        }
        String[] parts = entry.split(",");
        return parts.length == 2 ? parts : null;
    }

    private static int parseStatus(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return 400;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** {@code "Not found. (Service: X, Status Code: 400, Request ID: ...)"} becomes {@code "Not found."}. */
    private static String stripServiceSuffix(String message) {
        if (message == null) {
            return "";
        }
        int suffix = message.lastIndexOf(" (Service: ");
        return suffix >= 0 ? message.substring(0, suffix) : message;
    }
}
