package dev.fakeecs.internal.elbv2;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the exceptions Elastic Load Balancing v2 answers with: the SDK's own exception class for the error
 * code ({@code TargetGroupNotFound} → {@code TargetGroupNotFoundException}), carrying the wire code and HTTP
 * status in its {@link AwsErrorDetails}, so the Query protocol layer renders {@code <Code>} and
 * {@code <Message>} from it.
 *
 * <pre>{@code
 * throw ElbErrors.of("TargetGroupNotFound", "One or more target groups not found");
 * throw ElbErrors.validation("Health check interval must be greater than the timeout.");
 * }</pre>
 */
public final class ElbErrors {

    private static final String MODEL_PACKAGE = "software.amazon.awssdk.services.elasticloadbalancingv2.model.";
    private static final Map<String, Class<?>> CLASSES = new ConcurrentHashMap<>();
    /** Wire codes whose SDK exception class is not named {@code {code}Exception}. */
    private static final Map<String, String> CLASS_NAMES = Map.of(
            "SSLPolicyNotFound", "SslPolicyNotFound",
            "ALPNPolicyNotFound", "AlpnPolicyNotSupported",
            "AssociationNotFound", "TrustStoreAssociationNotFound");

    private ElbErrors() {
    }

    /** An error with this wire code and message, HTTP 400 ({@code HealthUnavailable}: 500). */
    public static ElasticLoadBalancingV2Exception of(String code, String message) {
        return of(code, message, "HealthUnavailable".equals(code) ? 500 : 400);
    }

    /** An error with this wire code, message and HTTP status. */
    public static ElasticLoadBalancingV2Exception of(String code, String message, int status) {
        AwsErrorDetails details = AwsErrorDetails.builder()
                .errorCode(code)
                .errorMessage(message)
                .serviceName("ElasticLoadBalancingV2")
                .sdkHttpResponse(SdkHttpResponse.builder().statusCode(status).build())
                .build();
        return (ElasticLoadBalancingV2Exception) builderFor(code).message(message).statusCode(status)
                .awsErrorDetails(details).build();
    }

    private static ElasticLoadBalancingV2Exception.Builder builderFor(String code) {
        Class<?> type = CLASSES.computeIfAbsent(code, c -> {
            try {
                Class<?> found = Class.forName(MODEL_PACKAGE + CLASS_NAMES.getOrDefault(c, c) + "Exception");
                return ElasticLoadBalancingV2Exception.class.isAssignableFrom(found)
                        ? found : ElasticLoadBalancingV2Exception.class;
            } catch (ClassNotFoundException e) {
                return ElasticLoadBalancingV2Exception.class;
            }
        });
        try {
            return (ElasticLoadBalancingV2Exception.Builder) type.getMethod("builder").invoke(null);
        } catch (ReflectiveOperationException e) {
            return ElasticLoadBalancingV2Exception.builder();
        }
    }

    /** {@code ValidationError}: a value outside its modelled constraint. */
    public static ElasticLoadBalancingV2Exception validation(String message) {
        return of("ValidationError", message);
    }

    /** The AWS text for a number below its minimum. */
    static ElasticLoadBalancingV2Exception tooSmall(String field, Object value, long min) {
        return validation("1 validation error detected: Value '" + value + "' at '" + field
                + "' failed to satisfy constraint: Member must have value greater than or equal to " + min);
    }

    /** The AWS text for a number above its maximum. */
    static ElasticLoadBalancingV2Exception tooLarge(String field, Object value, long max) {
        return validation("1 validation error detected: Value '" + value + "' at '" + field
                + "' failed to satisfy constraint: Member must have value less than or equal to " + max);
    }

    /** Checks {@code min <= value <= max} (null passes). */
    static void range(String field, Integer value, long min, long max) {
        if (value == null) {
            return;
        }
        if (value < min) {
            throw tooSmall(field, value, min);
        }
        if (value > max) {
            throw tooLarge(field, value, max);
        }
    }

    static ElasticLoadBalancingV2Exception invalidConfiguration(String message) {
        return of("InvalidConfigurationRequest", message);
    }

    static ElasticLoadBalancingV2Exception targetGroupNotFound() {
        return of("TargetGroupNotFound", "One or more target groups not found");
    }

    static ElasticLoadBalancingV2Exception targetGroupNotFound(String arn) {
        return of("TargetGroupNotFound", "Target group '" + arn + "' not found");
    }

    static ElasticLoadBalancingV2Exception loadBalancerNotFound() {
        return of("LoadBalancerNotFound", "One or more load balancers not found");
    }

    static ElasticLoadBalancingV2Exception listenerNotFound() {
        return of("ListenerNotFound", "One or more listeners not found");
    }

    static ElasticLoadBalancingV2Exception ruleNotFound() {
        return of("RuleNotFound", "One or more rules not found");
    }
}
