package dev.fakeecs.samples.golden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Compares a journal ({@code FakeEcs.journal().toJsonLines()}) with its golden file
 * {@code src/test/resources/golden/<name>.jsonl}, or (re)records that file.
 *
 * <ul>
 *   <li>Compare (the default): the golden file is read from the test classpath
 *       ({@code /golden/<name>.jsonl}) and must equal the journal byte for byte. On a mismatch the
 *       test fails naming the scenario, the first differing line and both lines, and the actual
 *       journal is written to {@code target/golden-actual/<name>.jsonl} for a diff. A missing
 *       golden file fails too, saying how to record it.</li>
 *   <li>Record ({@code -Dfakeecs.golden.record=true}): the journal is written to
 *       {@code src/test/resources/golden/<name>.jsonl} under the module directory (Maven runs
 *       tests with the module as working directory) and the check passes.</li>
 * </ul>
 *
 * <p>The same helper lives in the engine module ({@code dev.fakeecs.golden.GoldenJournal});
 * keep the two alike.
 */
public final class GoldenJournal {

    /** The system property that switches from comparing to recording. */
    public static final String RECORD_PROPERTY = "fakeecs.golden.record";

    static final Path SOURCE_DIR = Path.of("src", "test", "resources", "golden");
    static final Path ACTUAL_DIR = Path.of("target", "golden-actual");

    private static final String END = "<end of journal>";

    private GoldenJournal() {
    }

    /** True when this run records golden files instead of comparing with them. */
    public static boolean recording() {
        return Boolean.getBoolean(RECORD_PROPERTY);
    }

    /** Compares {@code journal} with golden file {@code <name>.jsonl}, or records it (see the class doc). */
    public static void assertMatches(String name, String journal) {
        if (recording()) {
            write(SOURCE_DIR.resolve(name + ".jsonl"), journal);
            return;
        }
        String golden = load(name);
        if (golden == null) {
            Path actual = write(ACTUAL_DIR.resolve(name + ".jsonl"), journal);
            fail("No golden journal for scenario " + name + " (expected resource /golden/" + name
                    + ".jsonl, i.e. " + SOURCE_DIR.resolve(name + ".jsonl") + " in this module). Record it on the "
                    + "unchanged engine with -Dfakeecs.golden.record=true, review it and commit it. "
                    + "This run's journal: " + actual.toAbsolutePath());
            return;
        }
        if (golden.equals(journal)) {
            return;
        }
        Path actual = write(ACTUAL_DIR.resolve(name + ".jsonl"), journal);
        fail(describeDifference(name, golden, journal) + "\n  actual journal written to " + actual.toAbsolutePath()
                + "\n  diff it with " + SOURCE_DIR.resolve(name + ".jsonl")
                + "\n  If (and only if) the behaviour change is deliberate, re-record with "
                + "-Dfakeecs.golden.record=true and say why in the commit.");
    }

    /** The first differing line (1-based) and both lines, or where one journal ends before the other. */
    static String describeDifference(String name, String expected, String actual) {
        List<String> e = expected.lines().toList();
        List<String> a = actual.lines().toList();
        String head = "Golden journal mismatch for scenario " + name + " at line ";
        String counts = " (golden has " + e.size() + " lines, actual " + a.size() + ")";
        int n = Math.min(e.size(), a.size());
        for (int i = 0; i < n; i++) {
            if (!e.get(i).equals(a.get(i))) {
                return head + (i + 1) + counts + "\n  golden: " + e.get(i) + "\n  actual: " + a.get(i);
            }
        }
        if (e.size() != a.size()) {
            return head + (n + 1) + counts
                    + "\n  golden: " + (e.size() > n ? e.get(n) : END)
                    + "\n  actual: " + (a.size() > n ? a.get(n) : END);
        }
        return head + n + counts + ": the lines are equal, the line endings differ";
    }

    private static String load(String name) {
        if (Files.isDirectory(SOURCE_DIR) && !Files.exists(SOURCE_DIR.resolve(name + ".jsonl"))) {
            return null;    // deleted from the sources; a stale copy may still sit in target/test-classes
        }
        try (InputStream in = GoldenJournal.class.getResourceAsStream("/golden/" + name + ".jsonl")) {
            if (in == null) {
                return null;
            }
            // a journal never holds a raw CR (JSON escapes it), so CRLF can only come from a checkout
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
