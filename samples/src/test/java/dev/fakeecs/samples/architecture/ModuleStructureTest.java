package dev.fakeecs.samples.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import dev.fakeecs.FakeEcs;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The structure of the project's main code, checked on the compiled classes of every module (the
 * samples module sees them all): no package cycle inside a module, and no dependency against the
 * module direction {@code samples -> junit-extension -> dsl -> fake-ecs}.
 *
 * <p>A cycle report names the packages and the classes on each edge; break it with a listener or a
 * lookup the lower package publishes, never by moving code into one big package.
 */
class ModuleStructureTest {

    /** The modules, each named by the packages it owns (the engine owns every other dev.fakeecs package). */
    enum Module {
        ENGINE, DSL, JUNIT_EXTENSION, SAMPLES;

        static Module of(JavaClass c) {
            String pkg = c.getPackageName();
            if (pkg.startsWith("dev.fakeecs.dsl")) {
                return DSL;
            }
            if (pkg.startsWith("dev.fakeecs.junit")) {
                return JUNIT_EXTENSION;
            }
            if (pkg.startsWith("dev.fakeecs.samples")) {
                return SAMPLES;
            }
            return pkg.equals("dev.fakeecs") || pkg.startsWith("dev.fakeecs.") ? ENGINE : null;
        }
    }

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.fakeecs");
    }

    @Test
    void should_see_the_main_classes_of_every_module() {
        assertThat(classes.stream().map(Module::of).distinct())
                .contains(Module.ENGINE, Module.DSL, Module.JUNIT_EXTENSION, Module.SAMPLES);
    }

    @ParameterizedTest
    @EnumSource(Module.class)
    void should_have_no_package_cycle_within_a_module(Module module) {
        slices().assignedFrom(packagesOf(module)).should().beFreeOfCycles()
                .allowEmptyShould(module == Module.SAMPLES)
                .check(classes);
    }

    @Test
    void should_keep_the_engine_free_of_the_dsl_the_extension_and_the_samples() {
        noClasses().that().resideInAPackage("dev.fakeecs")
                .or().resideInAnyPackage(enginePackages())
                .should().dependOnClassesThat().resideInAnyPackage("dev.fakeecs.dsl..", "dev.fakeecs.junit..",
                        "dev.fakeecs.samples..")
                .check(classes);
    }

    @Test
    void should_keep_the_dsl_free_of_the_extension_and_the_samples() {
        noClasses().that().resideInAPackage("dev.fakeecs.dsl..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.fakeecs.junit..", "dev.fakeecs.samples..")
                .check(classes);
    }

    @Test
    void should_keep_the_dsl_the_extension_and_the_samples_off_the_engine_internals() {
        noClasses().that().resideInAnyPackage("dev.fakeecs.dsl..", "dev.fakeecs.junit..", "dev.fakeecs.samples..")
                .should().dependOnClassesThat().resideInAPackage("dev.fakeecs.internal..")
                .orShould().callMethod(FakeEcs.class, "engine")
                .because("they use the engine through its public API and the named SPI in dev.fakeecs.spi")
                .check(classes);
    }

    @Test
    void should_keep_the_extension_free_of_the_samples() {
        noClasses().that().resideInAPackage("dev.fakeecs.junit..")
                .should().dependOnClassesThat().resideInAPackage("dev.fakeecs.samples..")
                .check(classes);
    }

    private static String[] enginePackages() {
        return classes.stream().filter(c -> Module.of(c) == Module.ENGINE).map(JavaClass::getPackageName)
                .filter(p -> !p.equals("dev.fakeecs")).distinct().toArray(String[]::new);
    }

    /** One slice per package of the module, so any two packages that import each other form a cycle. */
    private static SliceAssignment packagesOf(Module module) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                return Module.of(javaClass) == module ? SliceIdentifier.of(javaClass.getPackageName())
                        : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "the packages of " + module;
            }
        };
    }
}
