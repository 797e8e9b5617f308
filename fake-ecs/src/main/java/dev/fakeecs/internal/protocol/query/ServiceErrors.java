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
 * <pre>{@code
 * QueryError e = ServiceErrors.of(ElasticLoadBalancingV2Client.class).of(targetGroupNotFound);
 * }</pre>
 */
final class ServiceErrors {

    private final Properties table;

    private ServiceErrors(Properties table) {
        this.table = table;
    }

    static ServiceErrors of(Class<?> clientInterface) {
        return new ServiceErrors(ServiceModelResources.table(clientInterface, "errors"));
    }

    QueryError of(SdkServiceException e) {
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
