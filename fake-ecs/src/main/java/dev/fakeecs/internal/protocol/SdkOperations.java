package dev.fakeecs.internal.protocol;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

/**
 * The operations of an SDK client interface by their wire name (a Query {@code Action}, the operation of an
 * {@code X-Amz-Target} or of a Smithy RPC v2 path): every method taking one
 * request class and answering a response class, named as the operation with a lower-case first letter
 * ({@code createTargetGroup(CreateTargetGroupRequest)} is {@code CreateTargetGroup}).
 *
 * <pre>{@code
 * SdkOperations ops = SdkOperations.of(ElasticLoadBalancingV2Client.class);
 * Method m = ops.method("CreateTargetGroup");
 * }</pre>
 */
public final class SdkOperations {

    private final Map<String, Method> byName;

    private SdkOperations(Map<String, Method> byName) {
        this.byName = byName;
    }

    /** The operations of {@code clientInterface}, scanned by reflection (once per handler). */
    public static SdkOperations of(Class<?> clientInterface) {
        Map<String, Method> map = new TreeMap<>();
        for (Method m : clientInterface.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || m.getParameterCount() != 1
                    || !SdkResponse.class.isAssignableFrom(m.getReturnType())) {
                continue;
            }
            Class<?> parameter = m.getParameterTypes()[0];
            if (!SdkRequest.class.isAssignableFrom(parameter) || Modifier.isAbstract(parameter.getModifiers())) {
                continue;
            }
            String name = m.getName();
            map.put(Character.toUpperCase(name.charAt(0)) + name.substring(1), m);
        }
        if (map.isEmpty()) {
            throw new IllegalArgumentException(clientInterface.getName() + " has no SDK operations");
        }
        return new SdkOperations(Map.copyOf(map));
    }

    /** The client method of the operation named {@code action} (case-sensitive), or {@code null}. */
    public Method method(String action) {
        return action == null ? null : byName.get(action);
    }

    /** Every operation name. */
    public java.util.Set<String> names() {
        return byName.keySet();
    }
}
