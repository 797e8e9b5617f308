package dev.fakeecs.internal.daemon;

import dev.fakeecs.internal.arn.Arns;
import dev.fakeecs.internal.engine.RegionContext;
import dev.fakeecs.internal.error.EcsErrors;
import dev.fakeecs.internal.paging.Page;
import dev.fakeecs.internal.tag.Tags;
import dev.fakeecs.journal.JournalEventType;
import software.amazon.awssdk.services.ecs.model.DaemonContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DaemonTaskDefinition;
import software.amazon.awssdk.services.ecs.model.DaemonTaskDefinitionRevisionFilter;
import software.amazon.awssdk.services.ecs.model.DaemonTaskDefinitionStatus;
import software.amazon.awssdk.services.ecs.model.DaemonTaskDefinitionStatusFilter;
import software.amazon.awssdk.services.ecs.model.DaemonTaskDefinitionSummary;
import software.amazon.awssdk.services.ecs.model.DeleteDaemonTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.DeleteDaemonTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.DescribeDaemonTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.DescribeDaemonTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.ListDaemonTaskDefinitionsRequest;
import software.amazon.awssdk.services.ecs.model.ListDaemonTaskDefinitionsResponse;
import software.amazon.awssdk.services.ecs.model.RegisterDaemonTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.RegisterDaemonTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.SortOrder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The daemon task definitions of one region and their four operations. A family ({@code [A-Za-z0-9_-]}, at most
 * 255) gets revision 1, then +1; the ARN is {@code arn:aws:ecs:REGION:ACCOUNT:daemon-task-definition/FAMILY:REV}.
 * DeleteDaemonTaskDefinition needs ACTIVE and turns it DELETE_IN_PROGRESS; it becomes DELETED
 * {@link #DELETE_DELAY} later, or once no daemon revision uses it any more (running daemons keep it).
 * ListDaemonTaskDefinitions filters by {@code familyPrefix}, {@code family}, {@code revision LAST_REGISTERED} and
 * {@code status} (ACTIVE by default, ALL), sorts by family and revision (ASC by default), at most 100 per page.
 *
 * <pre>{@code
 * String arn = api.registerDaemonTaskDefinition(r -> r.family("log-router")
 *         .containerDefinitions(c -> c.name("fluent-bit").image("fluent-bit:3"))).daemonTaskDefinitionArn();
 * }</pre>
 */
public final class DaemonTaskDefinitions {

    /** How long an unused deleted revision stays DELETE_IN_PROGRESS (UNCONFIRMED rule). */
    static final Duration DELETE_DELAY = Duration.ofSeconds(30);

    private static final Pattern FAMILY = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern REFERENCE = Pattern.compile("([A-Za-z0-9_-]+)(?::(\\d+))?");
    private static final int MAX_FAMILY = 255;
    private static final int LIST_LIMIT = 100;

    private final RegionContext region;
    private final Tags tags;
    private final Map<String, List<DaemonTaskDefinition>> byFamily = new LinkedHashMap<>();
    private Predicate<String> inUse = arn -> false;

    public DaemonTaskDefinitions(RegionContext region, Tags tags) {
        this.region = region;
        this.tags = tags;
        tags.registerResourceType("daemon-task-definition", arn -> find(arn) != null);
    }

    /** Tells which revisions daemons still use (they keep a deleted revision DELETE_IN_PROGRESS). */
    void inUse(Predicate<String> arnInUse) {
        this.inUse = arnInUse;
    }

    /** The revision an ARN or {@code family[:revision]} names (family alone: the latest ACTIVE), or null. */
    public DaemonTaskDefinition find(String reference) {
        if (reference == null || reference.isBlank()) {
            return null;
        }
        String ref = reference;
        if (Arns.isArn(reference)) {
            String prefix = region.arns().prefix() + "daemon-task-definition/";
            if (!reference.startsWith(prefix)) {
                return null;
            }
            ref = reference.substring(prefix.length());
        }
        Matcher m = REFERENCE.matcher(ref);
        if (!m.matches()) {
            return null;
        }
        List<DaemonTaskDefinition> revisions = byFamily.get(m.group(1));
        if (revisions == null) {
            return null;
        }
        if (m.group(2) == null) {
            DaemonTaskDefinition latest = null;
            for (DaemonTaskDefinition d : revisions) {
                if (d.status() == DaemonTaskDefinitionStatus.ACTIVE) {
                    latest = d;
                }
            }
            return latest;
        }
        int revision = Integer.parseInt(m.group(2));
        return revision >= 1 && revision <= revisions.size() ? revisions.get(revision - 1) : null;
    }

    /** The ACTIVE revision a daemon may use, else ClientException. */
    DaemonTaskDefinition activeForDaemon(String reference) {
        DaemonTaskDefinition d = find(reference);
        if (d == null) {
            throw EcsErrors.clientException("The specified daemon task definition does not exist: " + reference + ".");
        }
        if (d.status() != DaemonTaskDefinitionStatus.ACTIVE) {
            throw EcsErrors.clientException("The specified daemon task definition is not ACTIVE: " + reference + ".");
        }
        return d;
    }

    /** A DELETE_IN_PROGRESS revision no daemon uses any more becomes DELETED. */
    void released(String arn) {
        DaemonTaskDefinition d = find(arn);
        if (d != null && d.status() == DaemonTaskDefinitionStatus.DELETE_IN_PROGRESS && !inUse.test(arn)) {
            replace(d.toBuilder().status(DaemonTaskDefinitionStatus.DELETED).build());
            region.record(JournalEventType.TASK_DEFINITION, arn, "status", "DELETED");
        }
    }

    // ------------------------------------------------------------------ ECS API

    public RegisterDaemonTaskDefinitionResponse register(RegisterDaemonTaskDefinitionRequest request) {
        String family = request.family();
        if (family == null || family.isEmpty()) {
            throw EcsErrors.clientException("Family can not be blank.");
        }
        if (family.length() > MAX_FAMILY) {
            throw EcsErrors.clientException("Family can not be longer than " + MAX_FAMILY + " characters.");
        }
        if (!FAMILY.matcher(family).matches()) {
            throw EcsErrors.clientException("Family contains invalid characters.");
        }
        if (!request.hasContainerDefinitions() || request.containerDefinitions().isEmpty()) {
            throw EcsErrors.clientException("Container list cannot be empty.");
        }
        if (request.containerDefinitions().size() > region.engine().quotas().containersPerTaskDefinition()) {
            throw EcsErrors.clientException("Too many containers.");
        }
        Set<String> names = new HashSet<>();
        for (DaemonContainerDefinition c : request.containerDefinitions()) {
            EcsErrors.require(c.image(), "containerDefinitions.image");
            if (c.name() != null && !names.add(c.name())) {
                throw EcsErrors.clientException("Duplicate container name found: " + c.name() + ".");
            }
        }
        if (request.containerDefinitions().stream().allMatch(c -> Boolean.FALSE.equals(c.essential()))) {
            throw EcsErrors.clientException("Daemon task definition doesn't have any essential container.");
        }
        tags.validate(request.tags());
        List<DaemonTaskDefinition> revisions = byFamily.computeIfAbsent(family, f -> new ArrayList<>());
        int revision = revisions.size() + 1;
        String arn = region.arns().prefix() + "daemon-task-definition/" + family + ":" + revision;
        DaemonTaskDefinition d = DaemonTaskDefinition.builder()
                .daemonTaskDefinitionArn(arn).family(family).revision(revision)
                .taskRoleArn(request.taskRoleArn()).executionRoleArn(request.executionRoleArn())
                .containerDefinitions(request.containerDefinitions())
                .volumes(request.hasVolumes() ? request.volumes() : null)
                .cpu(request.cpu()).memory(request.memory())
                .pidMode(request.pidMode()).ipcMode(request.ipcMode())
                .status(DaemonTaskDefinitionStatus.ACTIVE)
                .registeredAt(region.now())
                .registeredBy("arn:aws:iam::" + region.engine().accountId() + ":root")
                .build();
        revisions.add(d);
        tags.put(arn, request.tags());
        region.record(JournalEventType.TASK_DEFINITION, arn, "family", family, "revision", String.valueOf(revision),
                "status", "ACTIVE", "kind", "daemon");
        return RegisterDaemonTaskDefinitionResponse.builder().daemonTaskDefinitionArn(arn).build();
    }

    public DescribeDaemonTaskDefinitionResponse describe(DescribeDaemonTaskDefinitionRequest request) {
        String reference = EcsErrors.require(request.daemonTaskDefinition(), "daemonTaskDefinition");
        DaemonTaskDefinition d = find(reference);
        if (d == null) {
            throw EcsErrors.clientException("Unable to describe daemon task definition.");
        }
        return DescribeDaemonTaskDefinitionResponse.builder().daemonTaskDefinition(d).build();
    }

    public ListDaemonTaskDefinitionsResponse list(ListDaemonTaskDefinitionsRequest request) {
        if (request.family() != null && request.familyPrefix() != null) {
            throw EcsErrors.invalidParameter("family and familyPrefix can not be specified together.");
        }
        DaemonTaskDefinitionStatusFilter status = request.status() == null ? DaemonTaskDefinitionStatusFilter.ACTIVE
                : request.status();
        boolean last = request.revision() == DaemonTaskDefinitionRevisionFilter.LAST_REGISTERED;
        List<DaemonTaskDefinition> all = new ArrayList<>();
        List<String> families = new ArrayList<>(byFamily.keySet());
        families.sort(null);
        for (String family : families) {
            if (request.family() != null && !family.equals(request.family())) {
                continue;
            }
            if (request.familyPrefix() != null && !family.startsWith(request.familyPrefix())) {
                continue;
            }
            List<DaemonTaskDefinition> matching = new ArrayList<>();
            for (DaemonTaskDefinition d : byFamily.get(family)) {
                if (status == DaemonTaskDefinitionStatusFilter.ALL ? d.status() != DaemonTaskDefinitionStatus.DELETED
                        : d.statusAsString().equals(status.toString())) {
                    matching.add(d);
                }
            }
            if (last && !matching.isEmpty()) {
                all.add(matching.get(matching.size() - 1));
            } else if (!last) {
                all.addAll(matching);
            }
        }
        if (request.sort() == SortOrder.DESC) {
            java.util.Collections.reverse(all);
        }
        Page<DaemonTaskDefinition> page = Page.of(all, request.nextToken(), request.maxResults(), LIST_LIMIT,
                "ListDaemonTaskDefinitions");
        List<DaemonTaskDefinitionSummary> summaries = new ArrayList<>();
        for (DaemonTaskDefinition d : page.items()) {
            summaries.add(DaemonTaskDefinitionSummary.builder().arn(d.daemonTaskDefinitionArn())
                    .registeredAt(d.registeredAt()).registeredBy(d.registeredBy())
                    .deleteRequestedAt(d.deleteRequestedAt()).status(d.status()).build());
        }
        return ListDaemonTaskDefinitionsResponse.builder().daemonTaskDefinitions(summaries)
                .nextToken(page.nextToken()).build();
    }

    public DeleteDaemonTaskDefinitionResponse delete(DeleteDaemonTaskDefinitionRequest request) {
        String reference = EcsErrors.require(request.daemonTaskDefinition(), "daemonTaskDefinition");
        if (!reference.contains(":") || (Arns.isArn(reference) && !reference.matches(".*:\\d+$"))) {
            throw EcsErrors.clientException("The specified daemon task definition must include a revision: "
                    + reference + ".");
        }
        DaemonTaskDefinition d = find(reference);
        if (d == null) {
            throw EcsErrors.clientException("The specified daemon task definition does not exist: " + reference + ".");
        }
        if (d.status() != DaemonTaskDefinitionStatus.ACTIVE) {
            throw EcsErrors.clientException("The specified daemon task definition is not ACTIVE: " + reference + ".");
        }
        String arn = d.daemonTaskDefinitionArn();
        replace(d.toBuilder().status(DaemonTaskDefinitionStatus.DELETE_IN_PROGRESS).deleteRequestedAt(region.now())
                .build());
        region.record(JournalEventType.TASK_DEFINITION, arn, "status", "DELETE_IN_PROGRESS");
        region.engine().clock().schedule(DELETE_DELAY, "daemon task definition " + arn + " deleted",
                () -> released(arn));
        return DeleteDaemonTaskDefinitionResponse.builder().daemonTaskDefinitionArn(arn).build();
    }

    private void replace(DaemonTaskDefinition d) {
        byFamily.get(d.family()).set(d.revision() - 1, d);
    }
}
