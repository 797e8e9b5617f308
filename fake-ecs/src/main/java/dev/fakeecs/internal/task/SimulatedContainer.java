package dev.fakeecs.internal.task;

import dev.fakeecs.image.ImageBehavior;

/**
 * One container of a task: its image, behaviour, status, exit code and health. Mutable engine
 * state, changed only under the engine lock.
 *
 * <pre>{@code
 * SimulatedContainer app = task.container("app");
 * app.exitCode();       // 137 after an OOM kill
 * }</pre>
 */
public final class SimulatedContainer {

    private final String name;
    private final String arn;
    private final String runtimeId;
    private final String image;
    private final boolean essential;
    private final boolean hasHealthCheck;
    private final ImageBehavior behavior;
    private String lastStatus = "PENDING";
    private Integer exitCode;
    private String reason;
    private String healthStatus;
    private String imageDigest;

    public SimulatedContainer(String name, String arn, String runtimeId, String image, boolean essential,
                     boolean hasHealthCheck, ImageBehavior behavior) {
        this.name = name;
        this.arn = arn;
        this.runtimeId = runtimeId;
        this.image = image;
        this.essential = essential;
        this.hasHealthCheck = hasHealthCheck;
        this.behavior = behavior;
        this.healthStatus = "UNKNOWN";
    }

    public String name() {
        return name;
    }

    public String arn() {
        return arn;
    }

    public String runtimeId() {
        return runtimeId;
    }

    public String image() {
        return image;
    }

    public boolean essential() {
        return essential;
    }

    public boolean hasHealthCheck() {
        return hasHealthCheck;
    }

    public ImageBehavior behavior() {
        return behavior;
    }

    public String lastStatus() {
        return lastStatus;
    }

    public void lastStatus(String status) {
        this.lastStatus = status;
    }

    public Integer exitCode() {
        return exitCode;
    }

    public void exitCode(Integer code) {
        this.exitCode = code;
    }

    public String reason() {
        return reason;
    }

    public void reason(String reason) {
        this.reason = reason;
    }

    /** HEALTHY, UNHEALTHY or UNKNOWN (no health check configured, or not yet decided). */
    public String healthStatus() {
        return healthStatus;
    }

    public void healthStatus(String status) {
        this.healthStatus = status;
    }

    /** The digest the image resolved to when it was pulled (from a regional registry), or null. */
    public String imageDigest() {
        return imageDigest;
    }

    public void imageDigest(String digest) {
        this.imageDigest = digest;
    }

    public boolean isStopped() {
        return "STOPPED".equals(lastStatus);
    }
}
