package dev.fakeecs.internal.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.ServerException;

/**
 * An error answer: status, {@code __type}, message, and any modeled members of the exception
 * (e.g. {@code ConflictException.resourceIds}), turned into the AWS JSON 1.1 error body.
 */
final class ErrorBody {

    private static final String ECS_MODEL_PACKAGE = "software.amazon.awssdk.services.ecs.model.";

    private final int status;
    private final String type;
    private final String message;
    private final ObjectNode extra;

    private ErrorBody(int status, String type, String message, ObjectNode extra) {
        this.status = status;
        this.type = type;
        this.message = message == null ? "" : message;
        this.extra = extra;
    }

    static ErrorBody of(int status, String type, String message) {
        return new ErrorBody(status, type, message, null);
    }

    static ErrorBody of(ProtocolException e) {
        return of(e.statusCode(), e.errorType(), e.getMessage());
    }

    /** The answer to a service exception thrown by the engine; respects its {@code statusCode()}. */
    static ErrorBody of(SdkServiceException e, SdkJsonCodec codec) {
        int status = e.statusCode() > 0 ? e.statusCode() : e instanceof ServerException ? 500 : 400;
        String type = null;
        String message = null;
        if (e instanceof AwsServiceException) {
            AwsErrorDetails details = ((AwsServiceException) e).awsErrorDetails();
            if (details != null) {
                type = details.errorCode();
                message = details.errorMessage();
            }
        }
        if (type == null || type.isBlank()) {
            // an ECS model exception is named as ECS names it; anything else by its status, never its class
            boolean modeled = e.getClass().getName().startsWith(ECS_MODEL_PACKAGE) && !(e.getClass() == EcsException.class);
            type = modeled ? e.getClass().getSimpleName() : status >= 500 ? "ServerException" : "ClientException";
        }
        if (message == null) {
            message = stripServiceSuffix(e.getMessage());
        }
        ObjectNode extra = null;
        try {
            extra = codec.encodeModeled(e);
        } catch (RuntimeException notModeled) {
            // a plain EcsException or a foreign exception class: no modeled members
        }
        return new ErrorBody(status, type, message, extra);
    }

    /** This error answered as {@code newType} (modeled members dropped if the type changes). */
    ErrorBody withType(String newType) {
        if (newType == null || newType.equals(type)) {
            return this;
        }
        return new ErrorBody(status, newType, message, null);
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }

    String message() {
        return message;
    }

    ObjectNode toJson(SdkJsonCodec codec) {
        ObjectNode body = codec.nodeFactory().objectNode();
        body.put("__type", type);
        body.put("message", message);
        if (extra != null) {
            extra.fields().forEachRemaining(field -> {
                if (!body.has(field.getKey())) {
                    body.set(field.getKey(), field.getValue());
                }
            });
        }
        return body;
    }

    /** {@code "Cluster not found. (Service: Ecs, Status Code: 400, Request ID: ...)"} becomes {@code "Cluster not found."}. */
    private static String stripServiceSuffix(String message) {
        if (message == null) {
            return "";
        }
        int suffix = message.lastIndexOf(" (Service: ");
        return suffix >= 0 ? message.substring(0, suffix) : message;
    }
}
