package dev.fakeecs.internal.controlplane;

import dev.fakeecs.internal.cluster.SimulatedCluster;
import dev.fakeecs.internal.error.EcsErrors;
import dev.fakeecs.journal.JournalEventType;
import dev.fakeecs.internal.paging.Page;
import dev.fakeecs.internal.cluster.Clusters;
import dev.fakeecs.internal.containerinstance.BuiltInAttributes;
import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.internal.containerinstance.ContainerInstances;
import dev.fakeecs.internal.engine.RegionContext;
import software.amazon.awssdk.services.ecs.model.Attribute;
import software.amazon.awssdk.services.ecs.model.DeleteAttributesRequest;
import software.amazon.awssdk.services.ecs.model.DeleteAttributesResponse;
import software.amazon.awssdk.services.ecs.model.ListAttributesRequest;
import software.amazon.awssdk.services.ecs.model.ListAttributesResponse;
import software.amazon.awssdk.services.ecs.model.PutAttributesRequest;
import software.amazon.awssdk.services.ecs.model.PutAttributesResponse;
import software.amazon.awssdk.services.ecs.model.TargetType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * PutAttributes, DeleteAttributes and ListAttributes for container instances. Custom attributes:
 * name 1-128 of letters, digits, {@code - _ . / \ @}; value 1-128 of those plus {@code :} and
 * spaces (not at either end); at most 10 custom attributes per instance
 * ({@code AttributeLimitExceededException}); built-in names ({@code ecs.*},
 * {@code com.amazonaws.ecs.*}) are reserved. An unknown target is {@code TargetNotFoundException}.
 *
 * <pre>{@code
 * api.putAttributes(r -> r.cluster("prod").attributes(Attribute.builder()
 *         .name("stack").value("blue").targetType(TargetType.CONTAINER_INSTANCE).targetId(id).build()));
 * api.listAttributes(r -> r.cluster("prod").targetType(TargetType.CONTAINER_INSTANCE).attributeName("stack"));
 * }</pre>
 */
public final class InstanceAttributes {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_./\\\\@-]{1,128}");
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_./\\\\@: -]{1,128}");
    private static final int MAX_PER_CALL = 10;
    private static final int LIST_LIMIT = 100;

    private final RegionContext region;
    private final Clusters clusters;
    private final ContainerInstances instances;

    InstanceAttributes(RegionContext region, Clusters clusters, ContainerInstances instances) {
        this.region = region;
        this.clusters = clusters;
        this.instances = instances;
    }

    /** Checks one custom attribute's name and value. */
    static void validate(String name, String value) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw EcsErrors.invalidParameter("attribute name must be 1-128 letters, numbers, hyphens, underscores, "
                    + "periods, at signs, forward slashes or back slashes: name " + name);
        }
        if (BuiltInAttributes.isBuiltIn(name)) {
            throw EcsErrors.invalidParameter("Attribute names beginning with 'ecs.' or 'com.amazonaws.ecs.' are "
                    + "reserved: name " + name);
        }
        if (value != null && (!VALUE.matcher(value).matches() || !value.strip().equals(value))) {
            throw EcsErrors.invalidParameter("attribute value must be 1-128 letters, numbers, hyphens, underscores, "
                    + "periods, at signs, slashes, colons or spaces, not starting or ending with a space: value of "
                    + name);
        }
    }

    /** Adds custom attributes to a host, enforcing the per-resource limit; journals the change. */
    void putAll(SimulatedContainerInstance ci, Map<String, String> attributes) {
        Map<String, String> after = new LinkedHashMap<>(ci.attributes());
        after.putAll(attributes);
        long custom = after.keySet().stream().filter(n -> !BuiltInAttributes.isBuiltIn(n)).count();
        int max = region.engine().quotas().customAttributesPerResource();
        if (custom > max) {
            throw EcsErrors.of("AttributeLimitExceededException", "You can apply up to " + max
                    + " custom attributes per resource. The container instance " + ci.arn() + " would have "
                    + custom + ".");
        }
        ci.attributes().putAll(attributes);
        ci.bumpVersion();
        attributes.forEach((name, value) -> region.record(JournalEventType.CONTAINER_INSTANCE, ci.arn(),
                "attribute", name, "value", value == null ? "" : value));
    }

    PutAttributesResponse put(PutAttributesRequest request) {
        SimulatedCluster cluster = clusters.resolve(request.cluster());
        if (!request.hasAttributes() || request.attributes().isEmpty()) {
            throw EcsErrors.invalidParameter("attributes can not be null or empty.");
        }
        if (request.attributes().size() > MAX_PER_CALL) {
            throw EcsErrors.of("AttributeLimitExceededException", "You can put at most " + MAX_PER_CALL
                    + " attributes in one call.");
        }
        Map<SimulatedContainerInstance, Map<String, String>> byTarget = new LinkedHashMap<>();
        for (Attribute attribute : request.attributes()) {
            validate(attribute.name(), attribute.value());
            SimulatedContainerInstance ci = target(cluster, attribute);
            byTarget.computeIfAbsent(ci, c -> new LinkedHashMap<>()).put(attribute.name(), attribute.value());
        }
        byTarget.forEach(this::putAll);
        List<Attribute> echoed = new ArrayList<>();
        for (Attribute attribute : request.attributes()) {
            echoed.add(attribute.toBuilder().targetType(TargetType.CONTAINER_INSTANCE)
                    .targetId(target(cluster, attribute).arn()).build());
        }
        return PutAttributesResponse.builder().attributes(echoed).build();
    }

    DeleteAttributesResponse delete(DeleteAttributesRequest request) {
        SimulatedCluster cluster = clusters.resolve(request.cluster());
        if (!request.hasAttributes() || request.attributes().isEmpty()) {
            throw EcsErrors.invalidParameter("attributes can not be null or empty.");
        }
        List<Attribute> deleted = new ArrayList<>();
        for (Attribute attribute : request.attributes()) {
            if (attribute.name() == null || attribute.name().isEmpty()) {
                throw EcsErrors.invalidParameter("attribute name can not be null or empty.");
            }
            if (BuiltInAttributes.isBuiltIn(attribute.name())) {
                throw EcsErrors.invalidParameter("Attribute names beginning with 'ecs.' or 'com.amazonaws.ecs.' "
                        + "are reserved and can not be deleted: name " + attribute.name());
            }
            SimulatedContainerInstance ci = target(cluster, attribute);
            if (ci.attributes().containsKey(attribute.name())) {
                ci.attributes().remove(attribute.name());
                ci.bumpVersion();
                region.record(JournalEventType.CONTAINER_INSTANCE, ci.arn(), "attributeDeleted", attribute.name());
            }
            deleted.add(attribute.toBuilder().targetType(TargetType.CONTAINER_INSTANCE).targetId(ci.arn()).build());
        }
        return DeleteAttributesResponse.builder().attributes(deleted).build();
    }

    ListAttributesResponse list(ListAttributesRequest request) {
        SimulatedCluster cluster = clusters.resolve(request.cluster());
        if (request.targetTypeAsString() == null || request.targetTypeAsString().isEmpty()) {
            throw EcsErrors.invalidParameter("targetType can not be null or empty.");
        }
        if (request.targetType() != TargetType.CONTAINER_INSTANCE) {
            throw EcsErrors.invalidParameter("targetType should be one of [container-instance]: "
                    + request.targetTypeAsString());
        }
        if (request.attributeValue() != null && request.attributeName() == null) {
            throw EcsErrors.invalidParameter("attributeValue can only be given together with attributeName.");
        }
        List<Attribute> all = new ArrayList<>();
        for (SimulatedContainerInstance ci : instances.inCluster(cluster.name())) {
            ci.attributes().forEach((name, value) -> {
                if ((request.attributeName() == null || request.attributeName().equals(name))
                        && (request.attributeValue() == null || request.attributeValue().equals(value))) {
                    all.add(Attribute.builder().name(name).value(value).targetType(TargetType.CONTAINER_INSTANCE)
                            .targetId(ci.arn()).build());
                }
            });
        }
        Page<Attribute> page = Page.of(all, request.nextToken(), request.maxResults(), LIST_LIMIT,
                "ListAttributes/" + cluster.name() + "/" + request.attributeName() + "/" + request.attributeValue());
        return ListAttributesResponse.builder().attributes(page.items()).nextToken(page.nextToken()).build();
    }

    private SimulatedContainerInstance target(SimulatedCluster cluster, Attribute attribute) {
        if (attribute.targetTypeAsString() != null && attribute.targetType() != TargetType.CONTAINER_INSTANCE) {
            throw EcsErrors.invalidParameter("targetType should be one of [container-instance]: "
                    + attribute.targetTypeAsString());
        }
        if (attribute.targetId() == null || attribute.targetId().isEmpty()) {
            throw EcsErrors.invalidParameter("targetId can not be null or empty for attribute " + attribute.name()
                    + ".");
        }
        SimulatedContainerInstance ci = instances.find(cluster.name(), attribute.targetId());
        if (ci == null || !ci.isRegistered()) {
            throw EcsErrors.targetNotFound("Could not find the container instance " + attribute.targetId()
                    + " in cluster " + cluster.name() + ": targetId");
        }
        return ci;
    }
}
