package dev.fakeecs.junit.report;

import dev.fakeecs.FakeEcs;
import org.opentest4j.AssertionFailedError;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Evidence of a failed test, written under {@code target/fake-ecs-reports/<test>/}:
 * {@code seed.txt} (how to replay), {@code journal.jsonl} (every state change), {@code failure.txt}
 * (the stack trace) and {@code index.html}, a self-contained page with an SVG timeline of tasks per
 * service and per host over virtual time, faults marked and deployments shaded.
 *
 * <pre>{@code
 * Path dir = FailureReport.write(Path.of("target/fake-ecs-reports"), "OrdersTest.scales_out", ecs, failure);
 * }</pre>
 */
public final class FailureReport {

    private FailureReport() {
    }

    /** Writes the report; returns its directory (a fresh one: a numeric suffix avoids overwriting). */
    public static Path write(Path base, String testName, FakeEcs ecs, Throwable failure) throws IOException {
        Path dir = base.resolve(sanitize(testName));
        for (int i = 2; Files.exists(dir); i++) {
            dir = base.resolve(sanitize(testName) + "-" + i);
        }
        Files.createDirectories(dir);
        String nl = "\n";
        Files.writeString(dir.resolve("seed.txt"), "seed=" + ecs.seed() + nl + "virtualTime=" + ecs.clock().instant()
                + nl + "replay: run the test again with @EcsCluster(seed = " + ecs.seed()
                + ") (or .seed(" + ecs.seed() + ") on the builder); same seed and same calls give the same journal"
                + nl, StandardCharsets.UTF_8);
        try (Writer w = Files.newBufferedWriter(dir.resolve("journal.jsonl"), StandardCharsets.UTF_8)) {
            ecs.journal().writeJsonLines(w, 0);
        }
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        Files.writeString(dir.resolve("failure.txt"), trace.toString(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("index.html"), TimelinePage.render(testName, ecs, String.valueOf(failure)),
                StandardCharsets.UTF_8);
        return dir;
    }

    /**
     * The failure, its message ending with the report's path and the seed. Assertion errors are
     * re-created with the longer message (keeping expected/actual, cause and stack trace); other
     * exceptions keep their type and get the note as a suppressed exception.
     */
    public static Throwable decorate(Throwable failure, Path dir, long seed) {
        String note = "fake-ecs report: " + dir.toAbsolutePath().resolve("index.html") + " (seed " + seed
                + "; journal.jsonl and seed.txt beside it)";
        if (failure instanceof AssertionError original) {
            String message = (original.getMessage() == null ? "" : original.getMessage())
                    + System.lineSeparator() + System.lineSeparator() + note;
            AssertionError decorated;
            if (original instanceof AssertionFailedError afe && (afe.isExpectedDefined() || afe.isActualDefined())) {
                decorated = new AssertionFailedError(message,
                        afe.isExpectedDefined() ? afe.getExpected().getValue() : null,
                        afe.isActualDefined() ? afe.getActual().getValue() : null, original.getCause());
            } else {
                decorated = new AssertionFailedError(message, original.getCause());
            }
            decorated.setStackTrace(original.getStackTrace());
            for (Throwable s : original.getSuppressed()) {
                decorated.addSuppressed(s);
            }
            return decorated;
        }
        failure.addSuppressed(new ReportNote(note));
        return failure;
    }

    static String sanitize(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]+", "_");
        return s.length() > 120 ? s.substring(0, 120) : s;
    }

    /** Carries the report's path on a failure that is not an assertion error. */
    public static final class ReportNote extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ReportNote(String message) {
            super(message, null, false, false);
        }
    }
}
