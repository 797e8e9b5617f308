package dev.fakeecs.junit;

import dev.fakeecs.dsl.WorldSpec;
import dev.fakeecs.junit.handle.Capacity;
import dev.fakeecs.junit.internal.ClusterDeclaration;
import dev.fakeecs.junit.internal.Misconfiguration;
import dev.fakeecs.junit.internal.WorldDeclaration;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Turns the {@link EcsCluster} annotations found on one element, or the programmatic builder's
 * settings, into a validated {@link WorldDeclaration} of plain values for the extension's internals.
 */
final class DeclarationReader {

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
    private static final Pattern PACKAGE = Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*");
    private static final List<String> NEVER_REWRITTEN = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.",
            "net.bytebuddy.", "org.junit.", "org.assertj.", "dev.fakeecs.junit.time.");
    private static final String DISPATCHER = "dev.fakeecs.junit.time.";

    private DeclarationReader() {
    }

    /**
     * Reads and validates the annotations of one element.
     *
     * @param source        the element, for messages
     * @param onClass       whether the element is a class (PER_CLASS is only valid there)
     * @param annotations   the {@link EcsCluster}s found there, in declaration order
     */
    static WorldDeclaration read(String source, boolean onClass, List<EcsCluster> annotations) {
        Long seed = null;
        String start = null;
        List<String> regions = null;
        Class<? extends EcsSpecProvider> spec = null;
        WorldScope scope = null;
        boolean server = false;
        Set<String> virtualTime = new LinkedHashSet<>();
        Boolean report = null;
        for (EcsCluster a : annotations) {
            if (a.seed() != EcsCluster.UNSET_SEED) {
                seed = agree(source, "seed", seed, a.seed());
            }
            if (!a.start().isEmpty()) {
                start = agree(source, "start", start, a.start());
            }
            if (a.regions().length > 0) {
                regions = agree(source, "regions", regions, List.of(a.regions()));
            }
            if (a.spec() != EcsSpecProvider.None.class) {
                spec = agree(source, "spec", spec, a.spec());
            }
            if (a.scope() != WorldScope.PER_TEST) {
                scope = agree(source, "scope", scope, a.scope());
            }
            server |= a.server();
            if (a.virtualTimeFor().length > 0) {
                List<String> packages = List.of(a.virtualTimeFor());
                if (!virtualTime.isEmpty() && !virtualTime.equals(new LinkedHashSet<>(packages))) {
                    throw Misconfiguration.conflict(source, "virtualTimeFor", virtualTime, packages);
                }
                virtualTime.addAll(packages);
            }
            if (!a.reportOnFailure()) {
                report = agree(source, "reportOnFailure", report, false);
            }
        }
        if (scope == WorldScope.PER_CLASS && !onClass) {
            throw Misconfiguration.perClassOnMethod(source);
        }
        Map<String, List<String>> regionMap = parseRegions(source, regions == null ? List.of() : regions);
        Instant startInstant = parseStart(source, start);
        List<ClusterDeclaration> clusters = new ArrayList<>();
        for (EcsCluster a : annotations) {
            clusters.add(new ClusterDeclaration(a.name(), a.region().isEmpty() ? null : a.region(),
                    a.capacity().length == 0 ? Set.of() : new LinkedHashSet<>(Arrays.asList(a.capacity())),
                    a.ec2Hosts(), a.ec2InstanceType()));
        }
        Supplier<WorldSpec> specSupplier = spec == null ? null : specSupplier(source, spec);
        WorldDeclaration declaration = new WorldDeclaration(source, seed, startInstant, regionMap, clusters,
                specSupplier, List.of(), scope == WorldScope.PER_CLASS, server, false,
                withWaiters(virtualTime), report == null || report);
        validate(declaration);
        return declaration;
    }

    /** Validates a declaration built by annotations or by the programmatic builder. */
    static void validate(WorldDeclaration d) {
        Set<String> regionNames = d.regions().isEmpty() ? Set.of("us-east-1") : d.regions().keySet();
        String firstRegion = regionNames.iterator().next();
        Set<String> seen = new HashSet<>();
        for (ClusterDeclaration c : d.clusters()) {
            String label = c.name().isEmpty() ? "default" : c.name();
            if (c.ec2Hosts() < 0) {
                throw Misconfiguration.negativeHosts(d.source(), label, c.ec2Hosts());
            }
            if (c.capacity().isEmpty()) {
                throw Misconfiguration.noCapacity(d.source(), label);
            }
            if (c.capacity().contains(Capacity.EC2) && c.ec2Hosts() == 0) {
                throw Misconfiguration.ec2WithoutHosts(d.source(), label);
            }
            if (!c.capacity().contains(Capacity.EC2) && c.ec2Hosts() > 0) {
                throw Misconfiguration.hostsWithoutEc2(d.source(), label, c.ec2Hosts());
            }
            String region = c.region() == null ? firstRegion : c.region();
            if (!regionNames.contains(region)) {
                throw Misconfiguration.unknownClusterRegion(d.source(), label, region, regionNames);
            }
            if (!seen.add(region + "/" + label)) {
                throw Misconfiguration.duplicateCluster(d.source(), label, region);
            }
        }
        for (String pkg : d.virtualTimeFor()) {
            checkPackage(d.source(), pkg);
        }
    }

    /** Parses {@code "us-east-1"} or {@code "us-west-2:us-west-2a,us-west-2b"} entries. */
    static Map<String, List<String>> parseRegions(String source, List<String> entries) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (String entry : entries) {
            String[] parts = entry.split(":", 2);
            String name = parts[0].trim();
            if (!REGION.matcher(name).matches()) {
                throw Misconfiguration.badRegion(source, entry);
            }
            List<String> zones = new ArrayList<>();
            if (parts.length == 2) {
                for (String zone : parts[1].split(",")) {
                    String z = zone.trim();
                    if (!z.startsWith(name) || z.length() == name.length()) {
                        throw Misconfiguration.badZone(source, name, z);
                    }
                    zones.add(z);
                }
            }
            map.put(name, zones);
        }
        return map;
    }

    static Instant parseStart(String source, String start) {
        if (start == null) {
            return null;
        }
        try {
            return Instant.parse(start);
        } catch (DateTimeParseException e) {
            throw Misconfiguration.badStart(source, start);
        }
    }

    static void checkPackage(String source, String pkg) {
        if (pkg == null || !PACKAGE.matcher(pkg).matches()) {
            throw Misconfiguration.badVirtualTimePackage(source, String.valueOf(pkg));
        }
        if (DISPATCHER.startsWith(pkg + ".")) {
            throw Misconfiguration.badVirtualTimePackage(source, pkg);
        }
        for (String prefix : NEVER_REWRITTEN) {
            if ((pkg + ".").startsWith(prefix)) {
                throw Misconfiguration.badVirtualTimePackage(source, pkg);
            }
        }
    }

    /** Adds the SDK's waiter package to a non-empty set of virtual-time packages. */
    static Set<String> withWaiters(Set<String> packages) {
        Set<String> all = new LinkedHashSet<>(packages);
        if (!all.isEmpty()) {
            all.add(EcsCluster.SDK_WAITERS);
        }
        return all;
    }

    private static <T> T agree(String source, String attribute, T current, T value) {
        if (current != null && !Objects.equals(current, value)) {
            throw Misconfiguration.conflict(source, attribute, current, value);
        }
        return value;
    }

    private static Supplier<WorldSpec> specSupplier(String source, Class<? extends EcsSpecProvider> type) {
        return () -> {
            EcsSpecProvider provider;
            try {
                if (Modifier.isAbstract(type.getModifiers()) || type.isInterface()) {
                    throw new InstantiationException(type.getName() + " is abstract");
                }
                Constructor<? extends EcsSpecProvider> constructor = type.getDeclaredConstructor();
                constructor.setAccessible(true);
                provider = constructor.newInstance();
            } catch (ReflectiveOperationException | RuntimeException e) {
                Throwable why = e instanceof java.lang.reflect.InvocationTargetException ite ? ite.getCause() : e;
                throw Misconfiguration.specNotInstantiable(source, type, why);
            }
            WorldSpec spec;
            try {
                spec = provider.spec();
            } catch (RuntimeException e) {
                throw Misconfiguration.specInvalid(source, type.getName(), e);
            }
            if (spec == null) {
                throw Misconfiguration.specReturnedNull(source, type);
            }
            return spec;
        };
    }
}
