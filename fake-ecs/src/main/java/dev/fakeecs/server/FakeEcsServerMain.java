package dev.fakeecs.server;

import dev.fakeecs.internal.server.WorldHost;
import dev.fakeecs.internal.server.ControlApi;
import dev.fakeecs.internal.server.ClockMode;
import dev.fakeecs.FakeEcs;
import dev.fakeecs.journal.JournalRetention;
import dev.fakeecs.internal.protocol.catalog.SimulatedServices;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The runnable fake: {@code java -jar fake-ecs/target/fake-ecs-server.jar --port 4599} serves ECS on
 * {@code http://127.0.0.1:4599/} and prints exactly one line, {@code fake-ecs listening on http://127.0.0.1:4599},
 * once it accepts requests.
 *
 * <pre>{@code
 * java -jar fake-ecs-server.jar --port 0 --seed 7 --region us-east-1,eu-west-1 --clock realtime:60
 * aws --endpoint-url http://127.0.0.1:4599 ecs create-cluster --cluster-name prod
 * curl -s -XPOST localhost:4599/_fake-ecs/clock/advance -d '{"seconds": 30}'
 * }</pre>
 */
@Command(name = "fake-ecs", mixinStandardHelpOptions = true, version = "fake-ecs 0.1.0",
        description = "An in-memory, deterministic fake of Amazon ECS speaking the real wire protocol.")
public final class FakeEcsServerMain implements Callable<Integer> {

    @Option(names = "--host", description = "Address to bind (default: ${DEFAULT-VALUE}).")
    String host = "127.0.0.1";

    @Option(names = "--port", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port = 4599;

    @Option(names = "--seed", description = "Seed of the world's random source (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--region", split = ",", description = "Region(s) of the world, repeatable or comma-separated; "
            + "the first is the default for unsigned requests (default: us-east-1).")
    List<String> regions = new ArrayList<>();

    @Option(names = "--account", description = "Account id in ARNs (default: ${DEFAULT-VALUE}).")
    String account = FakeEcs.DEFAULT_ACCOUNT;

    /**
     * The jar's default clock: one wall second is one virtual minute, so SDK waiters, the AWS CLI's
     * {@code wait services-stable} and deployment tools see deployments finish in seconds without any
     * control-API call. Tests that drive time themselves pass {@code --clock manual}.
     */
    static final String DEFAULT_CLOCK = "realtime:60";

    @Option(names = "--clock", description = "manual | auto[:SECONDS] | realtime[:FACTOR] (default: ${DEFAULT-VALUE}).")
    String clock = DEFAULT_CLOCK;

    @Option(names = "--control-api", description = "on | off: serve the control API under /_fake-ecs/ "
            + "(off: every /_fake-ecs/ path answers 404) (default: ${DEFAULT-VALUE}).")
    String controlApi = "on";

    @Option(names = "--allowed-host", split = ",", description = "Extra host name(s) the control API answers to "
            + "(Host and Origin checks), e.g. a container name; loopback, localhost and the bind address always work.")
    List<String> allowedHosts = new ArrayList<>();

    @Option(names = "--threads", description = "Request threads: how many requests are answered at once "
            + "(default: processors, between 2 and 8, here ${DEFAULT-VALUE}).")
    int threads = FakeEcsServer.DEFAULT_THREADS;

    /** The server's default journal retention: enough for any debugging session, bounded for a server left running. */
    static final String DEFAULT_JOURNAL_RETENTION = "last:100000";

    @Option(names = "--request-timeout", description = "Seconds a request (line, headers, body) may take to arrive "
            + "in full before it is answered 408 and its connection closed, 1-3600 (default: ${DEFAULT-VALUE}).")
    int requestTimeoutSeconds = (int) FakeEcsServer.DEFAULT_REQUEST_TIMEOUT.toSeconds();

    @Option(names = "--idle-timeout", description = "Seconds a connection may stay without traffic before it is "
            + "closed; also how long an answer may wait for a client that does not read it, 1-3600 "
            + "(default: ${DEFAULT-VALUE}).")
    int idleTimeoutSeconds = (int) FakeEcsServer.DEFAULT_IDLE_TIMEOUT.toSeconds();

    @Option(names = "--journal-retention", description = "How much of the event journal to keep: all | last:N | "
            + "age:DURATION (90s, 30m, 6h, 2d, PT6H) | last:N,age:DURATION (default: ${DEFAULT-VALUE}).")
    String journalRetention = DEFAULT_JOURNAL_RETENTION;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final PrintStream out;
    private final PrintStream err;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean blockUntilStopped = true;

    FakeEcsServerMain(PrintStream out) {
        this(out, System.err);
    }

    FakeEcsServerMain(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    private static String describe(ClockMode mode) {
        String text = mode.toString();
        if (text.startsWith("realtime")) {
            return ": virtual time runs with the wall clock, scaled (--clock manual: time moves only through "
                    + "POST /_fake-ecs/clock/advance)";
        }
        if (text.startsWith("auto")) {
            return ": every API call first moves virtual time by the step";
        }
        return ": virtual time moves only through POST /_fake-ecs/clock/advance (SDK waiters and deployment "
                + "tools wait forever; --clock realtime:60 lets them finish)";
    }

    /** Parses the options, starts the server, prints the listening line and serves until the JVM stops. */
    public static void main(String[] args) {
        // Netty would log through the SLF4J API the SDK brings along, which, without a binding, prints a warning
        // before the listening line; the jar logs through java.util.logging instead.
        io.netty.util.internal.logging.InternalLoggerFactory.setDefaultFactory(
                io.netty.util.internal.logging.JdkLoggerFactory.INSTANCE);
        Thread.setDefaultUncaughtExceptionHandler(new FatalErrorHandler(System.err, Runtime.getRuntime()::halt));
        int exit = new CommandLine(new FakeEcsServerMain(System.out)).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        Running running;
        try {
            running = start();
        } catch (java.io.UncheckedIOException e) {
            System.err.println(e.getMessage());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(running::close, "fake-ecs-shutdown"));
        if (blockUntilStopped) {
            stopped.await();
        }
        return 0;
    }

    /** Builds the world and starts the server (without blocking); validates options first. */
    Running start() {
        ClockMode mode;
        JournalRetention retention;
        try {
            mode = ClockMode.parse(clock);
            if (!controlApi.equals("on") && !controlApi.equals("off")) {
                throw new IllegalArgumentException("--control-api must be on or off, not '" + controlApi + "'");
            }
            retention = JournalRetention.parse(journalRetention);
            if (threads < 1 || threads > 1024) {
                throw new IllegalArgumentException("--threads must be 1-1024, not " + threads);
            }
            if (requestTimeoutSeconds < 1 || requestTimeoutSeconds > 3600) {
                throw new IllegalArgumentException("--request-timeout must be 1-3600 seconds, not " + requestTimeoutSeconds);
            }
            if (idleTimeoutSeconds < 1 || idleTimeoutSeconds > 3600) {
                throw new IllegalArgumentException("--idle-timeout must be 1-3600 seconds, not " + idleTimeoutSeconds);
            }
            if (!account.matches("\\d{12}")) {
                throw new IllegalArgumentException("--account must be 12 digits, not '" + account + "'");
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine(), e.getMessage());
        }
        List<String> declared = regions.isEmpty() ? List.of("us-east-1") : List.copyOf(regions);
        FakeEcs.Builder builder = FakeEcs.builder().seed(seed).accountId(account)
                .journalRetention(retention);
        try {
            declared.forEach(region -> builder.region(region.trim()));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine(), e.getMessage());
        }
        // The wall clock enters only here, for the realtime clock mode: WorldHost turns elapsed wall time into
        // clock.advanceTo(...) calls; the engine itself never reads it.
        WorldHost world = new WorldHost(builder::build, mode, System::nanoTime);
        FakeEcsServer server;
        try {
            server = FakeEcsServer.builder()
                    .host(host).port(port).threads(threads)
                    .requestTimeout(java.time.Duration.ofSeconds(requestTimeoutSeconds))
                    .idleTimeout(java.time.Duration.ofSeconds(idleTimeoutSeconds))
                    .controlApiEnabled(controlApi.equals("on"))
                    .allowedHosts(allowedHosts)
                    .protocol(SimulatedServices.router(world::region, declared.get(0).trim()))
                    .controlApi(ControlApi.of(world))
                    .wallLatency((region, op) -> dev.fakeecs.fault.FaultInjector.of(world.world()).wallLatencyFor(
                            region == null ? declared.get(0).trim() : region, op))
                    .start();
        } catch (RuntimeException e) {
            world.close();
            throw e;
        }
        if (!server.loopbackOnly()) {
            err.println("WARNING: fake-ecs listens on " + host + ", reachable from other machines: anyone who can "
                    + "reach port " + server.port() + " can call ECS" + (controlApi.equals("on")
                    ? " and the control API (reset the world, inject faults); use --control-api off or bind 127.0.0.1"
                    : "; bind 127.0.0.1 to keep it on this machine"));
            err.flush();
        }
        out.println("fake-ecs listening on " + server.endpoint());
        out.flush();
        // after the listening line, so a reader of the merged output still finds that line first
        err.println("fake-ecs clock " + mode + describe(mode));
        err.flush();
        return new Running(server, world);
    }

    private CommandLine commandLine() {
        return spec != null ? spec.commandLine() : new CommandLine(this);
    }

    /** Makes {@link #call()} return right after starting (for tests). */
    FakeEcsServerMain doNotBlock() {
        blockUntilStopped = false;
        return this;
    }

    /** A started server and its world. */
    static final class Running implements AutoCloseable {
        final FakeEcsServer server;
        final WorldHost world;

        Running(FakeEcsServer server, WorldHost world) {
            this.server = server;
            this.world = world;
        }

        @Override
        public void close() {
            server.close();
            world.close();
        }
    }
}
