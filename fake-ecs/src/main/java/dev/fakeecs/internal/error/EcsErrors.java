package dev.fakeecs.internal.error;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.ecs.model.EcsException;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the exceptions the engine throws: the AWS SDK's own ECS exception types, carrying the
 * error code real ECS puts in {@code __type} and the HTTP status it answers with.
 *
 * <pre>{@code
 * throw EcsErrors.clusterNotFound();                          // ClusterNotFoundException "Cluster not found."
 * throw EcsErrors.invalidParameter("desiredCount can't be negative.");
 * throw EcsErrors.of("ThrottlingException", "Rate exceeded"); // codes with no SDK class become EcsException
 * }</pre>
 */
public final class EcsErrors {

    private static final String MODEL_PACKAGE = "software.amazon.awssdk.services.ecs.model.";
    private static final Map<String, Class<?>> CLASSES = new ConcurrentHashMap<>();

    private EcsErrors() {
    }

    /** An exception with the given error code and message, HTTP 400 (ServerException: 500). */
    public static EcsException of(String errorCode, String message) {
        return of(errorCode, message, "ServerException".equals(errorCode) ? 500 : 400);
    }

    /** An exception with the given error code, message and HTTP status. */
    public static EcsException of(String errorCode, String message, int status) {
        EcsException.Builder builder = builderFor(errorCode);
        AwsErrorDetails details = AwsErrorDetails.builder()
                .errorCode(errorCode)
                .errorMessage(message)
                .serviceName("Ecs")
                .sdkHttpResponse(SdkHttpResponse.builder().statusCode(status).build())
                .build();
        return (EcsException) builder.message(message).statusCode(status).awsErrorDetails(details).build();
    }

    private static EcsException.Builder builderFor(String errorCode) {
        Class<?> type = CLASSES.computeIfAbsent(errorCode, code -> {
            try {
                Class<?> c = Class.forName(MODEL_PACKAGE + code);
                return EcsException.class.isAssignableFrom(c) ? c : EcsException.class;
            } catch (ClassNotFoundException e) {
                return EcsException.class;
            }
        });
        try {
            return (EcsException.Builder) type.getMethod("builder").invoke(null);
        } catch (ReflectiveOperationException e) {
            return EcsException.builder();
        }
    }

    public static EcsException clientException(String message) {
        return of("ClientException", message);
    }

    public static EcsException invalidParameter(String message) {
        return of("InvalidParameterException", message);
    }

    public static EcsException clusterNotFound() {
        return of("ClusterNotFoundException", "Cluster not found.");
    }

    public static EcsException serviceNotFound() {
        return of("ServiceNotFoundException", "Service not found.");
    }

    public static EcsException serviceNotActive() {
        return of("ServiceNotActiveException", "Service was not ACTIVE.");
    }

    public static EcsException limitExceeded(String message) {
        return of("LimitExceededException", message);
    }

    public static EcsException resourceInUse(String message) {
        return of("ResourceInUseException", message);
    }

    public static EcsException resourceNotFound(String message) {
        return of("ResourceNotFoundException", message);
    }

    public static EcsException targetNotFound(String message) {
        return of("TargetNotFoundException", message);
    }

    public static EcsException serverException(String message) {
        return of("ServerException", message, 500);
    }

    /**
     * Fails with InvalidParameterException naming the field when {@code value} is null or blank.
     */
    public static <T> T require(T value, String field) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw invalidParameter(field + " can not be null or empty.");
        }
        return value;
    }
}
