package dev.fakeecs.samples;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.fakeecs.FakeEcs;
import dev.fakeecs.region.Region;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The DSL's main code and the samples use the engine only through its public API and the
 * {@code dev.fakeecs.spi} SPI: nothing from the engine's internal packages (everything under
 * {@code internal} beside {@code FakeEcs}), and no call of {@code engine()} on a {@code Region} or
 * the {@code FakeEcs}.
 */
class PublicApiOnlyTest {

    /** The engine's internal packages: {@code internal} and below, beside {@code FakeEcs}. */
    private static final String ENGINE_INTERNALS = FakeEcs.class.getPackageName() + ".internal..";

    /** Imported on their own: what they use is judged by name, not read from the classpath (seconds saved). */
    private static JavaClasses importDslAndSamples() {
        ArchConfiguration config = ArchConfiguration.get();
        boolean resolve = config.resolveMissingDependenciesFromClassPath();
        config.setResolveMissingDependenciesFromClassPath(false);
        try {
            return new ClassFileImporter().importPackages("dev.fakeecs.dsl", "dev.fakeecs.samples");
        } finally {
            config.setResolveMissingDependenciesFromClassPath(resolve);
        }
    }

    @Test
    void the_dsl_and_the_samples_do_not_reach_into_the_engine_internals() {
        ArchRule rule = noClasses().that().resideInAnyPackage("dev.fakeecs.dsl..", "dev.fakeecs.samples..")
                .should().dependOnClassesThat().resideInAPackage(ENGINE_INTERNALS)
                .orShould().callMethod(Region.class, "engine")
                .orShould().callMethod(FakeEcs.class, "engine");
        rule.check(importDslAndSamples());
    }
}
