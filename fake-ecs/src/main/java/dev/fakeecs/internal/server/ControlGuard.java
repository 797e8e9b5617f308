package dev.fakeecs.internal.server;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Keeps web pages away from the control API: a page open in a browser on the same machine can send
 * "simple" cross-site requests (a {@code text/plain} POST) and, through DNS rebinding, even read answers.
 * A control call is refused when it carries a foreign {@code Origin} (anything but an http(s) origin on a
 * host the server answers to; {@code Origin: null}, sent by sandboxed frames and {@code file:} pages,
 * included), a {@code Host} the server does not answer to, or a non-JSON {@code Content-Type} on a
 * request with a body method. Requests without {@code Origin} (SDKs, curl, scripts) pass.
 *
 * <p>The server answers to loopback addresses, {@code localhost}, the address it binds, and, when it binds
 * every interface, the machine's own addresses and host name, plus the names given with
 * {@code --allowed-host}. No name is ever resolved through DNS while checking a request.
 *
 * <pre>{@code
 * ControlGuard guard = ControlGuard.forBind("127.0.0.1", List.of());
 * String why = guard.refusal("POST", "127.0.0.1:4599", "https://evil.example", "application/json");
 * // "The control API refuses cross-origin requests: Origin 'https://evil.example' is not this server (...)"
 * guard.refusal("POST", "127.0.0.1:4599", null, "application/json");   // null: allowed
 * }</pre>
 */
public final class ControlGuard {

    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]*:[0-9a-f:.]*(%[0-9a-z]+)?");

    private final Set<String> names;
    private final boolean wildcard;

    private ControlGuard(Set<String> names, boolean wildcard) {
        this.names = names;
        this.wildcard = wildcard;
    }

    /** A guard for a server bound to {@code bindHost}, also answering to {@code extraHosts}. */
    public static ControlGuard forBind(String bindHost, Collection<String> extraHosts) {
        Set<String> names = new TreeSet<>();
        names.add("localhost");
        String bind = normalize(bindHost);
        boolean wildcard = bind.equals("0.0.0.0") || bind.equals("::") || bind.equals("0:0:0:0:0:0:0:0");
        names.add(bind);
        if (wildcard) {
            try {
                InetAddress local = InetAddress.getLocalHost();
                names.add(normalize(local.getHostName()));
                names.add(normalize(local.getCanonicalHostName()));
            } catch (UnknownHostException | SecurityException e) {
                // the machine has no resolvable name: its addresses and loopback still work
            }
        }
        for (String extra : extraHosts) {
            if (extra != null && !extra.isBlank()) {
                names.add(normalize(extra));
            }
        }
        return new ControlGuard(Set.copyOf(names), wildcard);
    }

    /**
     * Why this control request is refused, or {@code null} if it may pass.
     *
     * @param method      the HTTP method
     * @param host        the {@code Host} header (null if absent)
     * @param origin      the {@code Origin} header (null if absent)
     * @param contentType the {@code Content-Type} header (null if absent)
     */
    public String refusal(String method, String host, String origin, String contentType) {
        if (host != null && !answersTo(hostOf(host))) {
            return "The control API refuses requests for Host '" + host + "': this server answers to "
                    + String.join(", ", names) + " and loopback addresses (add a name with --allowed-host)";
        }
        if (origin != null) {
            String originHost = originHost(origin.trim());
            if (originHost == null || !answersTo(originHost)) {
                return "The control API refuses cross-origin requests: Origin '" + origin
                        + "' is not this server (send no Origin header, as SDKs, curl and scripts do)";
            }
        }
        if (contentType != null && !method.equals("GET") && !method.equals("HEAD") && !isJson(contentType)) {
            return "The control API takes JSON: Content-Type '" + contentType
                    + "' is refused (send application/json, or no Content-Type)";
        }
        return null;
    }

    private boolean answersTo(String host) {
        if (host.isEmpty()) {
            return false;
        }
        if (names.contains(host)) {
            return true;
        }
        if (!isIpLiteral(host)) {
            return false;
        }
        try {
            InetAddress address = InetAddress.getByName(host); // a literal: no DNS lookup
            if (address.isLoopbackAddress()) {
                return true;
            }
            return wildcard && NetworkInterface.getByInetAddress(address) != null;
        } catch (java.io.IOException | SecurityException e) {
            return false;
        }
    }

    private static boolean isJson(String contentType) {
        String media = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return media.equals("application/json") || media.endsWith("+json") || media.startsWith("application/x-amz-json");
    }

    private static String originHost(String origin) {
        try {
            URI uri = new URI(origin);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                return null;
            }
            return normalize(uri.getHost());
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /** The host part of a {@code Host} header ({@code name}, {@code name:port}, {@code [v6]:port}), normalized. */
    static String hostOf(String header) {
        String h = header.trim();
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? "" : normalize(h.substring(0, end + 1));
        }
        int colon = h.indexOf(':');
        if (colon >= 0 && h.indexOf(':', colon + 1) < 0) {
            h = h.substring(0, colon);
        }
        return normalize(h);
    }

    private static String normalize(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return h;
    }

    private static boolean isIpLiteral(String host) {
        return IPV4.matcher(host).matches() || IPV6.matcher(host).matches();
    }
}
