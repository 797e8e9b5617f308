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
import java.time.Instant;
import java.util.List;
import dev.fakeecs.journal.JournalEntry;

/**
 * Evidence of a failed test, written under {@code target/fake-ecs-reports/<test>/}:
 * {@code seed.txt} (how to replay), {@code journal.jsonl} (every state change), {@code calls.txt} (every API call
 * the world received and kept), {@code failure.txt} (the stack trace) and {@code index.html}, a self-contained page:
 * the whole run as a thumbnail, then timelines zoomed to the failing assertion's window of virtual time
 * ({@link FailureWindow}): tasks per service and per host (labelled with region and cluster), target groups, DNS
 * answers and traffic, API calls, faults marked and deployments shaded; the journal lines most relevant to the
 * failure. A test that passes later removes its stale report ({@link #removeStale}).
 *
 * <pre>{@code
 * Path dir = FailureReport.write(Path.of("target/fake-ecs-reports"), "OrdersTest.scales_out", ecs, failure);
 * }</pre>
 */
public final class FailureReport {

    private FailureReport() {
    }

    /** The file naming the test a report is of (its JUnit unique id), so that a later pass can remove it. */
    public static final String TEST_ID_FILE = "test-id.txt";

    /** Writes the report; returns its directory (a fresh one: a numeric suffix avoids overwriting). */
    public static Path write(Path base, String testName, FakeEcs ecs, Throwable failure) throws IOException {
        return write(base, testName, null, ecs, failure);
    }

    /**
     * Writes the report of the test with JUnit unique id {@code testId} (kept in {@value #TEST_ID_FILE} for
     * {@link #removeStale}); returns its directory.
     */
    public static Path write(Path base, String testName, String testId, FakeEcs ecs, Throwable failure)
            throws IOException {
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
        try (Writer w = Files.newBufferedWriter(dir.resolve("calls.txt"), StandardCharsets.UTF_8)) {
            for (dev.fakeecs.calls.ApiCall call : ecs.calls().all()) {
                w.write(call.toString());
                w.write(nl);
            }
        }
        List<JournalEntry> entries = ecs.journal().entries();
        Instant runStart = entries.isEmpty() ? ecs.clock().instant() : entries.get(0).time();
        Instant runEnd = ecs.clock().instant();
        FailureWindow window = runEnd.isAfter(runStart) ? FailureWindow.of(failure, runStart, runEnd) : null;
        Files.writeString(dir.resolve("index.html"), TimelinePage.render(testName, ecs, String.valueOf(failure), window),
                StandardCharsets.UTF_8);
        if (testId != null) {
            Files.writeString(dir.resolve(TEST_ID_FILE), testId + nl, StandardCharsets.UTF_8);
        }
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

    /**
     * Removes the reports an earlier run wrote for a test that has now passed: the directories named after
     * {@code testName} (and its numbered siblings {@code -2}, {@code -3}, ...) whose {@value #TEST_ID_FILE} names
     * {@code testId}, or that have no such file (reports of older versions). Returns how many were removed.
     *
     * <pre>{@code
     * FailureReport.removeStale(Path.of("target/fake-ecs-reports"), "OrdersTest.scales_out", context.getUniqueId());
     * }</pre>
     */
    public static int removeStale(Path base, String testName, String testId) throws IOException {
        if (!Files.isDirectory(base)) {
            return 0;
        }
        String name = sanitize(testName);
        List<Path> stale = new java.util.ArrayList<>();
        try (java.util.stream.Stream<Path> dirs = Files.list(base)) {
            dirs.filter(Files::isDirectory).forEach(d -> {
                String n = d.getFileName().toString();
                if (n.equals(name) || (n.startsWith(name + "-") && n.substring(name.length() + 1).matches("\\d+"))) {
                    stale.add(d);
                }
            });
        }
        int removed = 0;
        for (Path d : stale) {
            Path id = d.resolve(TEST_ID_FILE);
            if (Files.exists(id) && !Files.readString(id, StandardCharsets.UTF_8).trim().equals(testId)) {
                continue;
            }
            deleteTree(d);
            removed++;
        }
        return removed;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
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
