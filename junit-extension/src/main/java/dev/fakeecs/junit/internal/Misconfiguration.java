package dev.fakeecs.junit.internal;

import dev.fakeecs.dsl.spec.InvalidSpecException;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;

import java.util.Collection;

/**
 * Every configuration error the extension reports: each names the element it found the problem on
 * and says how to fix it.
 */
public final class Misconfiguration {

    private Misconfiguration() {
    }

    private static ExtensionConfigurationException config(String source, String problem, String fix) {
        return new ExtensionConfigurationException("@EcsCluster on " + source + ": " + problem + ". Fix: " + fix);
    }

    public static ExtensionConfigurationException ec2WithoutHosts(String source, String cluster) {
        return config(source, "cluster '" + cluster + "' declares capacity EC2 but ec2Hosts = 0",
                "set ec2Hosts to the number of container instances to register, e.g. ec2Hosts = 2,"
                        + " or remove Capacity.EC2 from capacity");
    }

    public static ExtensionConfigurationException hostsWithoutEc2(String source, String cluster, int hosts) {
        return config(source, "cluster '" + cluster + "' declares ec2Hosts = " + hosts + " but its capacity has no EC2",
                "add Capacity.EC2 to capacity, e.g. capacity = {Capacity.FARGATE, Capacity.EC2}, or set ec2Hosts = 0");
    }

    public static ExtensionConfigurationException negativeHosts(String source, String cluster, int hosts) {
        return config(source, "cluster '" + cluster + "' declares ec2Hosts = " + hosts,
                "use 0 or a positive number of hosts");
    }

    public static ExtensionConfigurationException noCapacity(String source, String cluster) {
        return config(source, "cluster '" + cluster + "' declares no capacity (capacity = {})",
                "name at least one of Capacity.FARGATE, Capacity.FARGATE_SPOT, Capacity.EC2");
    }

    public static ExtensionConfigurationException badRegion(String source, String value) {
        return config(source, "region '" + value + "' is not a region name",
                "write regions like \"us-east-1\" or \"us-west-2:us-west-2a,us-west-2b\" (region:zone,zone)");
    }

    public static ExtensionConfigurationException badZone(String source, String region, String zone) {
        return config(source, "zone '" + zone + "' of region " + region + " does not belong to it",
                "name zones after their region, e.g. \"" + region + ":" + region + "a," + region + "b\"");
    }

    public static ExtensionConfigurationException unknownClusterRegion(String source, String cluster, String region,
                                                                       Collection<String> regions) {
        return config(source, "cluster '" + cluster + "' is in region " + region
                        + ", which is not one of the world's regions " + regions,
                "add \"" + region + "\" to regions, or use one of " + regions);
    }

    public static ExtensionConfigurationException badStart(String source, String value) {
        return config(source, "start = \"" + value + "\" is not an ISO-8601 instant",
                "write it like \"2026-03-01T18:00:00Z\"");
    }

    public static ExtensionConfigurationException duplicateCluster(String source, String cluster, String region) {
        return config(source, "cluster '" + cluster + "' is declared twice in region " + region,
                "give each repeated @EcsCluster its own name, or put them in different regions");
    }

    public static ExtensionConfigurationException conflict(String source, String attribute, Object first,
                                                           Object second) {
        return config(source, "the repeated annotations disagree on " + attribute + " (" + first + " vs " + second + ")",
                "set " + attribute + " on one of them only, or give both the same value");
    }

    public static ExtensionConfigurationException perClassOnMethod(String source) {
        return config(source, "scope = PER_CLASS has no meaning on a method",
                "move @EcsCluster(scope = WorldScope.PER_CLASS) to the test class, or drop the scope attribute");
    }

    public static ExtensionConfigurationException specNotInstantiable(String source, Class<?> provider, Throwable why) {
        ExtensionConfigurationException e = config(source, "spec provider " + provider.getName()
                        + " could not be instantiated (" + why + ")",
                "give " + provider.getSimpleName() + " a no-argument constructor, and make it a top-level or static"
                        + " nested class that is not abstract");
        e.initCause(why);
        return e;
    }

    public static ExtensionConfigurationException specReturnedNull(String source, Class<?> provider) {
        return config(source, "spec provider " + provider.getName() + ".spec() returned null",
                "return a WorldSpec, e.g. Ecs.world().cluster(\"prod\", c -> c.capacityProviders(FARGATE)).build()");
    }

    public static ExtensionConfigurationException specInvalid(String source, String provider, RuntimeException why) {
        String fix = why instanceof InvalidSpecException invalid
                ? "change " + invalid.field() + " of " + invalid.spec() + " in the spec as the rule above says"
                : "correct the declaration the message names (" + firstWords(why.getMessage()) + ")";
        ExtensionConfigurationException e = config(source, "the spec " + provider + " could not be applied: "
                + why.getMessage(), fix);
        e.initCause(why);
        return e;
    }

    private static String firstWords(String message) {
        if (message == null) {
            return "no message";
        }
        int colon = message.indexOf(": ");
        return colon > 0 ? message.substring(0, colon) : message;
    }

    public static ExtensionConfigurationException badVirtualTimePackage(String source, String pkg) {
        return config(source, "virtualTimeFor = \"" + pkg + "\" cannot be rewritten",
                "name the package of your own code or a library's, e.g. \"com.acme.deploy\""
                        + " (no wildcards; java.*, javax.*, jdk.*, sun.*, net.bytebuddy.*, org.junit.*, org.assertj.* and the"
                        + " packages of dev.fakeecs.junit.time, which does the rewriting, are excluded)");
    }

    public static ExtensionConfigurationException bothDeclarativeAndProgrammatic(String source, String field) {
        return config(source, "the test also registers EcsClusterExtension programmatically in field '" + field + "'",
                "use one of them: remove @EcsCluster, or move its attributes into the builder"
                        + " (EcsClusterExtension.newInstance()...build())");
    }

    public static ExtensionConfigurationException perClassNeedsStaticField(String source, String field) {
        return new ExtensionConfigurationException("EcsClusterExtension in field '" + field + "' of " + source
                + ": perClass() needs the extension to see the class start, which an instance field cannot."
                + " Fix: make the field static (@RegisterExtension static EcsClusterExtension " + field
                + " = ...), or drop perClass()");
    }

    public static ExtensionConfigurationException endpointPropertyNeedsLock(String source) {
        return new ExtensionConfigurationException("EcsClusterExtension on " + source
                + ": endpointSystemProperty() sets the JVM-global system property aws.endpointUrlEcs, but the test"
                + " does not lock system properties. Fix: annotate the test class or method with"
                + " @ResourceLock(Resources.SYSTEM_PROPERTIES) or @EcsEndpointSystemProperty");
    }

    public static ExtensionConfigurationException noDeclaration(String source) {
        return new ExtensionConfigurationException("EcsClusterExtension on " + source
                + ": no @EcsCluster declaration found. Fix: annotate the test class or method with @EcsCluster,"
                + " or register the extension with EcsClusterExtension.newInstance()...build()");
    }

    public static ParameterResolutionException ambiguousCluster(String target, Collection<String> clusters) {
        return new ParameterResolutionException(target + " is ambiguous: the world declares clusters " + clusters
                + ". Fix: annotate it with @ClusterName(\"" + clusters.iterator().next() + "\")");
    }

    public static ParameterResolutionException unknownCluster(String target, String name, Collection<String> clusters) {
        return new ParameterResolutionException(target + " asks for @ClusterName(\"" + name
                + "\"), but the world declares clusters " + clusters + ". Fix: use one of those names");
    }

    public static ParameterResolutionException noCluster(String target) {
        return new ParameterResolutionException(target + " needs a cluster, but the world declares none."
                + " Fix: give @EcsCluster a name, or declare a cluster in the spec");
    }

    public static ParameterResolutionException serverNotStarted(String target) {
        return new ParameterResolutionException(target + " needs the loopback server, which is not started."
                + " Fix: set @EcsCluster(server = true) (or .server() on the builder)");
    }

    public static ParameterResolutionException perTestWorldOutsideTest(String target) {
        return new ParameterResolutionException(target + " is resolved outside a test method (constructor or"
                + " @BeforeAll), but each test gets its own world. Fix: take it as a parameter of the test or"
                + " @BeforeEach method, or as a field, or declare @EcsCluster(scope = WorldScope.PER_CLASS)");
    }
}
