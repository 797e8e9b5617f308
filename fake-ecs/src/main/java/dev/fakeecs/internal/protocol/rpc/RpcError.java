package dev.fakeecs.internal.protocol.rpc;

/**
 * An error answer of an RPC protocol: the error shape named in {@code __type}, the AWS Query code and fault of the
 * {@code x-amzn-query-error} header ({@code awsQueryCompatible} services), the HTTP status and the message.
 *
 * <pre>{@code
 * throw new RpcError("InvalidParameterValueException", "InvalidParameterValue", false, 400, "The value ...");
 * }</pre>
 */
final class RpcError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String type;
    private final String code;
    private final boolean receiverFault;
    private final int status;

    RpcError(String type, String code, boolean receiverFault, int status, String message) {
        super(message == null ? "" : message, null, false, false);
        this.type = type;
        this.code = code;
        this.receiverFault = receiverFault;
        this.status = status;
    }

    /** A client error whose shape and Query code are both {@code type}. */
    static RpcError sender(String type, int status, String message) {
        return new RpcError(type, type, false, status, message);
    }

    /** The error shape's name ({@code __type}). */
    String type() {
        return type;
    }

    /** The Query error code, e.g. {@code InvalidParameterValue}. */
    String code() {
        return code;
    }

    /** The {@code x-amzn-query-error} header's value: {@code Code;Sender} or {@code Code;Receiver}. */
    String queryError() {
        return code + ";" + (receiverFault ? "Receiver" : "Sender");
    }

    int status() {
        return status;
    }
}
