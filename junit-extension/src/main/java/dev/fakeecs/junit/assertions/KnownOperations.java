package dev.fakeecs.junit.assertions;

import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The operation names of every simulated service, read from the AWS SDK client interfaces (a method taking an
 * {@code XxxRequest} is operation {@code Xxx}), so that a call verification can refuse a misspelt operation.
 *
 * <pre>{@code
 * KnownOperations.isKnown("UpdateService");   // true
 * KnownOperations.suggestion("UpdateSevice"); // "; did you mean UpdateService?"
 * }</pre>
 */
final class KnownOperations {

    private static final Set<String> NAMES = names();

    private KnownOperations() {
    }

    static boolean isKnown(String operation) {
        return operation != null && NAMES.contains(operation);
    }

    /** {@code "; did you mean X?"} for the closest known name, or "" when none is close. */
    static String suggestion(String operation) {
        if (operation == null) {
            return "";
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : NAMES) {
            int d = distance(operation.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = name;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(2, operation.length() / 4) ? "; did you mean " + best + "?" : "";
    }

    private static Set<String> names() {
        Set<String> names = new TreeSet<>();
        for (Class<?> client : new Class<?>[] {EcsClient.class, ElasticLoadBalancingV2Client.class, CloudWatchClient.class,
                ApplicationAutoScalingClient.class}) {
            for (Method m : client.getMethods()) {
                if (m.getParameterCount() == 1 && m.getParameterTypes()[0].getSimpleName().endsWith("Request")) {
                    String type = m.getParameterTypes()[0].getSimpleName();
                    names.add(type.substring(0, type.length() - "Request".length()));
                }
            }
        }
        return Set.copyOf(names);
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
