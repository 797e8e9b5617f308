package dev.fakeecs.internal.deployment;

import java.time.Instant;
import java.util.Map;

/**
 * One lifecycle hook's execution at one stage of a deployment: which hook ({@code index} into
 * {@code lifecycleHooks}), its id, status (IN_PROGRESS, AWAITING_ACTION, SUCCEEDED, FAILED, TIMED_OUT), when it
 * expires, when ECS invokes it next or expects its reply, and the {@code hookDetails} carried between invocations.
 * Mutable engine state.
 *
 * <pre>{@code
 * HookExecution h = staged.hooks().get(0);
 * h.status();      // "IN_PROGRESS"
 * h.expiresAt();   // started + timeoutInMinutes
 * }</pre>
 */
public final class HookExecution {

    private final int index;
    private final String hookId;
    private final String targetType;
    private final String targetArn;
    private final String timeoutAction;
    private final Instant expiresAt;
    private String status;
    private Instant nextInvocationAt;
    private Instant replyAt;
    private Map<String, Object> pendingReply;
    private Object hookDetails;

    public HookExecution(int index, String hookId, String targetType, String targetArn, String timeoutAction,
                         Instant expiresAt, String status, Object hookDetails) {
        this.index = index;
        this.hookId = hookId;
        this.targetType = targetType;
        this.targetArn = targetArn;
        this.timeoutAction = timeoutAction;
        this.expiresAt = expiresAt;
        this.status = status;
        this.hookDetails = hookDetails;
    }

    public int index() { return index; }
    public String hookId() { return hookId; }
    /** AWS_LAMBDA or PAUSE. */
    public String targetType() { return targetType; }
    public String targetArn() { return targetArn; }
    /** CONTINUE or ROLLBACK. */
    public String timeoutAction() { return timeoutAction; }
    public Instant expiresAt() { return expiresAt; }
    public String status() { return status; }
    public void status(String s) { this.status = s; }
    public boolean isPause() { return "PAUSE".equals(targetType); }
    public boolean isDone() { return "SUCCEEDED".equals(status) || "FAILED".equals(status) || "TIMED_OUT".equals(status); }
    /** When ECS invokes the function (again); null when not scheduled. */
    public Instant nextInvocationAt() { return nextInvocationAt; }
    public void nextInvocationAt(Instant at) { this.nextInvocationAt = at; }
    /** When the pending reply arrives; null when none is pending. */
    public Instant replyAt() { return replyAt; }
    public Map<String, Object> pendingReply() { return pendingReply; }
    public void pendingReply(Map<String, Object> reply, Instant at) {
        this.pendingReply = reply;
        this.replyAt = at;
    }
    /** The hookDetails the next invocation carries (the configured ones, then the function's last reply's). */
    public Object hookDetails() { return hookDetails; }
    public void hookDetails(Object details) { this.hookDetails = details; }
}
