package dev.fakeecs.junit;

import dev.fakeecs.junit.fixtures.MisconfiguredCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every misconfiguration fails with a message that names the element and the fix. */
class MisconfigurationTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments(MisconfiguredCases.Ec2WithoutHosts.class, List.of("@EcsCluster on class MisconfiguredCases$Ec2WithoutHosts",
                        "cluster 'prod' declares capacity EC2 but ec2Hosts = 0", "Fix: set ec2Hosts")),
                arguments(MisconfiguredCases.HostsWithoutEc2.class, List.of("class MisconfiguredCases$HostsWithoutEc2",
                        "ec2Hosts = 2 but its capacity has no EC2", "Fix: add Capacity.EC2")),
                arguments(MisconfiguredCases.NegativeHosts.class, List.of("ec2Hosts = -1", "Fix: use 0 or a positive")),
                arguments(MisconfiguredCases.NoCapacity.class, List.of("declares no capacity", "Fix: name at least one")),
                arguments(MisconfiguredCases.BadRegion.class, List.of("region 'useast1' is not a region name",
                        "Fix: write regions like \"us-east-1\"")),
                arguments(MisconfiguredCases.BadZone.class, List.of("zone 'us-east-1a' of region us-west-2",
                        "Fix: name zones after their region")),
                arguments(MisconfiguredCases.UnknownClusterRegion.class, List.of("is in region eu-west-1",
                        "Fix: add \"eu-west-1\" to regions")),
                arguments(MisconfiguredCases.BadStart.class, List.of("start = \"yesterday\" is not an ISO-8601 instant",
                        "Fix: write it like")),
                arguments(MisconfiguredCases.DuplicateCluster.class, List.of("cluster 'prod' is declared twice",
                        "Fix: give each repeated @EcsCluster its own name")),
                arguments(MisconfiguredCases.ConflictingSeeds.class, List.of("disagree on seed (1 vs 2)",
                        "Fix: set seed on one of them only")),
                arguments(MisconfiguredCases.PerClassOnMethod.class, List.of(
                        "@EcsCluster on method PerClassOnMethod.test(): scope = PER_CLASS has no meaning on a method",
                        "Fix: move @EcsCluster(scope = WorldScope.PER_CLASS) to the test class")),
                arguments(MisconfiguredCases.SpecNotInstantiable.class, List.of("spec provider",
                        "AbstractSpec could not be instantiated", "Fix: give AbstractSpec a no-argument constructor")),
                arguments(MisconfiguredCases.SpecReturnsNull.class, List.of("NullSpec.spec() returned null",
                        "Fix: return a WorldSpec")),
                arguments(MisconfiguredCases.SpecInvalid.class, List.of("could not be applied",
                        "Fix: correct the declaration")),
                arguments(MisconfiguredCases.FargateSpread.class, List.of("could not be applied: service orders"
                        + " (cluster prod): placementStrategy = \"[spread(attribute:ecs.availability-zone)]\": the service"
                        + " runs on Fargate", "Remove spreadAcrossZones()", "Fix: change placementStrategy of service"
                        + " orders (cluster prod) in the spec")),
                arguments(MisconfiguredCases.BadVirtualTimePackage.class, List.of("virtualTimeFor = \"java.lang\" cannot be rewritten",
                        "Fix: name the package of your own code")),
                arguments(MisconfiguredCases.BothForms.class, List.of("also registers EcsClusterExtension programmatically in field 'ecs'",
                        "Fix: use one of them")),
                arguments(MisconfiguredCases.PerClassInInstanceField.class, List.of("field 'ecs'",
                        "Fix: make the field static")),
                arguments(MisconfiguredCases.EndpointPropertyWithoutLock.class, List.of("does not lock system properties",
                        "Fix: annotate the test class or method with @ResourceLock(Resources.SYSTEM_PROPERTIES)")),
                arguments(MisconfiguredCases.NoDeclaration.class, List.of("no @EcsCluster declaration found",
                        "Fix: annotate the test class or method with @EcsCluster")),
                arguments(MisconfiguredCases.AmbiguousCluster.class, List.of(
                        "Parameter [EcsClusterHandle cluster] of method AmbiguousCluster.test() is ambiguous",
                        "Fix: annotate it with @ClusterName(\"a\")")),
                arguments(MisconfiguredCases.UnknownClusterName.class, List.of("asks for @ClusterName(\"b\")",
                        "declares clusters [a]", "Fix: use one of those names")),
                arguments(MisconfiguredCases.ServerNotStarted.class, List.of("Parameter [FakeEcsServer server]",
                        "Fix: set @EcsCluster(server = true)")),
                arguments(MisconfiguredCases.PerTestWorldInBeforeAll.class, List.of(
                        "Parameter [FakeEcs ecs] of method PerTestWorldInBeforeAll.setUp()",
                        "Fix: take it as a parameter of the test or @BeforeEach method")),
                arguments(MisconfiguredCases.PerTestWorldInConstructor.class, List.of(
                        "of constructor PerTestWorldInConstructor()", "each test gets its own world")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void should_name_the_element_and_the_fix(Class<?> testClass, List<String> fragments) {
        EngineExecutionResults results = EcsClusterExtensionTest.run(testClass);

        List<Throwable> failures = Stream.concat(results.testEvents().failed().stream(),
                results.containerEvents().failed().stream()).map(MisconfigurationTest::throwable).toList();
        assertThat(failures).as("failures of " + testClass.getSimpleName()).isNotEmpty();
        assertThat(failures.get(0).getMessage()).contains(fragments);
        assertThat(results.testEvents().succeeded().count()).isZero();
    }

    @Test
    void should_reject_a_misconfigured_builder_at_build_time() {
        assertThatThrownBy(() -> EcsClusterExtension.newInstance().cluster("prod", c -> c.ec2Hosts(3)).build())
                .hasMessageContaining("@EcsCluster on EcsClusterExtension builder: cluster 'prod' declares ec2Hosts = 3")
                .hasMessageContaining("Fix: add Capacity.EC2");
        assertThatThrownBy(() -> EcsClusterExtension.newInstance().region("nowhere"))
                .hasMessageContaining("region 'nowhere' is not a region name");
    }

    static Throwable throwable(Event event) {
        return event.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
    }
}
