package dev.fakeecs.internal.protocol;

import dev.fakeecs.internal.error.EcsErrors;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.ecs.model.EcsException;

/**
 * Keeps every error an operation answers within the error types its model declares, read from the
 * {@code throws} clause of the SDK's {@code EcsClient} method (e.g. DiscoverPollEndpoint declares
 * ServerException, ClientException, InvalidParameterException and AccessDeniedException, so a
 * ClusterNotFoundException becomes a ClientException with the same message). Errors that are not ECS
 * model types (SerializationException, ThrottlingException, ...) are common to every operation and
 * pass unchanged, and so do the undeclared types listed in {@code CONFORMED}'s comment.
 *
 * <pre>{@code
 * String type = DeclaredErrors.typeFor("DiscoverPollEndpoint", "ClusterNotFoundException", 400); // "ClientException"
 * }</pre>
 */
public final class DeclaredErrors {

    private static final String MODEL_PACKAGE = "software.amazon.awssdk.services.ecs.model.";
    private static final Set<String> MODELED = modeledErrors();
    /**
     * The undeclared types that are conformed. Only the cluster's not-found error: the engine's other
     * undeclared answers (LimitExceededException for the tasks- and services-per-cluster quotas,
     * ResourceNotFoundException from ListTagsForResource) are kept as ECS gives them in practice.
     */
    private static final Set<String> CONFORMED = Set.of("ClusterNotFoundException");
    private static final ConcurrentHashMap<String, Set<String>> DECLARED = new ConcurrentHashMap<>();

    private DeclaredErrors() {
    }

    /**
     * The error type to answer for an error of type {@code errorType} with HTTP {@code status} raised by
     * {@code operation}: the type itself if the operation declares it or it is not an ECS model error
     * type, else ServerException (5xx), ClientException or InvalidParameterException, whichever the
     * operation declares.
     */
    public static String typeFor(String operation, String errorType, int status) {
        if (operation == null || errorType == null || !MODELED.contains(errorType) || !CONFORMED.contains(errorType)) {
            return errorType;
        }
        Set<String> declared = declared(operation);
        if (declared.isEmpty() || declared.contains(errorType)) {
            return errorType;
        }
        if (status >= 500 && declared.contains("ServerException")) {
            return "ServerException";
        }
        if (declared.contains("ClientException")) {
            return "ClientException";
        }
        return declared.contains("InvalidParameterException") ? "InvalidParameterException" : errorType;
    }

    /** {@code e} if its type is declared by {@code operation}, else the same error as a declared type. */
    public static EcsException conform(String operation, EcsException e) {
        AwsErrorDetails details = e.awsErrorDetails();
        String type = details == null ? null : details.errorCode();
        int status = e.statusCode() > 0 ? e.statusCode() : 400;
        String conformed = typeFor(operation, type, status);
        if (conformed == null || conformed.equals(type)) {
            return e;
        }
        String message = details.errorMessage() != null ? details.errorMessage() : e.getMessage();
        return EcsErrors.of(conformed, message, status);
    }

    /** The ECS model error types {@code operation} declares (empty for an unknown operation). */
    static Set<String> declared(String operation) {
        return DECLARED.computeIfAbsent(operation, name -> {
            EcsOperation op = EcsOperation.named(name);
            if (op == null) {
                return Set.of();
            }
            return Stream.of(op.method().getExceptionTypes())
                    .filter(c -> EcsException.class.isAssignableFrom(c) && c != EcsException.class)
                    .map(Class::getSimpleName)
                    .collect(Collectors.toUnmodifiableSet());
        });
    }

    /** Every ECS model error type any operation declares. */
    private static Set<String> modeledErrors() {
        return EcsOperation.all().values().stream()
                .flatMap(op -> Stream.of(op.method().getExceptionTypes()))
                .filter(c -> EcsException.class.isAssignableFrom(c) && c != EcsException.class
                        && c.getName().startsWith(MODEL_PACKAGE))
                .map(Class::getSimpleName)
                .collect(Collectors.toUnmodifiableSet());
    }
}
