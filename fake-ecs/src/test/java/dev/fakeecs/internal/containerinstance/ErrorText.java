package dev.fakeecs.internal.containerinstance;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** The bare ECS error message of an SDK exception (getMessage() appends service and status). */
public final class ErrorText {

    private ErrorText() {
    }

    public static String of(Throwable e) {
        if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
            return aws.awsErrorDetails().errorMessage();
        }
        return e.getMessage();
    }
}
