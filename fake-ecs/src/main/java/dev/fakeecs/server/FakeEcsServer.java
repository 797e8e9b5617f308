package dev.fakeecs.server;

import dev.fakeecs.internal.server.InlineApi;
import dev.fakeecs.internal.server.WallLatency;
import dev.fakeecs.internal.server.ServerExchangeHandler;
import dev.fakeecs.internal.server.InJvmControlBackend;
import dev.fakeecs.internal.server.ControlApi;
import dev.fakeecs.internal.server.ControlGuard;
import dev.fakeecs.FakeEcs;
import dev.fakeecs.fault.FaultInjector;

import dev.fakeecs.internal.server.NettyHttpServer;
import java.time.Duration;
import dev.fakeecs.internal.protocol.ProtocolRouter;
import dev.fakeecs.internal.protocol.catalog.SimulatedServices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP server speaking the AWS wire protocols of the simulated services: {@code POST /} goes to
 * the service the request belongs to, {@code GET /} answers a health line, and {@code /_fake-ecs/...} goes
 * to the control API. Binds {@code 127.0.0.1} and a free port; keeps connections alive (HTTP/1.1, pipelining);
 * reads and writes on Netty event loops and answers on a small fixed pool of daemon request threads, with
 * request and idle timeouts, so stalled or slow clients never hold up others. The runnable jar ({@link FakeEcsServerMain}) serves the same way.
 *
 * <pre>{@code
 * try (FakeEcsServer server = FakeEcsServer.start(ecs)) {
 *     EcsClient client = EcsClient.builder().endpointOverride(server.endpoint()) ... .build();
 * }
 * }</pre>
 */
public final class FakeEcsServer implements AutoCloseable {

    /** The default request timeout: a request must arrive in full (line, headers, body) within it. */
    static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(20);
    /** The default idle timeout: a connection without traffic for this long is closed. */
    static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

    private final NettyHttpServer server;
    private final URI endpoint;

    private FakeEcsServer(Builder builder) throws IOException {
        ControlGuard guard = builder.controlApiOn ? ControlGuard.forBind(builder.host, builder.allowedHosts) : null;
        ServerExchangeHandler exchangeHandler = new ServerExchangeHandler(builder.protocol, builder.controlApi,
                builder.wallLatency, guard);
        ExecutorService executor = Executors.newFixedThreadPool(builder.threads, new DaemonThreads());
        try {
            this.server = new NettyHttpServer(new InetSocketAddress(builder.host, builder.port), exchangeHandler,
                    new InlineApi(builder.protocol, builder.wallLatency),
                    builder.protocol.maxBodyBytes(), executor, builder.requestTimeout, builder.idleTimeout);
        } catch (IOException | RuntimeException e) {
            executor.shutdownNow();
            throw e;
        }
        String host = server.address().getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        this.endpoint = URI.create("http://" + host + ":" + server.address().getPort());
    }

    /**
     * Starts a loopback HTTP server (127.0.0.1, a free port) speaking ECS and the control API for this
     * world; the world stops it when it closes.
     *
     * <pre>{@code
     * FakeEcsServer server = FakeEcsServer.start(ecs);
     * System.setProperty("aws.endpointUrlEcs", server.endpoint().toString());
     * }</pre>
     */
    public static FakeEcsServer start(FakeEcs ecs) {
        return start(ecs, 0);
    }

    /** Starts the loopback server for this world on a given port (0 picks a free one). */
    public static FakeEcsServer start(FakeEcs ecs, int port) {
        return ecs.closeWithWorld(builder()
                .protocol(SimulatedServices.router(ecs::region, ecs.defaultRegion().name(), ecs.callRecorder()))
                .controlApi(ControlApi.of(new InJvmControlBackend(ecs)))
                .wallLatency((region, op) -> FaultInjector.of(ecs).wallLatencyFor(
                        region == null ? ecs.defaultRegion().name() : region, op))
                .host("127.0.0.1").port(port).start());
    }

    /** A builder: host {@code 127.0.0.1}, port 0 (a free one), a protocol router required. */
    static Builder builder() {
        return new Builder();
    }

    /** The port the server listens on (the chosen one when started with port 0). */
    public int port() {
        return server.address().getPort();
    }

    /** Whether the server listens on a loopback address only (false: other machines can reach it). */
    boolean loopbackOnly() {
        return server.address().getAddress().isLoopbackAddress();
    }

    /** {@code http://127.0.0.1:PORT}: the endpoint to give SDK clients and tools. */
    public URI endpoint() {
        return endpoint;
    }

    /** Stops accepting, finishes in-flight exchanges briefly, and stops the threads. */
    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return "FakeEcsServer[" + endpoint + "]";
    }

    /** Configures and starts a {@link FakeEcsServer}. */
    static final class Builder {
        private ProtocolRouter protocol;
        private ControlApi controlApi = ControlApi.none();
        private String host = "127.0.0.1";
        private WallLatency wallLatency = WallLatency.NONE;
        private int port;
        private boolean controlApiOn = true;
        private java.util.List<String> allowedHosts = java.util.List.of();
        private int threads = DEFAULT_THREADS;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;

        private Builder() {
        }

        /** Where {@code POST /} requests go (required). */
        Builder protocol(ProtocolRouter protocol) {
            this.protocol = Objects.requireNonNull(protocol, "protocol");
            return this;
        }

        /** Where {@code /_fake-ecs/...} requests go (default: none, answered 404). */
        public Builder controlApi(ControlApi controlApi) {
            this.controlApi = Objects.requireNonNull(controlApi, "controlApi");
            return this;
        }

        /**
         * Whether {@code /_fake-ecs/...} is served (default true); off, every control path answers 404,
         * whatever {@link #controlApi} says.
         */
        Builder controlApiEnabled(boolean on) {
            this.controlApiOn = on;
            return this;
        }

        /**
         * Host names the control API answers to besides loopback, {@code localhost} and the bind address
         * (e.g. a container name); other {@code Host} and {@code Origin} values are refused 403.
         */
        Builder allowedHosts(java.util.List<String> hosts) {
            this.allowedHosts = java.util.List.copyOf(hosts);
            return this;
        }

        /** Wall-clock delays per region and operation (the API_LATENCY fault over HTTP). */
        public Builder wallLatency(WallLatency wallLatency) {
            this.wallLatency = java.util.Objects.requireNonNull(wallLatency, "wallLatency");
            return this;
        }

        /** The address to bind (default {@code 127.0.0.1}; {@code 0.0.0.0} exposes the fake to the network). */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The port (default 0: a free port, see {@link FakeEcsServer#port()}). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0-65535: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * How long a request may take to arrive in full, from its first byte (default 20 s); a slower one is
         * answered 408 and its connection closed.
         */
        Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "requestTimeout");
            return this;
        }

        /**
         * How long a connection may stay without traffic (default 30 s) before it is closed; also how long a
         * streamed answer waits for a client that does not read.
         */
        Builder idleTimeout(Duration timeout) {
            this.idleTimeout = positive(timeout, "idleTimeout");
            return this;
        }

        private static Duration positive(Duration timeout, String name) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + timeout);
            }
            return timeout;
        }

        /**
         * The number of request threads (default: processors, between 2 and 8). Network I/O runs apart, on
         * event-loop threads, so a slow call or an API_LATENCY sleep holds only a request thread.
         */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be positive: " + threads);
            }
            this.threads = threads;
            return this;
        }

        /**
         * Binds and starts serving.
         *
         * @throws UncheckedIOException if the address cannot be bound (e.g. the port is taken)
         */
        public FakeEcsServer start() {
            Objects.requireNonNull(protocol, "protocol must be set");
            try {
                return new FakeEcsServer(this);
            } catch (IOException e) {
                throw new UncheckedIOException("fake-ecs cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
            }
        }
    }

    /** The default number of request threads: processors, between 2 and 8. */
    static final int DEFAULT_THREADS = Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors()));

    private static final class DaemonThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(runnable, "fake-ecs-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
