package dev.fakeecs.internal.cloudwatch;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.InternalServiceException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidFormatException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidNextTokenException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterCombinationException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.LimitExceededException;
import software.amazon.awssdk.services.cloudwatch.model.MissingRequiredParameterException;
import software.amazon.awssdk.services.cloudwatch.model.ResourceNotFoundException;

/**
 * Builds the exceptions CloudWatch answers with: the SDK's exception class for the Query error code, carrying
 * that code ({@code InvalidParameterValue}, {@code ResourceNotFound}, ...) and the HTTP status in its
 * {@link AwsErrorDetails}, so every wire protocol renders the code and message from it.
 *
 * <pre>{@code
 * throw CloudWatchErrors.invalidValue("The parameter Period must be a multiple of 60 or equal to 10, 20, 30.");
 * }</pre>
 */
public final class CloudWatchErrors {

    private CloudWatchErrors() {
    }

    /** An error with this Query code, message and HTTP status. */
    public static CloudWatchException of(String code, String message, int status) {
        AwsErrorDetails details = AwsErrorDetails.builder()
                .errorCode(code)
                .errorMessage(message)
                .serviceName("CloudWatch")
                .sdkHttpResponse(SdkHttpResponse.builder().statusCode(status).build())
                .build();
        CloudWatchException.Builder b = switch (code) {
            case "InvalidParameterValue" -> InvalidParameterValueException.builder();
            case "InvalidParameterCombination" -> InvalidParameterCombinationException.builder();
            case "MissingParameter" -> MissingRequiredParameterException.builder();
            case "ResourceNotFound" -> ResourceNotFoundException.builder();
            case "LimitExceeded" -> LimitExceededException.builder();
            case "InvalidNextToken" -> InvalidNextTokenException.builder();
            case "InvalidFormat" -> InvalidFormatException.builder();
            case "InternalServiceError" -> InternalServiceException.builder();
            default -> CloudWatchException.builder();
        };
        return (CloudWatchException) b.message(message).statusCode(status).awsErrorDetails(details).build();
    }

    /** {@code InvalidParameterValue} (400). */
    public static CloudWatchException invalidValue(String message) {
        return of("InvalidParameterValue", message, 400);
    }

    /** {@code InvalidParameterCombination} (400). */
    public static CloudWatchException invalidCombination(String message) {
        return of("InvalidParameterCombination", message, 400);
    }

    /** {@code MissingParameter} (400) with AWS's text for the parameter. */
    public static CloudWatchException missing(String parameter) {
        return of("MissingParameter", "The parameter " + parameter + " is required.", 400);
    }

    /** {@code ResourceNotFound} (404). */
    public static CloudWatchException notFound(String message) {
        return of("ResourceNotFound", message, 404);
    }

    /** {@code InvalidNextToken} (400). */
    public static CloudWatchException invalidNextToken() {
        return of("InvalidNextToken", "The service returned an invalid NextToken.", 400);
    }

    /** {@code ValidationError} (400): a value outside its modelled constraint. */
    public static CloudWatchException validation(String message) {
        return of("ValidationError", message, 400);
    }
}
