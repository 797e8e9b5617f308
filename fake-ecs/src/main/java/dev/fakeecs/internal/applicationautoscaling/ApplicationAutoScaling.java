package dev.fakeecs.internal.applicationautoscaling;

import dev.fakeecs.internal.clock.QueuedEvent;
import dev.fakeecs.internal.cloudwatch.CloudWatch;
import dev.fakeecs.internal.engine.RegionContext;
import dev.fakeecs.internal.neighbour.ApiCalls;
import dev.fakeecs.internal.neighbour.EcsNeighbourhood;
import dev.fakeecs.internal.neighbour.RegionalService;
import dev.fakeecs.internal.neighbour.ServiceCapacity;
import dev.fakeecs.internal.paging.PageTokens;
import dev.fakeecs.internal.random.SeededRandom;
import dev.fakeecs.journal.JournalEventType;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingServiceClientConfiguration;
import software.amazon.awssdk.services.applicationautoscaling.model.Alarm;
import software.amazon.awssdk.services.applicationautoscaling.model.DeleteScalingPolicyRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.DeleteScalingPolicyResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.DeregisterScalableTargetRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.DeregisterScalableTargetResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalableTargetsRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalableTargetsResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalingActivitiesRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalingActivitiesResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalingPoliciesRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalingPoliciesResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.DeleteScheduledActionRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.DeleteScheduledActionResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScheduledActionsRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScheduledActionsResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.PutScheduledActionRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.PutScheduledActionResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.ScheduledAction;
import software.amazon.awssdk.services.applicationautoscaling.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.NotScaledReason;
import software.amazon.awssdk.services.applicationautoscaling.model.TagResourceRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.TagResourceResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.UntagResourceRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.UntagResourceResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.PutScalingPolicyRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.PutScalingPolicyResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.RegisterScalableTargetRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.RegisterScalableTargetResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingActivity;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingPolicy;
import software.amazon.awssdk.services.applicationautoscaling.model.StepAdjustment;
import software.amazon.awssdk.services.applicationautoscaling.model.StepScalingPolicyConfiguration;
import software.amazon.awssdk.services.applicationautoscaling.model.TargetTrackingScalingPolicyConfiguration;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;

import java.time.Duration;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Application Auto Scaling for the ECS services of one region ({@code ecs:service:DesiredCount}), over the SDK's
 * client interface so the AWS JSON 1.1 handler calls it as the ECS handler calls ECS (every operation under the
 * engine lock, after the region's interceptors and auto clock step). Target tracking policies create and own two
 * alarms in the region's CloudWatch; every policy is invoked by the alarms naming its ARN in their actions, on the
 * state change and again every minute while the alarm stays in ALARM. Scaling follows neighbours 5: base = RUNNING
 * tasks, out = ceil(running x metric / target), in = max(ceil(running x metric / target), running - ceil(0.1 x
 * running)), clamped to [min, max]; scale out if any policy asks (largest wins), in only if every scale-in-enabled
 * target tracking policy agrees; cooldowns 300 s by default; no scale-in while ECS deploys the service. Desired
 * count changes are ordinary UpdateService calls.
 *
 * <p>Ids (policy and alarm UUIDs, activity ids, target ARNs) come from a random source of their own derived from
 * the world's seed, so worlds that never call this API draw and journal exactly as before.
 *
 * <pre>{@code
 * ApplicationAutoScaling aas = RegionEngine.of(ecs.defaultRegion()).service(ApplicationAutoScaling.SERVICE);
 * aas.registerScalableTarget(r -> r.serviceNamespace("ecs").resourceId("service/prod/orders")
 *         .scalableDimension("ecs:service:DesiredCount").minCapacity(2).maxCapacity(20));
 * }</pre>
 */
public final class ApplicationAutoScaling implements ApplicationAutoScalingClient {

    /** The service as every region builds it. */
    public static final RegionalService<ApplicationAutoScaling> SERVICE = ApplicationAutoScaling::new;

    /** The one scalable dimension of ECS. */
    public static final String DIMENSION = "ecs:service:DesiredCount";
    /** Cooldown (seconds) when a policy names none. */
    public static final int DEFAULT_COOLDOWN = 300;
    /** Scaling policies per scalable target. */
    public static final int MAX_POLICIES = 50;
    /** ECS scalable targets per region. */
    public static final int MAX_TARGETS = 3000;
    /** Tags per scalable target. */
    public static final int MAX_TAGS = 50;
    /** Scheduled actions per scalable target. */
    public static final int MAX_SCHEDULED_ACTIONS = 200;

    private static final long ID_SALT = 0x4141535f4563734cL;
    private static final int PAGE = 50;

    private final RegionContext region;
    private final EcsNeighbourhood ecs;
    private final ApiCalls calls;
    private final SeededRandom ids;
    private final Map<String, RegisteredTarget> targets = new LinkedHashMap<>();
    /** The target of every policy, by policy ARN (alarm actions name policies by ARN). */
    private final Map<String, RegisteredTarget> targetOfPolicy = new java.util.HashMap<>();
    private final ScalingActivities activities = new ScalingActivities();
    private QueuedEvent repeater;
    /** True while the engine's own setup runs operations ({@link #asSetup}). */
    private boolean setup;

    ApplicationAutoScaling(RegionContext region, EcsNeighbourhood ecs) {
        this.region = region;
        this.ecs = ecs;
        this.calls = ecs.apiCalls();
        this.ids = new SeededRandom(region.engine().seed() ^ ID_SALT ^ region.name().hashCode());
        CloudWatch cw = cloudWatch();
        if (cw != null) {
            cw.addAlarmStateListener((alarm, from, to, reason) -> alarmChanged(alarm, to));
        }
    }

    private CloudWatch cloudWatch() {
        return ecs.sibling(CloudWatch.SERVICE);
    }

    private <T> T call(String operation, Supplier<T> body) {
        return calls != null && !setup ? calls.invoke(operation, body) : region.read(body);
    }

    /**
     * Runs operations of this API as the engine's own setup does (the DSL's {@code autoScaling(..)}, see {@link
     * DeclaredScaling}): under the engine lock, past the API's interceptors (faults) and auto clock step, with the
     * same effects and journal as the API calls.
     */
    public <T> T asSetup(Supplier<T> body) {
        return region.read(() -> {
            boolean was = setup;
            setup = true;
            try {
                return body.get();
            } finally {
                setup = was;
            }
        });
    }

    // ----- scalable targets -----

    @Override
    public RegisterScalableTargetResponse registerScalableTarget(RegisterScalableTargetRequest r) {
        return call("RegisterScalableTarget", () -> {
            String[] cs = resource(r.serviceNamespaceAsString(), r.resourceId(), r.scalableDimensionAsString());
            if (ecs.serviceCapacity(cs[0], cs[1]) == null) {
                throw AutoScalingErrors.validation("ECS service doesn't exist: " + r.resourceId());
            }
            RegisteredTarget t = targets.get(r.resourceId());
            if (t == null) {
                if (r.minCapacity() == null || r.maxCapacity() == null) {
                    throw AutoScalingErrors.validation("MinCapacity and MaxCapacity are required for registering a "
                            + "new scalable target");
                }
                if (targets.size() >= MAX_TARGETS) {
                    throw AutoScalingErrors.limit("The maximum number of scalable targets for service namespace ecs "
                            + "(" + MAX_TARGETS + ") has been reached");
                }
                checkBounds(r.minCapacity(), r.maxCapacity());
                t = new RegisteredTarget(r.resourceId(), cs[0], cs[1], "arn:aws:application-autoscaling:"
                        + region.name() + ":" + region.engine().accountId() + ":scalable-target/" + ids.hex(32),
                        region.now());
                targets.put(r.resourceId(), t);
            } else {
                checkBounds(r.minCapacity() != null ? r.minCapacity() : t.minCapacity,
                        r.maxCapacity() != null ? r.maxCapacity() : t.maxCapacity);
            }
            if (r.minCapacity() != null) {
                t.minCapacity = r.minCapacity();
            }
            if (r.maxCapacity() != null) {
                t.maxCapacity = r.maxCapacity();
            }
            if (r.roleARN() != null) {
                t.roleArn = r.roleARN();
            } else if (t.roleArn == null) {
                t.roleArn = "arn:aws:iam::" + region.engine().accountId() + ":role/aws-service-role/"
                        + "ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService";
            }
            boolean resumedDynamic = false;
            if (r.suspendedState() != null) {
                var s = r.suspendedState();
                if (s.dynamicScalingInSuspended() != null) {
                    resumedDynamic |= t.scalingInSuspended && !s.dynamicScalingInSuspended();
                    t.scalingInSuspended = s.dynamicScalingInSuspended();
                }
                if (s.dynamicScalingOutSuspended() != null) {
                    resumedDynamic |= t.scalingOutSuspended && !s.dynamicScalingOutSuspended();
                    t.scalingOutSuspended = s.dynamicScalingOutSuspended();
                }
                if (s.scheduledScalingSuspended() != null) {
                    t.scheduledSuspended = s.scheduledScalingSuspended();
                }
            }
            if (r.hasTags()) {
                t.tags.putAll(r.tags());
            }
            region.record(JournalEventType.SCALING, serviceArn(t), "minCapacity", Integer.toString(t.minCapacity),
                    "maxCapacity", Integer.toString(t.maxCapacity));
            clampDesired(t);
            if (resumedDynamic) {
                reinvokeBreaching(t);
            }
            return RegisterScalableTargetResponse.builder().scalableTargetARN(t.arn).build();
        });
    }

    @Override
    public DescribeScalableTargetsResponse describeScalableTargets(DescribeScalableTargetsRequest r) {
        return call("DescribeScalableTargets", () -> {
            namespace(r.serviceNamespaceAsString());
            List<ScalableTarget> all = new ArrayList<>();
            for (RegisteredTarget t : targets.values()) {
                if ((!r.hasResourceIds() || r.resourceIds().contains(t.resourceId))
                        && (r.scalableDimensionAsString() == null || DIMENSION.equals(r.scalableDimensionAsString()))) {
                    all.add(t.render());
                }
            }
            int[] range = page(all.size(), r.nextToken(), r.maxResults(), "DescribeScalableTargets");
            return DescribeScalableTargetsResponse.builder().scalableTargets(all.subList(range[0], range[1]))
                    .nextToken(next(range, all.size(), "DescribeScalableTargets")).build();
        });
    }

    @Override
    public DeregisterScalableTargetResponse deregisterScalableTarget(DeregisterScalableTargetRequest r) {
        return call("DeregisterScalableTarget", () -> {
            resource(r.serviceNamespaceAsString(), r.resourceId(), r.scalableDimensionAsString());
            RegisteredTarget t = targets.remove(r.resourceId());
            if (t == null) {
                throw AutoScalingErrors.noTarget(r.resourceId());
            }
            for (RegisteredPolicy p : t.policies.values()) {
                dropAlarms(p);
                targetOfPolicy.remove(p.arn);
            }
            for (ScheduledActionRecord a : t.scheduledActions.values()) {
                if (a.next != null) {
                    a.next.cancel();
                }
            }
            region.record(JournalEventType.SCALING, serviceArn(t), "event", "deregistered");
            return DeregisterScalableTargetResponse.builder().build();
        });
    }

    // ----- tags (of scalable targets, by their ARN) -----

    @Override
    public TagResourceResponse tagResource(TagResourceRequest r) {
        return call("TagResource", () -> {
            RegisteredTarget t = byArn(r.resourceARN());
            java.util.Map<String, String> merged = new LinkedHashMap<>(t.tags);
            if (r.hasTags()) {
                merged.putAll(r.tags());
            }
            if (merged.size() > MAX_TAGS) {
                throw AutoScalingErrors.of("TooManyTagsException", "A resource can have at most " + MAX_TAGS
                        + " tags");
            }
            t.tags.clear();
            t.tags.putAll(merged);
            return TagResourceResponse.builder().build();
        });
    }

    @Override
    public UntagResourceResponse untagResource(UntagResourceRequest r) {
        return call("UntagResource", () -> {
            RegisteredTarget t = byArn(r.resourceARN());
            if (r.hasTagKeys()) {
                r.tagKeys().forEach(t.tags::remove);
            }
            return UntagResourceResponse.builder().build();
        });
    }

    @Override
    public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest r) {
        return call("ListTagsForResource", () -> ListTagsForResourceResponse.builder()
                .tags(new LinkedHashMap<>(byArn(r.resourceARN()).tags)).build());
    }

    private RegisteredTarget byArn(String arn) {
        for (RegisteredTarget t : targets.values()) {
            if (t.arn.equals(arn)) {
                return t;
            }
        }
        throw AutoScalingErrors.noResource(arn);
    }

    // ----- scaling policies -----

    @Override
    public PutScalingPolicyResponse putScalingPolicy(PutScalingPolicyRequest r) {
        return call("PutScalingPolicy", () -> {
            resource(r.serviceNamespaceAsString(), r.resourceId(), r.scalableDimensionAsString());
            RegisteredTarget t = targets.get(r.resourceId());
            if (t == null) {
                throw AutoScalingErrors.noTarget(r.resourceId());
            }
            String type = r.policyTypeAsString() == null ? "StepScaling" : r.policyTypeAsString();
            RegisteredPolicy existing = t.policies.get(r.policyName());
            if (existing != null && !existing.type.equals(type)) {
                throw AutoScalingErrors.validation("Cannot change the policy type of an existing scaling policy "
                        + r.policyName());
            }
            if (existing == null && t.policies.size() >= MAX_POLICIES) {
                throw AutoScalingErrors.limit("The maximum number of scaling policies for a scalable target ("
                        + MAX_POLICIES + ") has been reached");
            }
            RegisteredPolicy p = existing;
            switch (type) {
                case "TargetTrackingScaling" -> {
                    TargetTrackingScalingPolicyConfiguration c = PolicyValidation.targetTracking(
                            r.targetTrackingScalingPolicyConfiguration());
                    if (p == null) {
                        p = newPolicy(t, r.policyName(), type);
                        p.alarmNames.add("TargetTracking-" + t.resourceId + "-AlarmHigh-" + ids.uuid());
                        p.alarmNames.add("TargetTracking-" + t.resourceId + "-AlarmLow-" + ids.uuid());
                    }
                    p.targetTracking = c;
                    CloudWatch cw = cloudWatch();
                    cw.putManagedAlarm(TargetTrackingAlarms.high(p.highAlarm(), p.arn, t.cluster, t.service, c));
                    if (Boolean.TRUE.equals(c.disableScaleIn())) {
                        cw.deleteManagedAlarms(List.of(p.lowAlarm()));
                    } else {
                        cw.putManagedAlarm(TargetTrackingAlarms.low(p.lowAlarm(), p.arn, t.cluster, t.service, c));
                    }
                }
                case "StepScaling" -> {
                    StepScalingPolicyConfiguration c = PolicyValidation.step(r.stepScalingPolicyConfiguration());
                    if (p == null) {
                        p = newPolicy(t, r.policyName(), type);
                    }
                    p.step = c;
                }
                default -> throw AutoScalingErrors.validation("fake-ecs supports the policy types "
                        + "TargetTrackingScaling and StepScaling for ECS services, not " + type);
            }
            startRepeating();
            region.record(JournalEventType.SCALING, serviceArn(t), "policy", p.name, "type", type);
            List<Alarm> alarms = new ArrayList<>();
            if (p.isTargetTracking()) {
                alarms = alarmsOf(p);
            }
            return PutScalingPolicyResponse.builder().policyARN(p.arn).alarms(alarms).build();
        });
    }

    private RegisteredPolicy newPolicy(RegisteredTarget t, String name, String type) {
        String arn = "arn:aws:autoscaling:" + region.name() + ":" + region.engine().accountId() + ":scalingPolicy:"
                + ids.uuid() + ":resource/ecs/" + t.resourceId + ":policyName/" + name;
        RegisteredPolicy p = new RegisteredPolicy(name, arn, type, region.now());
        t.policies.put(name, p);
        targetOfPolicy.put(arn, t);
        return p;
    }

    private List<Alarm> alarmsOf(RegisteredPolicy p) {
        List<Alarm> alarms = new ArrayList<>();
        CloudWatch cw = cloudWatch();
        for (String name : p.alarmNames) {
            MetricAlarm a = cw.inspectAlarm(name);
            if (a != null) {
                alarms.add(Alarm.builder().alarmName(name).alarmARN(a.alarmArn()).build());
            }
        }
        return alarms;
    }

    @Override
    public DescribeScalingPoliciesResponse describeScalingPolicies(DescribeScalingPoliciesRequest r) {
        return call("DescribeScalingPolicies", () -> {
            namespace(r.serviceNamespaceAsString());
            List<ScalingPolicy> all = new ArrayList<>();
            for (RegisteredTarget t : targets.values()) {
                if (r.resourceId() != null && !r.resourceId().equals(t.resourceId)) {
                    continue;
                }
                for (RegisteredPolicy p : t.policies.values()) {
                    if (r.hasPolicyNames() && !r.policyNames().contains(p.name)) {
                        continue;
                    }
                    all.add(ScalingPolicy.builder()
                            .policyARN(p.arn)
                            .policyName(p.name)
                            .serviceNamespace("ecs")
                            .resourceId(t.resourceId)
                            .scalableDimension(DIMENSION)
                            .policyType(p.type)
                            .targetTrackingScalingPolicyConfiguration(p.targetTracking)
                            .stepScalingPolicyConfiguration(p.step)
                            .alarms(p.isTargetTracking() ? alarmsOf(p) : userAlarmsOf(p))
                            .creationTime(p.created)
                            .build());
                }
            }
            int[] range = page(all.size(), r.nextToken(), r.maxResults(), "DescribeScalingPolicies");
            return DescribeScalingPoliciesResponse.builder().scalingPolicies(all.subList(range[0], range[1]))
                    .nextToken(next(range, all.size(), "DescribeScalingPolicies")).build();
        });
    }

    private List<Alarm> userAlarmsOf(RegisteredPolicy p) {
        List<Alarm> alarms = new ArrayList<>();
        CloudWatch cw = cloudWatch();
        for (MetricAlarm a : cw.alarmsWithAction(p.arn)) {
            alarms.add(Alarm.builder().alarmName(a.alarmName()).alarmARN(a.alarmArn()).build());
        }
        return alarms;
    }

    @Override
    public DeleteScalingPolicyResponse deleteScalingPolicy(DeleteScalingPolicyRequest r) {
        return call("DeleteScalingPolicy", () -> {
            resource(r.serviceNamespaceAsString(), r.resourceId(), r.scalableDimensionAsString());
            RegisteredTarget t = targets.get(r.resourceId());
            RegisteredPolicy p = t == null ? null : t.policies.get(r.policyName());
            if (p == null) {
                throw AutoScalingErrors.notFound("No scaling policy found for service namespace: ecs, resource ID: "
                        + r.resourceId() + ", scalable dimension: " + DIMENSION + ", policy name: " + r.policyName());
            }
            t.policies.remove(p.name);
            targetOfPolicy.remove(p.arn);
            dropAlarms(p);
            region.record(JournalEventType.SCALING, serviceArn(t), "policy", p.name, "event", "deleted");
            return DeleteScalingPolicyResponse.builder().build();
        });
    }

    private void dropAlarms(RegisteredPolicy p) {
        if (!p.alarmNames.isEmpty()) {
            cloudWatch().deleteManagedAlarms(p.alarmNames);
        }
    }

    // ----- scheduled actions -----

    @Override
    public PutScheduledActionResponse putScheduledAction(PutScheduledActionRequest r) {
        return call("PutScheduledAction", () -> {
            resource(r.serviceNamespaceAsString(), r.resourceId(), r.scalableDimensionAsString());
            RegisteredTarget t = targets.get(r.resourceId());
            if (t == null) {
                throw AutoScalingErrors.noTarget(r.resourceId());
            }
            ScheduledActionRecord a = t.scheduledActions.get(r.scheduledActionName());
            if (a == null && r.schedule() == null) {
                throw AutoScalingErrors.validation("Schedule is required for a new scheduled action");
            }
            if (a == null && t.scheduledActions.size() >= MAX_SCHEDULED_ACTIONS) {
                throw AutoScalingErrors.limit("The maximum number of scheduled actions for a scalable target ("
                        + MAX_SCHEDULED_ACTIONS + ") has been reached");
            }
            String expression = r.schedule() != null ? r.schedule() : a.schedule;
            Schedule.parse(expression);
            String timezone = r.timezone() != null ? r.timezone() : a != null ? a.timezone : null;
            zone(timezone);
            Integer min = r.scalableTargetAction() != null ? r.scalableTargetAction().minCapacity() : null;
            Integer max = r.scalableTargetAction() != null ? r.scalableTargetAction().maxCapacity() : null;
            if (min != null && max != null && min > max) {
                throw AutoScalingErrors.validation("Minimum capacity cannot be greater than maximum capacity");
            }
            Instant start = r.startTime() != null ? r.startTime() : a != null ? a.startTime : null;
            Instant end = r.endTime() != null ? r.endTime() : a != null ? a.endTime : null;
            if (start != null && end != null && !end.isAfter(start)) {
                throw AutoScalingErrors.validation("EndTime must be after StartTime");
            }
            if (a == null) {
                a = new ScheduledActionRecord(r.scheduledActionName(), "arn:aws:autoscaling:" + region.name() + ":"
                        + region.engine().accountId() + ":scheduledAction:" + ids.uuid() + ":resource/ecs/"
                        + t.resourceId + ":scheduledActionName/" + r.scheduledActionName(), t.resourceId,
                        region.now());
                t.scheduledActions.put(a.name, a);
            }
            a.schedule = expression;
            a.timezone = timezone;
            a.startTime = start;
            a.endTime = end;
            if (r.scalableTargetAction() != null) {
                a.minCapacity = min;
                a.maxCapacity = max;
            }
            plan(t, a);
            region.record(JournalEventType.SCALING, serviceArn(t), "scheduledAction", a.name, "schedule",
                    a.schedule);
            return PutScheduledActionResponse.builder().build();
        });
    }

    @Override
    public DescribeScheduledActionsResponse describeScheduledActions(DescribeScheduledActionsRequest r) {
        return call("DescribeScheduledActions", () -> {
            namespace(r.serviceNamespaceAsString());
            List<ScheduledAction> all = new ArrayList<>();
            for (RegisteredTarget t : targets.values()) {
                if (r.resourceId() != null && !r.resourceId().equals(t.resourceId)) {
                    continue;
                }
                for (ScheduledActionRecord a : t.scheduledActions.values()) {
                    if (!r.hasScheduledActionNames() || r.scheduledActionNames().contains(a.name)) {
                        all.add(a.render());
                    }
                }
            }
            int[] range = page(all.size(), r.nextToken(), r.maxResults(), "DescribeScheduledActions");
            return DescribeScheduledActionsResponse.builder().scheduledActions(all.subList(range[0], range[1]))
                    .nextToken(next(range, all.size(), "DescribeScheduledActions")).build();
        });
    }

    @Override
    public DeleteScheduledActionResponse deleteScheduledAction(DeleteScheduledActionRequest r) {
        return call("DeleteScheduledAction", () -> {
            resource(r.serviceNamespaceAsString(), r.resourceId(), r.scalableDimensionAsString());
            RegisteredTarget t = targets.get(r.resourceId());
            ScheduledActionRecord a = t == null ? null : t.scheduledActions.remove(r.scheduledActionName());
            if (a == null) {
                throw AutoScalingErrors.notFound("No scheduled action found for service namespace: ecs, resource ID: "
                        + r.resourceId() + ", scalable dimension: " + DIMENSION + ", scheduled action name: "
                        + r.scheduledActionName());
            }
            if (a.next != null) {
                a.next.cancel();
            }
            region.record(JournalEventType.SCALING, serviceArn(t), "scheduledAction", a.name, "event", "deleted");
            return DeleteScheduledActionResponse.builder().build();
        });
    }

    private static ZoneId zone(String timezone) {
        try {
            return timezone == null ? java.time.ZoneOffset.UTC : ZoneId.of(timezone);
        } catch (DateTimeException e) {
            throw AutoScalingErrors.validation("Invalid timezone: " + timezone);
        }
    }

    /** Queues the action's next run (none after its end or for a past at()). */
    private void plan(RegisteredTarget t, ScheduledActionRecord a) {
        if (a.next != null) {
            a.next.cancel();
            a.next = null;
        }
        Instant now = region.now();
        Instant after = a.startTime != null && a.startTime.isAfter(now) ? a.startTime.minusMillis(1) : now;
        Instant origin = a.startTime != null ? a.startTime : a.created;
        Instant due = Schedule.parse(a.schedule).next(after, zone(a.timezone), origin);
        if (due == null || a.endTime != null && due.isAfter(a.endTime)) {
            return;
        }
        a.next = region.engine().clock().scheduleAt(due, "scheduled action " + a.name, () -> run(t, a));
    }

    private void run(RegisteredTarget t, ScheduledActionRecord a) {
        a.next = null;
        if (targets.get(t.resourceId) != t || t.scheduledActions.get(a.name) != a) {
            return;
        }
        if (!t.scheduledSuspended) {
            if (a.minCapacity != null) {
                t.minCapacity = a.minCapacity;
            }
            if (a.maxCapacity != null) {
                t.maxCapacity = a.maxCapacity;
            }
            if (t.minCapacity > t.maxCapacity) {
                t.maxCapacity = t.minCapacity;
            }
            ServiceCapacity c = ecs.serviceCapacity(t.cluster, t.service);
            if (c != null) {
                int clamped = clamp(t, c.desiredCount());
                if (clamped != c.desiredCount()) {
                    scale(t, c.desiredCount(), clamped, "scheduled action name " + a.name + " was triggered",
                            "scheduled");
                }
            }
        }
        plan(t, a);
    }

    // ----- activities -----

    @Override
    public DescribeScalingActivitiesResponse describeScalingActivities(DescribeScalingActivitiesRequest r) {
        return call("DescribeScalingActivities", () -> {
            namespace(r.serviceNamespaceAsString());
            List<ScalingActivity> all = activities.list(r.resourceId(),
                    Boolean.TRUE.equals(r.includeNotScaledActivities()));
            int[] range = page(all.size(), r.nextToken(), r.maxResults(), "DescribeScalingActivities");
            return DescribeScalingActivitiesResponse.builder().scalingActivities(all.subList(range[0], range[1]))
                    .nextToken(next(range, all.size(), "DescribeScalingActivities")).build();
        });
    }

    // ----- scaling -----

    /** An alarm of the region changed state: invoke the policies its actions for that state name. */
    private void alarmChanged(String alarmName, String to) {
        if (targets.isEmpty()) {
            return;
        }
        invokePolicies(alarmName, to, true);
    }

    /** Every minute: the policies of alarms still in ALARM are invoked again (as CloudWatch does for scaling). */
    private void startRepeating() {
        if (repeater != null) {
            return;
        }
        long now = region.now().toEpochMilli();
        long next = Math.floorDiv(now, 60_000L) * 60_000L + 30_000L;
        if (next <= now) {
            next += 60_000L;
        }
        repeater = region.engine().clock().schedulePeriodic(Duration.ofMillis(next - now), Duration.ofMinutes(1),
                "application auto scaling " + region.name(), this::repeat);
    }

    private void repeat() {
        CloudWatch cw = cloudWatch();
        List<String> breaching = new ArrayList<>();
        for (RegisteredTarget t : targets.values()) {
            for (RegisteredPolicy p : t.policies.values()) {
                for (String alarm : alarmsInvoking(p)) {
                    if ("ALARM".equals(cw.alarmState(alarm)) && !breaching.contains(alarm)) {
                        breaching.add(alarm);
                    }
                }
            }
        }
        for (String alarm : breaching) {
            invokePolicies(alarm, "ALARM", false);
        }
    }

    private List<String> alarmsInvoking(RegisteredPolicy p) {
        if (p.isTargetTracking()) {
            return p.alarmNames;
        }
        List<String> names = new ArrayList<>();
        for (MetricAlarm a : cloudWatch().alarmsWithAction(p.arn)) {
            names.add(a.alarmName());
        }
        return names;
    }

    /** On resume, policies whose alarms are in ALARM are invoked again. */
    private void reinvokeBreaching(RegisteredTarget t) {
        CloudWatch cw = cloudWatch();
        for (RegisteredPolicy p : List.copyOf(t.policies.values())) {
            for (String alarm : alarmsInvoking(p)) {
                if ("ALARM".equals(cw.alarmState(alarm))) {
                    invokePolicies(alarm, "ALARM", false);
                }
            }
        }
    }

    private void invokePolicies(String alarmName, String state, boolean transition) {
        if ("INSUFFICIENT_DATA".equals(state)) {
            return;
        }
        MetricAlarm alarm = cloudWatch().inspectAlarm(alarmName);
        if (alarm == null || !Boolean.TRUE.equals(alarm.actionsEnabled())) {
            return;
        }
        List<String> actions = "ALARM".equals(state) ? alarm.alarmActions() : alarm.okActions();
        for (String action : actions) {
            RegisteredTarget t = targetOfPolicy.get(action);
            if (t == null || targets.get(t.resourceId) != t) {
                continue;
            }
            for (RegisteredPolicy p : List.copyOf(t.policies.values())) {
                if (p.arn.equals(action)) {
                    if (p.isTargetTracking() && "ALARM".equals(state)) {
                        trackTarget(t, p, alarm, transition);
                    } else if (!p.isTargetTracking()) {
                        step(t, p, alarm, state, transition);
                    }
                }
            }
        }
    }

    private void trackTarget(RegisteredTarget t, RegisteredPolicy p, MetricAlarm alarm, boolean transition) {
        ServiceCapacity c = ecs.serviceCapacity(t.cluster, t.service);
        if (c == null) {
            return;
        }
        String cause = "monitor alarm " + alarm.alarmName() + " in state ALARM triggered policy " + p.name;
        Instant now = region.now();
        int running = c.runningCount();
        double metric = cloudWatch().latestDatapoint(alarm.alarmName());
        if (Double.isNaN(metric) || running == 0) {
            return;
        }
        boolean high = alarm.alarmName().equals(p.highAlarm());
        if (high) {
            if (t.scalingOutSuspended) {
                return;
            }
            int proposal = clamp(t, (int) Math.ceil(running * metric / p.targetTracking.targetValue()));
            if (proposal <= c.desiredCount()) {
                if (transition) {
                    notScaled(t, c, cause, proposal >= t.maxCapacity ? "AlreadyAtMaxCapacity"
                            : "AlreadyAtDesiredCapacity");
                }
                return;
            }
            if (t.lastScaleOutCooldownEnd != null && now.isBefore(t.lastScaleOutCooldownEnd)
                    && proposal <= t.lastScaleOutTo) {
                return;
            }
            scale(t, c.desiredCount(), proposal, cause, "scale-out");
            t.lastScaleOut = now;
            t.lastScaleOutTo = proposal;
            t.lastScaleOutCooldownEnd = now.plusSeconds(p.scaleOutCooldown());
            t.lastScaleInCooldownEnd = null; // a scale-out cancels the scale-in cooldown
            return;
        }
        // scale-in: only if every scale-in-enabled target tracking policy agrees
        if (t.scalingInSuspended || c.deploymentInProgress() || p.scaleInDisabled()) {
            return;
        }
        CloudWatch cw = cloudWatch();
        int target = -1;
        for (RegisteredPolicy other : t.policies.values()) {
            if (!other.isTargetTracking() || other.scaleInDisabled()) {
                continue;
            }
            String low = other.lowAlarm();
            if (low == null || !"ALARM".equals(cw.alarmState(low))) {
                return;
            }
            double m = cw.latestDatapoint(low);
            if (Double.isNaN(m)) {
                return;
            }
            int proposal = Math.max((int) Math.ceil(running * m / other.targetTracking.targetValue()),
                    running - (int) Math.ceil(0.1 * running));
            target = Math.max(target, proposal);
        }
        target = clamp(t, target);
        if (target >= c.desiredCount()) {
            if (transition) {
                notScaled(t, c, cause, target <= t.minCapacity ? "AlreadyAtMinCapacity" : "AlreadyAtDesiredCapacity");
            }
            return;
        }
        if (t.lastScaleInCooldownEnd != null && now.isBefore(t.lastScaleInCooldownEnd)) {
            return;
        }
        scale(t, c.desiredCount(), target, cause, "scale-in");
        t.lastScaleIn = now;
        t.lastScaleInCooldownEnd = now.plusSeconds(p.scaleInCooldown());
    }

    private void step(RegisteredTarget t, RegisteredPolicy p, MetricAlarm alarm, String state, boolean transition) {
        ServiceCapacity c = ecs.serviceCapacity(t.cluster, t.service);
        if (c == null || p.step == null) {
            return;
        }
        Instant now = region.now();
        if (p.lastStepAt != null && now.isBefore(p.lastStepAt.plusSeconds(p.stepCooldown()))) {
            return;
        }
        double metric = cloudWatch().latestDatapoint(alarm.alarmName());
        if (Double.isNaN(metric) || alarm.threshold() == null) {
            return;
        }
        double diff = metric - alarm.threshold();
        StepAdjustment chosen = null;
        for (StepAdjustment s : p.step.stepAdjustments()) {
            double lower = s.metricIntervalLowerBound() == null ? Double.NEGATIVE_INFINITY
                    : s.metricIntervalLowerBound();
            double upper = s.metricIntervalUpperBound() == null ? Double.POSITIVE_INFINITY
                    : s.metricIntervalUpperBound();
            boolean in = diff >= 0 ? lower <= diff && diff < upper : lower < diff && diff <= upper;
            if (in) {
                chosen = s;
                break;
            }
        }
        if (chosen == null) {
            return;
        }
        int current = c.desiredCount();
        int adjustment = chosen.scalingAdjustment();
        int wanted = switch (p.step.adjustmentTypeAsString()) {
            case "ExactCapacity" -> adjustment;
            case "PercentChangeInCapacity" -> {
                double change = current * adjustment / 100.0;
                int rounded = (int) (change >= 0 ? Math.floor(change) : Math.ceil(change));
                int min = p.step.minAdjustmentMagnitude() == null ? 0 : p.step.minAdjustmentMagnitude();
                if (Math.abs(rounded) < min) {
                    rounded = adjustment >= 0 ? min : -min;
                }
                yield current + rounded;
            }
            default -> current + adjustment;
        };
        boolean out = wanted > current;
        if (out && t.scalingOutSuspended || !out && (t.scalingInSuspended || c.deploymentInProgress())) {
            return;
        }
        int target = clamp(t, wanted);
        String cause = "monitor alarm " + alarm.alarmName() + " in state " + state + " triggered policy " + p.name;
        if (target == current) {
            if (transition) {
                notScaled(t, c, cause, out ? "AlreadyAtMaxCapacity" : wanted < current ? "AlreadyAtMinCapacity"
                        : "AlreadyAtDesiredCapacity");
            }
            return;
        }
        scale(t, current, target, cause, out ? "scale-out" : "scale-in");
        p.lastStepAt = now;
    }

    private int clamp(RegisteredTarget t, int capacity) {
        return Math.max(t.minCapacity, Math.min(t.maxCapacity, capacity));
    }

    private void clampDesired(RegisteredTarget t) {
        ServiceCapacity c = ecs.serviceCapacity(t.cluster, t.service);
        if (c == null) {
            return;
        }
        int clamped = clamp(t, c.desiredCount());
        if (clamped != c.desiredCount()) {
            scale(t, c.desiredCount(), clamped, clamped < c.desiredCount()
                    ? "maximum capacity was set to " + t.maxCapacity : "minimum capacity was set to " + t.minCapacity,
                    "bounds");
        }
    }

    /** Sets the service's desired count (an UpdateService), journals it and records the activity. */
    void scale(RegisteredTarget t, int from, int to, String cause, String why) {
        region.record(JournalEventType.SCALING, serviceArn(t), "action", why, "from", Integer.toString(from),
                "to", Integer.toString(to));
        ecs.setDesiredCount(t.cluster, t.service, to);
        activities.scaled(ids.uuid(), t.resourceId, to, cause, region.now());
    }

    private void notScaled(RegisteredTarget t, ServiceCapacity c, String cause, String code) {
        activities.notScaled(ids.uuid(), t.resourceId, cause, NotScaledReason.builder().code(code)
                .maxCapacity(t.maxCapacity).minCapacity(t.minCapacity).currentCapacity(c.desiredCount()).build(),
                region.now());
    }

    // ----- validation and paging -----

    private String serviceArn(RegisteredTarget t) {
        return region.arns().service(t.cluster, t.service);
    }

    private static void namespace(String namespace) {
        if (namespace == null) {
            throw AutoScalingErrors.validation("1 validation error detected: Value null at 'serviceNamespace' failed "
                    + "to satisfy constraint: Member must not be null");
        }
        if (!"ecs".equals(namespace)) {
            throw AutoScalingErrors.validation("fake-ecs simulates Application Auto Scaling for the service "
                    + "namespace ecs only, not " + namespace);
        }
    }

    /** Checks namespace, dimension and resource id; returns {cluster, service}. */
    static String[] resource(String namespace, String resourceId, String dimension) {
        namespace(namespace);
        if (!DIMENSION.equals(dimension)) {
            throw AutoScalingErrors.validation("Unsupported scalable dimension '" + dimension + "' for service "
                    + "namespace ecs; ECS services scale by ecs:service:DesiredCount");
        }
        String[] parts = resourceId == null ? new String[0] : resourceId.split("/", -1);
        if (parts.length != 3 || !"service".equals(parts[0]) || parts[1].isEmpty() || parts[2].isEmpty()) {
            throw AutoScalingErrors.validation("Unsupported resource ID format '" + resourceId + "' for service "
                    + "namespace ecs; expected service/{clusterName}/{serviceName}");
        }
        return new String[] {parts[1], parts[2]};
    }

    private static void checkBounds(int min, int max) {
        if (min > max) {
            throw AutoScalingErrors.validation("Minimum capacity cannot be greater than maximum capacity");
        }
    }

    private static int[] page(int size, String token, Integer maxResults, String listing) {
        int from = 0;
        if (token != null && !token.isEmpty()) {
            try {
                from = Math.min(size, PageTokens.decode(token, listing));
            } catch (IllegalArgumentException e) {
                throw AutoScalingErrors.invalidNextToken();
            }
        }
        int n = maxResults == null ? PAGE : maxResults;
        if (n < 1 || n > PAGE) {
            throw AutoScalingErrors.validation("1 validation error detected: Value '" + n + "' at 'maxResults' failed "
                    + "to satisfy constraint: Member must have value " + (n < 1 ? "greater than or equal to 1"
                    : "less than or equal to " + PAGE));
        }
        return new int[] {from, Math.min(size, from + n)};
    }

    private static String next(int[] range, int size, String listing) {
        return range[1] < size ? PageTokens.encode(range[1], listing) : null;
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public ApplicationAutoScalingServiceClientConfiguration serviceClientConfiguration() {
        throw new UnsupportedOperationException("the simulated Application Auto Scaling has no client configuration");
    }

    @Override
    public void close() {
    }
}
