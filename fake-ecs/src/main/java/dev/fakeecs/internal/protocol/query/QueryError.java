package dev.fakeecs.internal.protocol.query;

import java.util.Objects;

/**
 * An error answer of the AWS Query protocol: {@code <ErrorResponse><Error><Type>Sender</Type><Code>..</Code>
 * <Message>..</Message></Error><RequestId>..</RequestId></ErrorResponse>} with an HTTP status; the type is
 * {@code Receiver} for 5xx statuses, else {@code Sender}.
 *
 * <pre>{@code
 * throw QueryError.sender("InvalidAction", "The action Foo is not valid for this web service.");
 * }</pre>
 */
final class QueryError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Code of requests whose values break the service model (required members, enums, ranges). */
    static final String VALIDATION_ERROR = "ValidationError";

    private final String code;
    private final int status;

    QueryError(String code, int status, String message) {
        super(message == null ? "" : message, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.status = status;
    }

    /** A 400 error the client caused. */
    static QueryError sender(String code, String message) {
        return new QueryError(code, 400, message);
    }

    String code() {
        return code;
    }

    int status() {
        return status;
    }

    /** {@code Receiver} for 5xx, else {@code Sender}. */
    String type() {
        return status >= 500 ? "Receiver" : "Sender";
    }
}
