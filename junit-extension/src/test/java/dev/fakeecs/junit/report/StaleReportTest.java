package dev.fakeecs.junit.report;

import dev.fakeecs.FakeEcs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** A test that passes removes the report an earlier failing run left for it, and only its own. */
@Isolated
class StaleReportTest {

    private static EngineExecutionResults run(Path reports) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(StaleReportCases.class))
                .configurationParameters(Map.of("fakeecs.reports.dir", reports.toString())).execute();
    }

    @Test
    void should_remove_the_report_of_a_test_that_now_passes(@TempDir Path reports) throws IOException {
        // given: a failing run wrote a report; a report of another test is beside it
        StaleReportCases.failing = true;
        try {
            assertThat(run(reports).testEvents().failed().count()).isEqualTo(1);
        } finally {
            StaleReportCases.failing = false;
        }
        Path flaky = reports.resolve("StaleReportCases.flaky");
        assertThat(flaky.resolve("index.html")).exists();
        assertThat(flaky.resolve(FailureReport.TEST_ID_FILE)).content().contains("[method:flaky(");
        Path unrelated = reports.resolve("OtherTest.fails");
        try (FakeEcs ecs = FakeEcs.create()) {
            FailureReport.write(reports, "OtherTest.fails", "[engine:junit-jupiter]/[class:OtherTest]", ecs,
                    new AssertionError("x"));
        }

        // when: the test passes
        EngineExecutionResults second = run(reports);

        // then
        assertThat(second.testEvents().succeeded().count()).isEqualTo(2);
        assertThat(flaky).doesNotExist();
        assertThat(unrelated.resolve("index.html")).exists();
    }

    @Test
    void should_remove_numbered_reports_of_the_same_test_and_keep_those_of_another_test_id(@TempDir Path reports)
            throws IOException {
        try (FakeEcs ecs = FakeEcs.create()) {
            // given: two reports of one test (the second numbered), and one of a test that sanitizes to the same name
            Path first = FailureReport.write(reports, "A.test", "id-a", ecs, new AssertionError("1"));
            Path second = FailureReport.write(reports, "A.test", "id-a", ecs, new AssertionError("2"));
            Path namesake = FailureReport.write(reports, "A.test", "id-b", ecs, new AssertionError("3"));
            Path prefix = FailureReport.write(reports, "A.test-x", "id-a", ecs, new AssertionError("4"));
            assertThat(second.getFileName().toString()).isEqualTo("A.test-2");

            // when
            int removed = FailureReport.removeStale(reports, "A.test", "id-a");

            // then
            assertThat(removed).isEqualTo(2);
            assertThat(first).doesNotExist();
            assertThat(second).doesNotExist();
            assertThat(namesake).exists();
            assertThat(prefix).exists();
            assertThat(Files.list(reports).count()).isEqualTo(2);
        }
    }
}
