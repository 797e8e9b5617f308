package dev.fakeecs.junit;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.junit.fixtures.ExtensionCases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** The extension, run on real JUnit through EngineTestKit. */
@Isolated
class EcsClusterExtensionTest {

    static EngineExecutionResults run(Class<?> testClass) {
        return run(testClass, Map.of());
    }

    static EngineExecutionResults run(Class<?> testClass, Map<String, String> configuration) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass))
                .configurationParameters(configuration).execute();
    }

    static void assertAllPassed(EngineExecutionResults results, int expected) {
        List<Throwable> failures = results.testEvents().failed().stream()
                .map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                        .getThrowable().orElseThrow()).toList();
        assertThat(failures).as("failures").isEmpty();
        assertThat(results.containerEvents().failed().count()).as("failed containers").isZero();
        assertThat(results.testEvents().succeeded().count()).isEqualTo(expected);
    }

    @BeforeEach
    void clear() {
        ExtensionCases.WORLDS.clear();
        ExtensionCases.THREADS.clear();
    }

    @Test
    @DisplayName("injects FakeEcs, VirtualClock, the cluster handle, SDK clients, faults and journal by type, as parameters and fields")
    void should_inject_every_supported_type() {
        assertAllPassed(run(ExtensionCases.Injection.class), 1);
    }

    @Test
    void should_give_every_test_a_fresh_world_and_close_it_afterwards() {
        assertAllPassed(run(ExtensionCases.FreshWorldPerTest.class), 2);
        List<FakeEcs> worlds = List.copyOf(ExtensionCases.WORLDS);
        assertThat(worlds).hasSize(2);
        assertThat(worlds.get(0)).isNotSameAs(worlds.get(1));
    }

    @Test
    void should_share_one_world_per_class_with_nested_classes_when_asked() {
        assertAllPassed(run(ExtensionCases.SharedPerClass.class), 3);
        assertThat(new HashSet<>(identities())).hasSize(1);
    }

    @Test
    void should_let_nested_classes_inherit_the_enclosing_declaration_and_nearer_ones_win() {
        assertAllPassed(run(ExtensionCases.Nesting.class), 5);
    }

    @Test
    void should_read_declarations_from_composed_annotations() {
        assertAllPassed(run(ExtensionCases.MetaAnnotated.class), 1);
    }

    @Test
    void should_inherit_declarations_from_superclasses() {
        assertAllPassed(run(ExtensionCases.InheritedFromSuperclass.class), 1);
    }

    @Test
    void should_declare_several_clusters_with_repeated_annotations() {
        assertAllPassed(run(ExtensionCases.SeveralClusters.class), 1);
    }

    @Test
    void should_support_the_programmatic_form() {
        assertAllPassed(run(ExtensionCases.Programmatic.class), 2);
    }

    @Test
    void should_call_the_hooks_of_a_subclass_around_each_test() {
        ExtensionCases.HOOKS.clear();
        assertAllPassed(run(ExtensionCases.Hooks.class), 1);
        assertThat(ExtensionCases.HOOKS).containsExactly(
                "onBeforeEach sees_what_the_hook_declared prod current=true", "@BeforeEach", "test", "@AfterEach",
                "onAfterEach sees_what_the_hook_declared current=true");
        assertThatThrownBy(() -> ExtensionCases.Hooks.ecs.cluster()).as("after the test")
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("No fake-ecs world on this thread");
    }

    @Test
    void should_keep_its_junit_callbacks_final() {
        List<String> callbacks = Stream.of(EcsClusterExtension.class.getDeclaredMethods())
                .filter(m -> Stream.of(EcsClusterExtension.class.getInterfaces()).anyMatch(i -> declares(i, m)))
                .map(Method::getName).toList();
        assertThat(callbacks).contains("beforeAll", "beforeEach", "afterEach", "supportsParameter", "resolveParameter",
                "handleTestExecutionException", "handleBeforeEachMethodExecutionException",
                "handleAfterEachMethodExecutionException");
        assertThat(Stream.of(EcsClusterExtension.class.getDeclaredMethods())
                .filter(m -> callbacks.contains(m.getName()) && !Modifier.isFinal(m.getModifiers())))
                .as("callbacks that are not final").isEmpty();
    }

    private static boolean declares(Class<?> type, Method m) {
        try {
            type.getMethod(m.getName(), m.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    @Test
    void should_start_the_world_from_a_dsl_spec_provider() {
        assertAllPassed(run(ExtensionCases.WithSpec.class), 1);
    }

    @Test
    void should_inject_the_loopback_server() {
        assertAllPassed(run(ExtensionCases.Server.class), 1);
    }

    @Test
    void should_set_and_restore_the_endpoint_system_property() {
        String before = System.getProperty("aws.endpointUrlEcs");
        assertAllPassed(run(ExtensionCases.EndpointProperty.class), 1);
        assertThat(System.getProperty("aws.endpointUrlEcs")).isEqualTo(before);
    }

    @Test
    void should_make_a_per_class_world_current_from_the_class_start() {
        ExtensionCases.CLASS_START.clear();
        assertAllPassed(run(ExtensionCases.ProgrammaticClassWorldFromTheStart.class), 1);
        assertThat(ExtensionCases.CLASS_START).containsExactly("beforeAll:2026-01-01T00:00:00Z");
    }

    @Test
    void should_set_the_endpoint_property_of_a_per_class_world_for_the_whole_class_and_restore_it() {
        String before = System.getProperty("aws.endpointUrlEcs");
        ExtensionCases.CLASS_START.clear();
        assertAllPassed(run(ExtensionCases.ClassEndpointProperty.class), 1);
        assertThat(ExtensionCases.CLASS_START).singleElement(as(org.assertj.core.api.InstanceOfAssertFactories.STRING))
                .startsWith("property:http://127.0.0.1:");
        assertThat(System.getProperty("aws.endpointUrlEcs")).isEqualTo(before);
    }

    @Test
    void should_be_safe_under_parallel_execution() {
        EngineExecutionResults results = run(ExtensionCases.Parallel.class, Map.of(
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.default", "concurrent",
                "junit.jupiter.execution.parallel.config.strategy", "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "4"));
        assertAllPassed(results, 4);
        assertThat(new HashSet<>(identities())).hasSize(4);
        assertThat(new HashSet<>(ExtensionCases.THREADS)).hasSize(4);
    }

    @Test
    void should_write_a_report_and_name_it_in_the_failure_message(@TempDir Path reports) throws Exception {
        EngineExecutionResults results = run(ExtensionCases.Failing.class,
                Map.of("fakeecs.reports.dir", reports.toString()));

        List<Throwable> failures = results.testEvents().failed().stream().map(EcsClusterExtensionTest::throwable)
                .toList();
        assertThat(failures).hasSize(2);
        Throwable assertion = failures.stream().filter(t -> t instanceof AssertionError).findFirst().orElseThrow();
        assertThat(assertion.getMessage())
                .contains("to have running count:", "seed 99", "fake-ecs report: ")
                .contains(reports.resolve("ExtensionCases_Failing.fails_with_a_report").toAbsolutePath().toString());
        Path dir = reports.resolve("ExtensionCases_Failing.fails_with_a_report");
        assertThat(dir.resolve("seed.txt")).content().startsWith("seed=99");
        assertThat(dir.resolve("journal.jsonl")).content().contains("\"type\":\"TASK_STATE\"");
        assertThat(dir.resolve("index.html")).content().contains("<svg", "orders");
        Throwable exception = failures.stream().filter(t -> t instanceof IllegalStateException).findFirst().orElseThrow();
        assertThat(exception.getSuppressed()).anySatisfy(s -> assertThat(s.getMessage()).contains("fake-ecs report: "));
        try (Stream<Path> files = Files.list(reports)) {
            assertThat(files).hasSize(2);
        }
    }

    static Throwable throwable(Event event) {
        return event.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable()
                .orElseThrow();
    }

    private static List<Integer> identities() {
        return ExtensionCases.WORLDS.stream().map(System::identityHashCode).toList();
    }
}
