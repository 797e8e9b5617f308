package dev.fakeecs.internal.protocol.query;

import dev.fakeecs.internal.protocol.ServiceModelResources;
import java.util.Locale;
import java.util.Properties;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * How a service's SDK exceptions travel as Query errors: the code and status the exception carries
 * ({@code awsErrorDetails().errorCode()}, {@code statusCode()}), else those of the service model's error table
 * ({@code <service>-errors.properties}: {@code SslPolicyNotFoundException} is {@code SSLPolicyNotFound},
 * {@code HealthUnavailableException} is a 500), else the class name without {@code Exception} and 400. The
 * service's base exception class, which names no error, is {@code ValidationError} (4xx) or
 * {@code InternalFailure} (5xx).
 *
 * <p>An exception of another service (the region's API faults are shared by every service of the region and
 * throw ECS's types) is answered as this service's front end would answer it: a 503 (a region outage, ECS's
 * {@code ServiceUnavailableException}) is {@code ServiceUnavailable} 503 "Service Unavailable"; ECS's
 * {@code ThrottlingException} is the Query protocol's {@code Throttling} 400 "Rate exceeded"; ECS's
 * {@code ServerException} 500 is {@code InternalFailure} 500; {@code AccessDeniedException} is
 * {@code AccessDenied} 403; a code this service models, with or without its {@code Exception} suffix
 * ({@code TargetGroupNotFound}), takes the model's code and status; any other code is kept as it is.
 *
 * <pre>{@code
 * QueryError e = ServiceErrors.of(ElasticLoadBalancingV2Client.class).of(targetGroupNotFound);
 * }</pre>
 */
final class ServiceErrors {

    /** The Query protocol's answer to a request refused because the service is unavailable. */
    static final String SERVICE_UNAVAILABLE_MESSAGE = "Service Unavailable";

    private final Properties table;
    private final String modelPackage;

    private ServiceErrors(Properties table, String modelPackage) {
        this.table = table;
        this.modelPackage = modelPackage;
    }

    static ServiceErrors of(Class<?> clientInterface) {
        return new ServiceErrors(ServiceModelResources.table(clientInterface, "errors"),
                clientInterface.getPackageName() + ".model");
    }

    QueryError of(SdkServiceException e) {
        if (!e.getClass().getPackageName().equals(modelPackage)) {
            return foreign(e);
        }
        String code = null;
        String message = null;
        if (e instanceof AwsServiceException) {
            AwsErrorDetails details = ((AwsServiceException) e).awsErrorDetails();
            if (details != null) {
                code = details.errorCode();
                message = details.errorMessage();
            }
        }
        String[] modeled = modeled(e.getClass());
        int status = e.statusCode() > 0 ? e.statusCode() : modeled != null ? parseStatus(modeled[1]) : 400;
        if (code == null || code.isBlank()) {
            if (modeled != null) {
                code = modeled[0];
            } else if (isModeledSubclass(e.getClass())) {
                String name = e.getClass().getSimpleName();
                code = name.endsWith("Exception") ? name.substring(0, name.length() - "Exception".length()) : name;
            } else {
                code = status >= 500 ? "InternalFailure" : QueryError.VALIDATION_ERROR;
            }
        }
        if (message == null) {
            message = stripServiceSuffix(e.getMessage());
        }
        return new QueryError(code, status, message);
    }

    /** Another service's exception (a region-wide API fault), answered in this service's terms. */
    private QueryError foreign(SdkServiceException e) {
        String code = null;
        String message = null;
        if (e instanceof AwsServiceException && ((AwsServiceException) e).awsErrorDetails() != null) {
            code = ((AwsServiceException) e).awsErrorDetails().errorCode();
            message = ((AwsServiceException) e).awsErrorDetails().errorMessage();
        }
        int status = e.statusCode() > 0 ? e.statusCode() : 400;
        if (code == null || code.isBlank()) {
            code = status >= 500 ? "InternalFailure" : QueryError.VALIDATION_ERROR;
        }
        if (message == null) {
            message = stripServiceSuffix(e.getMessage());
        }
        if (status == 503 || code.equals("ServiceUnavailableException") || code.equals("ServiceUnavailable")) {
            return new QueryError("ServiceUnavailable", 503, SERVICE_UNAVAILABLE_MESSAGE);
        }
        switch (code) {
            case "ThrottlingException":
            case "Throttling":
                return new QueryError("Throttling", 400, "Rate exceeded");
            case "ServerException":
            case "InternalFailure":
                return new QueryError("InternalFailure", 500,
                        "The request processing has failed because of an unknown error, exception or failure.");
            case "AccessDeniedException":
                return new QueryError("AccessDenied", 403, "User is not authorized to perform this action");
            default:
                break;
        }
        String key = code.toLowerCase(Locale.ROOT);
        String entry = table.getProperty(key.endsWith("exception") ? key : key + "exception");
        if (entry != null && entry.split(",").length == 2) {
            String[] modeled = entry.split(",");
            return new QueryError(modeled[0], parseStatus(modeled[1]), message);
        }
        return new QueryError(code, status, message);
    }

    private String[] modeled(Class<?> type) {
        String entry = table.getProperty(type.getSimpleName().toLowerCase(Locale.ROOT));
        if (entry == null) {
            return null;
        }
        String[] parts = entry.split(",");
        return parts.length == 2 ? parts : null;
    }

    /** A service's specific exception (its superclass is the service's base exception, not the SDK's). */
    private static boolean isModeledSubclass(Class<?> type) {
        Class<?> parent = type.getSuperclass();
        return parent != null && parent != AwsServiceException.class && parent != SdkServiceException.class
                && AwsServiceException.class.isAssignableFrom(parent) && type.getName().startsWith("software.amazon.awssdk.services.");
    }

    private static int parseStatus(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return 400;
        }
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
