package dev.fakeecs.junit.report;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.journal.JournalEventType;
import dev.fakeecs.junit.EcsCluster;
import dev.fakeecs.junit.handle.EcsClusterHandle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The failure report's files and its HTML page (headless Chromium when installed). */
@EcsCluster(name = "prod", seed = 21, reportOnFailure = false)
class FailureReportTest {

    private static FakeEcs busyWorld(EcsClusterHandle prod) {
        prod.fargateService("orders", "acme/orders:1", 3);
        prod.fargateService("payments", "acme/payments:1", 2);
        prod.clock().advance(Duration.ofMinutes(3));
        prod.scale("orders", 5);
        prod.ecs().journal().record("us-east-1", JournalEventType.FAULT, "fault-0001", "type", "KILL_TASK",
                "note", "<script>alert(1)</script>");
        prod.clock().advance(Duration.ofMinutes(3));
        return prod.ecs();
    }

    @Test
    void should_write_seed_journal_trace_and_page(EcsClusterHandle prod, @TempDir Path base) throws IOException {
        FakeEcs ecs = busyWorld(prod);

        Path dir = FailureReport.write(base, "My Test.should fail()", ecs, new AssertionError("expected 5"));

        assertThat(dir.getFileName().toString()).isEqualTo("My_Test.should_fail_");
        assertThat(dir.resolve("seed.txt")).content().startsWith("seed=21\n").contains("@EcsCluster(seed = 21)");
        assertThat(Files.readAllLines(dir.resolve("journal.jsonl"))).hasSize(ecs.journal().size());
        assertThat(dir.resolve("failure.txt")).content().contains("expected 5");
        String html = Files.readString(dir.resolve("index.html"));
        assertThat(html).contains("<svg id=\"services\"", "<svg id=\"hosts\"", "class=\"task-running\"",
                "class=\"deployment\"", "class=\"fault\"", "orders", "payments", "seed <b id=\"seed\">21</b>")
                .doesNotContain("<script>").doesNotContainPattern("(src|href)=\"https?:").contains("&lt;script&gt;");
        assertThat(FailureReport.write(base, "My Test.should fail()", ecs, new AssertionError()))
                .as("a second report does not overwrite the first").isNotEqualTo(dir);
    }

    @Test
    void should_decorate_assertion_errors_and_keep_other_exceptions(@TempDir Path dir) {
        AssertionFailedError original = new AssertionFailedError("expected 5 but was 3", 5, 3);
        Throwable decorated = FailureReport.decorate(original, dir, 21);

        assertThat(decorated).isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("expected 5 but was 3")
                .hasMessageContaining("fake-ecs report: " + dir.toAbsolutePath().resolve("index.html") + " (seed 21");
        assertThat(((AssertionFailedError) decorated).getExpected().getValue()).isEqualTo(5);
        assertThat(decorated.getStackTrace()).isEqualTo(original.getStackTrace());

        IllegalStateException boom = new IllegalStateException("boom");
        assertThat(FailureReport.decorate(boom, dir, 21)).isSameAs(boom);
        assertThat(boom.getSuppressed()).singleElement().satisfies(s -> assertThat(s).hasMessageContaining("seed 21"));
    }

    @Test
    void should_render_in_headless_chromium_without_network(EcsClusterHandle prod, @TempDir Path base)
            throws Exception {
        String chromium = Files.isExecutable(Path.of("/usr/bin/chromium")) ? "/usr/bin/chromium"
                : Files.isExecutable(Path.of("/usr/bin/chromium-browser")) ? "/usr/bin/chromium-browser" : null;
        assumeTrue(chromium != null, "chromium is not installed (apt-get install -y chromium)");
        Path dir = FailureReport.write(base, "chromium", busyWorld(prod), new AssertionError("expected 5"));
        Path page = dir.resolve("index.html");
        Path png = dir.resolve("page.png");

        Process dump = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--user-data-dir=" + base.resolve("profile"), "--dump-dom",
                page.toUri().toString()).redirectError(base.resolve("chromium.err").toFile()).start();
        String dom = new String(dump.getInputStream().readAllBytes());
        assertThat(dump.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Process shot = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--user-data-dir=" + base.resolve("profile2"), "--window-size=1300,900",
                "--screenshot=" + png, page.toUri().toString()).redirectErrorStream(true)
                .redirectOutput(base.resolve("shot.log").toFile()).start();
        assertThat(shot.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(dom).contains("<svg id=\"services\"", "<svg id=\"hosts\"", "task-running", "payments");
        assertThat(png).exists();
        assertThat(Files.size(png)).isGreaterThan(5_000);
    }
}
