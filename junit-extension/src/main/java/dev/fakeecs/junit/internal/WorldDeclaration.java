package dev.fakeecs.junit.internal;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.dsl.WorldSpec;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Everything a test declared about its world, as plain values: the root package reads it from
 * {@code @EcsCluster} annotations or the programmatic builder and hands it here.
 *
 * @param source         where it was declared, for messages ("class OrdersTest", "method OrdersTest.test()")
 * @param seed           the seed, or null (spec's, else 0)
 * @param start          the first instant, or null
 * @param regions        declared regions and their zones (empty zones = a, b, c)
 * @param clusters       the declared clusters
 * @param spec           a supplier of the DSL declaration, or null
 * @param customizers    code run on the new world (programmatic form)
 * @param perClass       one world for the declaring class (else one per test)
 * @param server         start the loopback server
 * @param endpointProperty set {@code aws.endpointUrlEcs} for each test
 * @param virtualTimeFor packages whose classes see virtual time
 * @param reportOnFailure write a failure report
 */
public record WorldDeclaration(String source, Long seed, Instant start, Map<String, List<String>> regions,
                               List<ClusterDeclaration> clusters, Supplier<WorldSpec> spec,
                               List<Consumer<FakeEcs>> customizers, boolean perClass, boolean server,
                               boolean endpointProperty, Set<String> virtualTimeFor, boolean reportOnFailure) {

    public WorldDeclaration {
        regions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(regions));
        clusters = List.copyOf(clusters);
        customizers = List.copyOf(customizers);
        virtualTimeFor = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(virtualTimeFor));
    }

    /** A copy that also sets the endpoint system property (declared by a separate annotation). */
    public WorldDeclaration withEndpointProperty() {
        return new WorldDeclaration(source, seed, start, regions, clusters, spec, customizers, perClass, true, true,
                virtualTimeFor, reportOnFailure);
    }
}
