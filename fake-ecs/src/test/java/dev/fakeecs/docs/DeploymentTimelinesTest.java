package dev.fakeecs.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakeecs.docs.DeploymentTimelines.Kind;
import dev.fakeecs.docs.DeploymentTimelines.Sample;
import dev.fakeecs.docs.DeploymentTimelines.Timeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The deployment pictures in docs/images come from a real run: each strategy is run again and its SVG must equal
 * the committed file. {@code -Dfake-ecs.updateDocs=true} rewrites the files instead.
 */
class DeploymentTimelinesTest {

    static final String UPDATE = "fake-ecs.updateDocs";

    private static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("README.md"))) {
            p = p.getParent();
        }
        return p;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_match_the_committed_picture_of_a_real_run(Kind kind) throws IOException {
        Timeline t = DeploymentTimelines.run(kind);
        if (Boolean.getBoolean("fake-ecs.dumpTimelines")) {
            for (Sample s : t.samples()) {
                System.out.println(kind + " " + s);
            }
        }
        // the run itself did what the picture claims, so a refresh cannot draw a broken deployment unnoticed
        Sample last = t.last();
        assertThat(last.status()).isEqualTo("SUCCESSFUL");
        assertThat(last.newTasks()).isEqualTo(4);
        assertThat(last.oldTasks() + last.draining()).isZero();
        assertThat(last.newPercent()).isEqualTo(100.0);
        assertThat(t.samples()).allSatisfy(s -> assertThat(s.oldTasks() + s.newTasks()).isLessThanOrEqualTo(8));
        java.util.List<Integer> weights = t.samples().stream().map(Sample::greenWeight).distinct().toList();
        switch (kind) {
            case ROLLING -> assertThat(weights).containsExactly(-1);
            case BLUE_GREEN -> assertThat(weights).containsExactly(0, 100);
            case LINEAR -> assertThat(weights).containsExactly(0, 25, 50, 75, 100);
            case CANARY -> assertThat(weights).containsExactly(0, 10, 100);
        }
        if (kind != Kind.ROLLING) {
            // no production traffic before the new revision is healthy at full scale, old revision kept through bake
            assertThat(t.samples()).filteredOn(s -> s.newPercent() > 0)
                    .allSatisfy(s -> assertThat(s.newTasks()).isEqualTo(4));
            assertThat(t.samples()).filteredOn(s -> "BAKE_TIME".equals(s.stage()))
                    .isNotEmpty().allSatisfy(s -> assertThat(s.oldTasks()).isEqualTo(4));
        }
        String svg = DeploymentTimelines.svg(t);
        Path file = root().resolve("docs/images").resolve(kind.fileName());
        if (Boolean.getBoolean(UPDATE)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, svg, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(file)).as("%s is missing; run mvn -o -pl fake-ecs test -Dtest=DeploymentTimelinesTest "
                + "-D%s=true to draw it", root().relativize(file), UPDATE).isTrue();
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .as("%s no longer matches what a run draws; if the change in the engine is intended, refresh it with "
                        + "mvn -o -pl fake-ecs test -Dtest=DeploymentTimelinesTest -D%s=true and review the picture",
                        root().relativize(file), UPDATE)
                .isEqualTo(svg);
    }
}
