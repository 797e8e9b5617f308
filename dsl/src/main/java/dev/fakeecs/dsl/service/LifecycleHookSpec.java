package dev.fakeecs.dsl.service;

import dev.fakeecs.dsl.internal.Check;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHook;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHookAction;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHookStage;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHookTargetType;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHookTimeoutConfiguration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One deployment lifecycle hook of a service ({@code deploymentConfiguration.lifecycleHooks[]}): an AWS Lambda
 * function ECS invokes at the listed stages of a BLUE_GREEN, LINEAR or CANARY deployment, or a PAUSE hook that
 * waits for {@code ContinueServiceDeployment}; optionally a timeout with what to do when it passes, and hook
 * details handed to the function. Immutable; wraps the SDK's {@link DeploymentLifecycleHook}. How the function
 * answers in the fake is declared apart ({@code world.hookFunction(arn, fn)} or {@code hookAnswer}).
 *
 * <pre>{@code
 * LifecycleHookSpec smoke = LifecycleHookSpec.lambda("arn:aws:lambda:us-east-1:123456789012:function:smoke")
 *     .stages(DeploymentLifecycleHookStage.POST_TEST_TRAFFIC_SHIFT)
 *     .role("arn:aws:iam::123456789012:role/ecs-hooks")
 *     .timeout(Duration.ofMinutes(10), DeploymentLifecycleHookAction.ROLLBACK)
 *     .detail("suite", "smoke").build();
 * LifecycleHookSpec gate = LifecycleHookSpec.pause(DeploymentLifecycleHookStage.POST_SCALE_UP).build();
 * }</pre>
 */
public final class LifecycleHookSpec {

    private final DeploymentLifecycleHook hook;

    private LifecycleHookSpec(DeploymentLifecycleHook hook) {
        this.hook = hook;
    }

    /** A hook invoking the Lambda function {@code functionArn} ({@code arn:aws:lambda:<region>:<account>:function:<name>}). */
    public static Builder lambda(String functionArn) {
        Builder b = new Builder();
        b.type = DeploymentLifecycleHookTargetType.AWS_LAMBDA;
        b.functionArn = functionArn;
        return b;
    }

    /** A PAUSE hook: the deployment waits at {@code stages} until {@code ContinueServiceDeployment} (or its timeout). */
    public static Builder pause(DeploymentLifecycleHookStage... stages) {
        Builder b = new Builder();
        b.type = DeploymentLifecycleHookTargetType.PAUSE;
        return b.stages(stages);
    }

    /** Reads an SDK hook (as imported from create-service JSON), validating it. */
    public static LifecycleHookSpec from(DeploymentLifecycleHook hook) {
        Builder b = new Builder();
        b.type = hook.targetType() == null ? DeploymentLifecycleHookTargetType.AWS_LAMBDA : hook.targetType();
        b.functionArn = hook.hookTargetArn();
        b.roleArn = hook.roleArn();
        b.stages.addAll(hook.lifecycleStages());
        b.timeout = hook.timeoutConfiguration();
        b.details = hook.hookDetails();
        return b.build();
    }

    /** AWS_LAMBDA or PAUSE. */
    public DeploymentLifecycleHookTargetType targetType() {
        return hook.targetType() == null ? DeploymentLifecycleHookTargetType.AWS_LAMBDA : hook.targetType();
    }

    /** The Lambda function's ARN (null for a PAUSE hook). */
    public String functionArn() { return hook.hookTargetArn(); }
    public String roleArn() { return hook.roleArn(); }
    /** The stages the hook runs at. */
    public List<DeploymentLifecycleHookStage> stages() { return hook.lifecycleStages(); }
    /** The timeout, or null for ECS's default. */
    public Duration timeout() {
        return hook.timeoutConfiguration() == null || hook.timeoutConfiguration().timeoutInMinutes() == null ? null
                : Duration.ofMinutes(hook.timeoutConfiguration().timeoutInMinutes());
    }
    /** What ECS does when the timeout passes (null for ECS's default). */
    public DeploymentLifecycleHookAction timeoutAction() {
        return hook.timeoutConfiguration() == null ? null : hook.timeoutConfiguration().action();
    }

    /** The hook as the SDK's CreateService takes it. */
    public DeploymentLifecycleHook toSdk() {
        return hook;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LifecycleHookSpec h && h.hook.equals(hook);
    }

    @Override
    public int hashCode() {
        return hook.hashCode();
    }

    @Override
    public String toString() {
        return "LifecycleHook[" + (functionArn() == null ? targetType() : functionArn()) + " at " + stages() + "]";
    }

    /** Builds a {@link LifecycleHookSpec}; {@link #build()} validates. */
    public static final class Builder {
        private DeploymentLifecycleHookTargetType type;
        private String functionArn;
        private String roleArn;
        private final List<DeploymentLifecycleHookStage> stages = new ArrayList<>();
        private DeploymentLifecycleHookTimeoutConfiguration timeout;
        private Document details;
        private final Map<String, Document> detailEntries = new LinkedHashMap<>();

        private Builder() {
        }

        /** The stages the hook runs at (added to those declared). */
        public Builder stages(DeploymentLifecycleHookStage... values) {
            for (DeploymentLifecycleHookStage s : values) {
                if (!stages.contains(s)) {
                    stages.add(s);
                }
            }
            return this;
        }

        /** The IAM role ECS invokes the function with. */
        public Builder role(String value) { this.roleArn = value; return this; }

        /** How long ECS waits for the hook (whole minutes), and what it does then (ROLLBACK or CONTINUE). */
        public Builder timeout(Duration value, DeploymentLifecycleHookAction action) {
            Check.that(value != null && !value.isNegative() && value.toSeconds() % 60 == 0, "lifecycleHook "
                    + functionArn, "timeout", value, "must be whole minutes");
            this.timeout = DeploymentLifecycleHookTimeoutConfiguration.builder()
                    .timeoutInMinutes(Math.toIntExact(value.toMinutes())).action(action).build();
            return this;
        }

        /** A {@code hookDetails} entry handed to the function with every invocation. */
        public Builder detail(String key, String value) {
            detailEntries.put(key, Document.fromString(value));
            return this;
        }

        public LifecycleHookSpec build() {
            boolean pause = type == DeploymentLifecycleHookTargetType.PAUSE;
            String where = "lifecycleHook " + (pause ? "PAUSE" : functionArn);
            if (!pause) {
                Check.notBlank(where, "hookTargetArn", functionArn);
                Check.that(functionArn.matches("arn:aws[a-z-]*:lambda:[a-z0-9-]+:\\d{12}:function:[A-Za-z0-9_-]+(:[A-Za-z0-9_$-]+)?"),
                        where, "hookTargetArn", functionArn,
                        "must be a Lambda function ARN (arn:aws:lambda:<region>:<account>:function:<name>)");
            } else {
                for (DeploymentLifecycleHookStage s : stages) {
                    Check.that(s != DeploymentLifecycleHookStage.TEST_TRAFFIC_SHIFT
                                    && s != DeploymentLifecycleHookStage.PRODUCTION_TRAFFIC_SHIFT, where,
                            "lifecycleStages", s, "a PAUSE hook cannot run at the " + s + " stage");
                }
            }
            Check.that(!stages.isEmpty(), where, "lifecycleStages", stages, "must contain at least one stage");
            if (timeout != null) {
                Check.range(where, "timeout.timeoutInMinutes", timeout.timeoutInMinutes(), 1, 1440);
            }
            Document hookDetails = details;
            if (!detailEntries.isEmpty()) {
                Map<String, Document> all = new LinkedHashMap<>();
                if (details != null && details.isMap()) {
                    all.putAll(details.asMap());
                }
                all.putAll(detailEntries);
                hookDetails = Document.fromMap(all);
            }
            DeploymentLifecycleHook.Builder h = DeploymentLifecycleHook.builder().targetType(type)
                    .hookTargetArn(pause ? null : functionArn).roleArn(roleArn).lifecycleStages(stages)
                    .timeoutConfiguration(timeout);
            if (hookDetails != null) {
                h.hookDetails(hookDetails);
            }
            return new LifecycleHookSpec(h.build());
        }
    }

    static List<LifecycleHookSpec> fromSdk(List<DeploymentLifecycleHook> hooks) {
        return hooks.stream().map(LifecycleHookSpec::from).toList();
    }

    static boolean sameFunction(LifecycleHookSpec a, LifecycleHookSpec b) {
        return a.targetType() == b.targetType() && Objects.equals(a.functionArn(), b.functionArn());
    }
}
