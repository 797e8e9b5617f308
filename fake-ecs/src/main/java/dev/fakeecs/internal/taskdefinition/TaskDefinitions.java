package dev.fakeecs.internal.taskdefinition;

import dev.fakeecs.internal.tag.Tags;
import dev.fakeecs.internal.error.EcsErrors;
import dev.fakeecs.journal.JournalEventType;
import dev.fakeecs.internal.paging.Page;
import dev.fakeecs.internal.engine.RegionContext;
import software.amazon.awssdk.services.ecs.model.DeleteTaskDefinitionsRequest;
import software.amazon.awssdk.services.ecs.model.DeleteTaskDefinitionsResponse;
import software.amazon.awssdk.services.ecs.model.DeregisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.DeregisterTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionFamiliesRequest;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionFamiliesResponse;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionsRequest;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionsResponse;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.SortOrder;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionFamilyStatus;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The task definitions part of one region's ECS control plane: register, describe, list,
 * list families, deregister and delete, with revisions per family from 1 and the validation
 * rules and messages of real ECS ({@link RegistrationRules}). Other domains find a task
 * definition with {@link #resolve(String)} and read its needs with {@link TaskResources}.
 *
 * <pre>{@code
 * EcsClient api = FakeEcs.builder().seed(1).build().api();
 * api.registerTaskDefinition(r -> r.family("web")
 *         .containerDefinitions(c -> c.name("web").image("nginx:1.27").memory(256)));
 * api.describeTaskDefinition(r -> r.taskDefinition("web")).taskDefinition().revision();   // 1
 * }</pre>
 */
public final class TaskDefinitions {

    /** The message ECS answers when a task definition cannot be found. */
    public static final String NOT_FOUND = "Unable to describe task definition.";
    static final int MAX_DELETE = 10;
    static final int PAGE_LIMIT = 100;

    private final RegionContext region;
    private final TaskDefinitionStore store = new TaskDefinitionStore();
    private final Tags tags;

    public TaskDefinitions(RegionContext region, Tags tags) {
        this.region = region;
        this.tags = tags;
        tags.registerResourceType("task-definition", arn -> find(arn) != null);
    }

    /** RegisterTaskDefinition: validates, then stores the next revision of the family as ACTIVE. */
    public RegisterTaskDefinitionResponse registerTaskDefinition(RegisterTaskDefinitionRequest request) {
        RegistrationRules.check(request, region.engine().quotas());
        tags.validate(request.tags());
        String family = request.family();
        int limit = region.engine().quotas().revisionsPerFamily();
        if (store.revisionCount(family) >= limit) {
            throw EcsErrors.limitExceeded("The maximum number of revisions (" + limit
                    + ") for task definition family '" + family + "' has been reached.");
        }
        int revision = store.revisionCount(family) + 1;
        String arn = region.arns().taskDefinition(family, revision);
        TaskDefinition td = TaskDefinitionAssembler.assemble(request, arn, revision, region.now(),
                "arn:aws:iam::" + region.engine().accountId() + ":root");
        store.add(td);
        tags.put(arn, request.tags());
        region.record(JournalEventType.TASK_DEFINITION, arn, "family", family, "revision", String.valueOf(revision),
                "status", TaskDefinitionStatus.ACTIVE.toString());
        RegisterTaskDefinitionResponse.Builder response = RegisterTaskDefinitionResponse.builder().taskDefinition(td);
        if (!request.tags().isEmpty()) {
            response.tags(request.tags());
        }
        return response.build();
    }

    /** DeregisterTaskDefinition: an ACTIVE revision becomes INACTIVE, stamped with deregisteredAt. */
    public DeregisterTaskDefinitionResponse deregisterTaskDefinition(DeregisterTaskDefinitionRequest request) {
        TaskDefinitionReference ref = TaskDefinitionReference.parse(request.taskDefinition());
        if (ref == null || !ref.hasRevision()) {
            throw EcsErrors.clientException(NOT_FOUND);
        }
        TaskDefinition td = resolve(request.taskDefinition());
        if (td.status() == TaskDefinitionStatus.ACTIVE) {
            td = td.toBuilder().status(TaskDefinitionStatus.INACTIVE).deregisteredAt(region.now()).build();
            store.replace(td);
            region.record(JournalEventType.TASK_DEFINITION, td.taskDefinitionArn(),
                    "status", TaskDefinitionStatus.INACTIVE.toString());
        }
        return DeregisterTaskDefinitionResponse.builder().taskDefinition(td).build();
    }

    /**
     * DeleteTaskDefinitions: each named INACTIVE revision becomes DELETE_IN_PROGRESS; ACTIVE,
     * unknown or revision-less names come back as failures.
     */
    public DeleteTaskDefinitionsResponse deleteTaskDefinitions(DeleteTaskDefinitionsRequest request) {
        List<String> names = request.taskDefinitions();
        if (names.isEmpty()) {
            throw EcsErrors.invalidParameter("taskDefinitions can not be null or empty.");
        }
        if (names.size() > MAX_DELETE) {
            throw EcsErrors.invalidParameter("taskDefinitions can have at most " + MAX_DELETE + " items.");
        }
        List<TaskDefinition> deleted = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String name : names) {
            TaskDefinitionDeletion.Outcome outcome = TaskDefinitionDeletion.delete(name, this::find, region.now());
            if (outcome.failure() != null) {
                failures.add(outcome.failure());
                continue;
            }
            TaskDefinition td = outcome.taskDefinition();
            if (outcome.changed()) {
                store.replace(td);
                region.record(JournalEventType.TASK_DEFINITION, td.taskDefinitionArn(),
                        "status", TaskDefinitionStatus.DELETE_IN_PROGRESS.toString());
            }
            deleted.add(td);
        }
        return DeleteTaskDefinitionsResponse.builder().taskDefinitions(deleted).failures(failures).build();
    }

    /** DescribeTaskDefinition: by family (latest ACTIVE), family:revision or ARN; tags with include TAGS. */
    public DescribeTaskDefinitionResponse describeTaskDefinition(DescribeTaskDefinitionRequest request) {
        TaskDefinition td = resolve(request.taskDefinition());
        DescribeTaskDefinitionResponse.Builder response = DescribeTaskDefinitionResponse.builder().taskDefinition(td);
        if (request.include().contains(TaskDefinitionField.TAGS)) {
            response.tags(tags.tagsOf(td.taskDefinitionArn()));
        }
        return response.build();
    }

    /**
     * ListTaskDefinitions: ARNs sorted by family and revision (DESC reverses), filtered by the
     * exact family given as familyPrefix and by status (default ACTIVE), a page at a time.
     */
    public ListTaskDefinitionsResponse listTaskDefinitions(ListTaskDefinitionsRequest request) {
        TaskDefinitionStatus status = request.status() == null ? TaskDefinitionStatus.ACTIVE : request.status();
        List<String> arns = new ArrayList<>();
        for (String family : store.familyNames()) {
            if (request.familyPrefix() != null && !request.familyPrefix().equals(family)) {
                continue;
            }
            for (TaskDefinition td : store.revisions(family)) {
                if (td.status() == status) {
                    arns.add(td.taskDefinitionArn());
                }
            }
        }
        if (request.sort() == SortOrder.DESC) {
            Collections.reverse(arns);
        }
        Page<String> page = Page.of(arns, request.nextToken(), request.maxResults(), PAGE_LIMIT, "ListTaskDefinitions");
        return ListTaskDefinitionsResponse.builder().taskDefinitionArns(page.items()).nextToken(page.nextToken())
                .build();
    }

    /**
     * ListTaskDefinitionFamilies: family names starting with familyPrefix, sorted; status ACTIVE
     * (has an ACTIVE revision), INACTIVE (has none) or ALL (the default), a page at a time.
     */
    public ListTaskDefinitionFamiliesResponse listTaskDefinitionFamilies(ListTaskDefinitionFamiliesRequest request) {
        TaskDefinitionFamilyStatus status = request.status() == null ? TaskDefinitionFamilyStatus.ALL : request.status();
        List<String> families = new ArrayList<>();
        for (String family : store.familyNames()) {
            if (request.familyPrefix() != null && !family.startsWith(request.familyPrefix())) {
                continue;
            }
            boolean active = store.hasActive(family);
            if (status == TaskDefinitionFamilyStatus.ALL || (status == TaskDefinitionFamilyStatus.ACTIVE) == active) {
                families.add(family);
            }
        }
        Page<String> page = Page.of(families, request.nextToken(), request.maxResults(), PAGE_LIMIT,
                "ListTaskDefinitionFamilies");
        return ListTaskDefinitionFamiliesResponse.builder().families(page.items()).nextToken(page.nextToken()).build();
    }

    /**
     * The task definition a request names: for a bare family its latest ACTIVE revision, for
     * {@code family:revision} or an ARN exactly that revision, whatever its status (INACTIVE
     * revisions stay usable by explicit revision, as in ECS; callers that launch tasks should
     * refuse DELETE_IN_PROGRESS). Fails with ClientException "Unable to describe task definition."
     *
     * <pre>{@code
     * TaskDefinition td = taskDefinitions.resolve("order-service:3");
     * }</pre>
     */
    public TaskDefinition resolve(String familyOrFamilyRevisionOrArn) {
        TaskDefinition td = find(familyOrFamilyRevisionOrArn);
        if (td == null) {
            throw EcsErrors.clientException(NOT_FOUND);
        }
        return td;
    }

    /** Like {@link #resolve(String)} but null when nothing matches. */
    public TaskDefinition find(String familyOrFamilyRevisionOrArn) {
        TaskDefinitionReference ref = TaskDefinitionReference.parse(familyOrFamilyRevisionOrArn);
        if (ref == null || (ref.arnPrefix() != null && !ref.arnPrefix().equals(region.arns().prefix()))) {
            return null;
        }
        return ref.hasRevision() ? store.revision(ref.family(), ref.revision()) : store.latestActive(ref.family());
    }
}
