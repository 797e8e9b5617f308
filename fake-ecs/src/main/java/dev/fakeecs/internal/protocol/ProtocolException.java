package dev.fakeecs.internal.protocol;

import java.util.Objects;

/**
 * A client mistake found while reading an AWS JSON 1.1 request: the request is answered with
 * {@code {"__type": errorType(), "message": getMessage()}} and {@link #statusCode()}.
 *
 * <pre>{@code
 * throw ProtocolException.serialization("NUMBER_VALUE can not be converted to a String at 'family'");
 * }</pre>
 */
public final class ProtocolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** {@code __type} of malformed JSON and of a member of the wrong JSON type. */
    public static final String SERIALIZATION = "SerializationException";
    /** {@code __type} of a missing required member (the ECS model's own client error). */
    public static final String INVALID_PARAMETER = "InvalidParameterException";
    /** {@code __type} of an {@code X-Amz-Target} that names no ECS operation. */
    public static final String UNKNOWN_OPERATION = "UnknownOperationException";
    /** {@code __type} of an ECS operation that fake-ecs does not implement. */
    public static final String UNSUPPORTED_OPERATION = "UnsupportedOperation";
    /** {@code __type} of a request body over the size limit. */
    public static final String REQUEST_TOO_LARGE = "RequestEntityTooLargeException";

    private final String errorType;
    private final int statusCode;

    /**
     * @param errorType  the {@code __type} the client sees, e.g. {@code "SerializationException"}
     * @param statusCode the HTTP status, a 4xx for client mistakes
     * @param message    the message the client sees
     */
    public ProtocolException(String errorType, int statusCode, String message) {
        super(message, null, false, false);
        this.errorType = Objects.requireNonNull(errorType, "errorType");
        this.statusCode = statusCode;
    }

    /** A 400 {@code SerializationException} with the given message. */
    public static ProtocolException serialization(String message) {
        return new ProtocolException(SERIALIZATION, 400, message);
    }

    /** A 400 {@code InvalidParameterException} with the given message. */
    public static ProtocolException invalidParameter(String message) {
        return new ProtocolException(INVALID_PARAMETER, 400, message);
    }

    /** The {@code __type} of the error response. */
    public String errorType() {
        return errorType;
    }

    /** The HTTP status of the error response. */
    public int statusCode() {
        return statusCode;
    }
}
