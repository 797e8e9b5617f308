package dev.fakeecs.internal.protocol;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkClient;

/**
 * What every protocol handler needs from the engine of one simulated service: the region a request names (its SigV4
 * credential scope, else the default region) resolved to that region's client, and whether the client implements an
 * operation of the SDK interface or leaves it to the interface's default (unsupported). Each handler words the
 * errors in its own protocol.
 *
 * <pre>{@code
 * RegionClients<EcsClient> clients = new RegionClients<>(EcsClient.class, name -> ecs.region(name).api(), "us-east-1");
 * EcsClient client = clients.forRegion(SigV4Scope.regionOf(authorization));   // null: no such region
 * }</pre>
 *
 * @param <C> the SDK client interface the engine implements
 */
public final class RegionClients<C extends SdkClient> {

    private final Class<?> clientInterface;
    private final Function<String, ? extends C> regions;
    private final String defaultRegion;
    private final Map<Class<?>, Map<String, Boolean>> implemented = new ConcurrentHashMap<>();

    /**
     * @param regions the engine of each region by name; null (or an IllegalArgumentException or
     *                NoSuchElementException) for a region the world does not have
     */
    public RegionClients(Class<?> clientInterface, Function<String, ? extends C> regions, String defaultRegion) {
        this.clientInterface = clientInterface;
        this.regions = regions;
        this.defaultRegion = defaultRegion;
    }

    /** The region a request goes to: the signed one, else the default. */
    public String regionOf(String signedRegion) {
        return signedRegion != null ? signedRegion : defaultRegion;
    }

    /** The client of the region a request goes to, or null if the world has no such region. */
    public C forRegion(String signedRegion) {
        try {
            return regions.apply(regionOf(signedRegion));
        } catch (IllegalArgumentException | NoSuchElementException e) {
            return null;
        }
    }

    /** The message every protocol gives for a region the world does not have. */
    public static String unknownRegion(String region) {
        return "The region '" + truncate(region) + "' is not declared in this fake-ecs world.";
    }

    /** Whether the client implements {@code method} of the SDK interface (rather than inherit its default). */
    public boolean isImplemented(C client, Method method) {
        return implemented.computeIfAbsent(client.getClass(), type -> new ConcurrentHashMap<>())
                .computeIfAbsent(method.getName(), name -> {
                    try {
                        return client.getClass().getMethod(name, method.getParameterTypes())
                                .getDeclaringClass() != clientInterface;
                    } catch (NoSuchMethodException e) {
                        return false;
                    }
                });
    }

    /** Client-supplied text cut to 200 characters for an error message (empty for null). */
    public static String truncate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
