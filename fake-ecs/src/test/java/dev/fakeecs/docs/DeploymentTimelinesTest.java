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
