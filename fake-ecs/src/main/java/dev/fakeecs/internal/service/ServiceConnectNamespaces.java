package dev.fakeecs.internal.service;

import dev.fakeecs.internal.cluster.Clusters;
import dev.fakeecs.internal.cluster.SimulatedCluster;
import dev.fakeecs.internal.error.EcsErrors;
import dev.fakeecs.internal.paging.Page;
import dev.fakeecs.internal.engine.RegionContext;
import software.amazon.awssdk.services.ecs.model.ListServicesByNamespaceRequest;
import software.amazon.awssdk.services.ecs.model.ListServicesByNamespaceResponse;
import software.amazon.awssdk.services.ecs.model.ServiceConnectConfiguration;

import java.util.ArrayList;
import java.util.List;

/**
 * Service Connect namespaces as far as ECS sees them: a service belongs to the namespace its
 * {@code serviceConnectConfiguration} names, or to its cluster's default namespace when Service
 * Connect is enabled without one. The fake has no Cloud Map: a namespace exists once a cluster
 * default or a service names it (by name or ARN; the part after the last '/' is compared).
 *
 * <pre>{@code
 * ecs.api().listServicesByNamespace(r -> r.namespace("food.internal")).serviceArns();
 * }</pre>
 */
final class ServiceConnectNamespaces {

    private final RegionContext region;
    private final Services services;
    private final Clusters clusters;

    ServiceConnectNamespaces(RegionContext region, Services services, Clusters clusters) {
        this.region = region;
        this.services = services;
        this.clusters = clusters;
    }

    ListServicesByNamespaceResponse list(ListServicesByNamespaceRequest request) {
        EcsErrors.require(request.namespace(), "namespace");
        String wanted = nameOf(request.namespace());
        boolean known = false;
        for (SimulatedCluster c : clusters.all()) {
            if (c.serviceConnectDefaults() != null && wanted.equals(nameOf(c.serviceConnectDefaults().namespace()))) {
                known = true;
            }
        }
        List<String> arns = new ArrayList<>();
        for (SimulatedService s : services.all()) {
            String ns = namespaceOf(s);
            if (ns != null && wanted.equals(nameOf(ns))) {
                known = true;
                if (s.isActive()) {
                    arns.add(s.arn());
                }
            }
        }
        if (!known) {
            throw EcsErrors.of("NamespaceNotFoundException", "The specified namespace wasn't found.");
        }
        Page<String> page = Page.of(arns, request.nextToken(), request.maxResults(), 10, 100,
                "ListServicesByNamespace");
        return ListServicesByNamespaceResponse.builder().serviceArns(page.items()).nextToken(page.nextToken())
                .build();
    }

    /** The namespace a service joined through Service Connect, or null. */
    private String namespaceOf(SimulatedService s) {
        ServiceConnectConfiguration sc = s.serviceConnectConfiguration();
        if (sc == null || !Boolean.TRUE.equals(sc.enabled())) {
            return null;
        }
        if (sc.namespace() != null && !sc.namespace().isBlank()) {
            return sc.namespace();
        }
        SimulatedCluster cluster = clusters.find(s.clusterName());
        return cluster == null || cluster.serviceConnectDefaults() == null ? null
                : cluster.serviceConnectDefaults().namespace();
    }

    private static String nameOf(String nameOrArn) {
        return nameOrArn == null ? null : nameOrArn.substring(nameOrArn.lastIndexOf('/') + 1);
    }
}
