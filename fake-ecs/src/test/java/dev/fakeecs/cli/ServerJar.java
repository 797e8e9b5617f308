package dev.fakeecs.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The runnable jar ({@code fake-ecs/target/fake-ecs-server.jar}, built by {@code mvn package}) started as a
 * child process on a free port; {@link #close()} stops it.
 *
 * <pre>{@code
 * try (ServerJar server = ServerJar.start("--clock", "auto:120")) {
 *     run("aws", "--endpoint-url", server.endpoint().toString(), "ecs", "list-clusters");
 * }
 * }</pre>
 */
final class ServerJar implements AutoCloseable {

    private final Process process;
    private final URI endpoint;
    private final long startedNanos;

    private ServerJar(Process process, URI endpoint, long startedNanos) {
        this.process = process;
        this.endpoint = endpoint;
        this.startedNanos = startedNanos;
    }

    /** The jar failsafe hands over in {@code fakeecs.serverJar} (or the default path from the module directory). */
    static Path jar() {
        Path jar = Path.of(System.getProperty("fakeecs.serverJar", "target/fake-ecs-server.jar"));
        if (!Files.isRegularFile(jar)) {
            fail("No runnable jar at " + jar.toAbsolutePath() + ": run `mvn package -DskipTests` first "
                    + "(mvn verify does it before the integration tests).");
        }
        return jar;
    }

    /** Starts the jar with {@code --port 0} and the extra options, and waits for its listening line. */
    static ServerJar start(String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar().toString(), "--port", "0"));
        command.addAll(List.of(options));
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        String prefix = "fake-ecs listening on ";
        if (line == null || !line.startsWith(prefix)) {
            process.destroyForcibly();
            fail("The jar did not print its listening line; it printed: " + line);
        }
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // keep the pipe empty
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "fake-ecs-jar-output");
        drain.setDaemon(true);
        drain.start();
        return new ServerJar(process, URI.create(line.substring(prefix.length()).trim()), started);
    }

    URI endpoint() {
        return endpoint;
    }

    /** When {@link #start} launched the process ({@link System#nanoTime()}). */
    long startedNanos() {
        return startedNanos;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
