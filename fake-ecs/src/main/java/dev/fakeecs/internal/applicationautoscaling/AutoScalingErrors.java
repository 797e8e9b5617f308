package dev.fakeecs.internal.applicationautoscaling;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.ApplicationAutoScalingException;
import software.amazon.awssdk.services.applicationautoscaling.model.InvalidNextTokenException;
import software.amazon.awssdk.services.applicationautoscaling.model.LimitExceededException;
import software.amazon.awssdk.services.applicationautoscaling.model.ObjectNotFoundException;
import software.amazon.awssdk.services.applicationautoscaling.model.ResourceNotFoundException;
import software.amazon.awssdk.services.applicationautoscaling.model.TooManyTagsException;
import software.amazon.awssdk.services.applicationautoscaling.model.ValidationException;

/**
 * Builds the exceptions Application Auto Scaling answers with (HTTP 400, {@code __type} the error shape).
 *
 * <pre>{@code
 * throw AutoScalingErrors.validation("ECS service doesn't exist: service/prod/orders");
 * }</pre>
 */
public final class AutoScalingErrors {

    private AutoScalingErrors() {
    }

    /** An error with this code (the model's shape name) and message. */
    public static ApplicationAutoScalingException of(String code, String message) {
        AwsErrorDetails details = AwsErrorDetails.builder()
                .errorCode(code)
                .errorMessage(message)
                .serviceName("ApplicationAutoScaling")
                .sdkHttpResponse(SdkHttpResponse.builder().statusCode(400).build())
                .build();
        ApplicationAutoScalingException.Builder b = switch (code) {
            case "ValidationException" -> ValidationException.builder();
            case "ObjectNotFoundException" -> ObjectNotFoundException.builder();
            case "InvalidNextTokenException" -> InvalidNextTokenException.builder();
            case "LimitExceededException" -> LimitExceededException.builder();
            case "ResourceNotFoundException" -> ResourceNotFoundException.builder();
            case "TooManyTagsException" -> TooManyTagsException.builder();
            default -> ApplicationAutoScalingException.builder();
        };
        return (ApplicationAutoScalingException) b.message(message).statusCode(400).awsErrorDetails(details).build();
    }

    /** {@code ValidationException}. */
    public static ApplicationAutoScalingException validation(String message) {
        return of("ValidationException", message);
    }

    /** {@code ObjectNotFoundException}. */
    public static ApplicationAutoScalingException notFound(String message) {
        return of("ObjectNotFoundException", message);
    }

    /** {@code ObjectNotFoundException} for a scalable target that is not registered. */
    public static ApplicationAutoScalingException noTarget(String resourceId) {
        return notFound("No scalable target registered for service namespace: ecs, resource ID: " + resourceId
                + ", scalable dimension: ecs:service:DesiredCount");
    }

    /** {@code LimitExceededException}. */
    public static ApplicationAutoScalingException limit(String message) {
        return of("LimitExceededException", message);
    }

    /** {@code InvalidNextTokenException}. */
    public static ApplicationAutoScalingException invalidNextToken() {
        return of("InvalidNextTokenException", "Invalid token");
    }

    /** {@code ResourceNotFoundException} for a tagged resource ARN the region does not have. */
    public static ApplicationAutoScalingException noResource(String arn) {
        return of("ResourceNotFoundException", "No scalable target found for ARN " + arn);
    }
}
