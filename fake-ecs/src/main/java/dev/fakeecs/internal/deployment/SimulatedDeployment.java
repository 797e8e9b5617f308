package dev.fakeecs.internal.deployment;

import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

import java.time.Instant;
import java.util.List;

/**
 * One deployment of a service ({@code ecs-svc/<19 digits>}): the task definition and launch
 * settings it rolls out, its status (PRIMARY, ACTIVE, INACTIVE), rollout state (IN_PROGRESS,
 * COMPLETED, FAILED) and the circuit breaker's failure count. Mutable engine state.
 */
public final class SimulatedDeployment {

    private final String id;
    private final TaskDefinition taskDefinition;
    private final String launchType;
    private final List<CapacityProviderStrategyItem> capacityProviderStrategy;
    private final NetworkConfiguration networkConfiguration;
    private final Instant createdAt;
    private String status = "PRIMARY";
    private String rolloutState = "IN_PROGRESS";
    private String rolloutStateReason;
    private Instant updatedAt;
    private int desiredCount;
    private int failedTasks;
    private boolean everHealthy;
    private List<software.amazon.awssdk.services.ecs.model.LoadBalancer> loadBalancers = List.of();
    private String strategy = "ROLLING";
    private StagedRollout staged;
    private String alarmsStatus;
    private List<String> triggeredAlarms = List.of();
    private Instant alarmBakeUntil;

    public SimulatedDeployment(String id, TaskDefinition taskDefinition, String launchType,
                      List<CapacityProviderStrategyItem> capacityProviderStrategy,
                      NetworkConfiguration networkConfiguration, int desiredCount, Instant createdAt) {
        this.id = id;
        this.taskDefinition = taskDefinition;
        this.launchType = launchType;
        this.capacityProviderStrategy = List.copyOf(capacityProviderStrategy);
        this.networkConfiguration = networkConfiguration;
        this.desiredCount = desiredCount;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        this.rolloutStateReason = "ECS deployment " + id + " in progress.";
    }

    public String id() { return id; }
    public TaskDefinition taskDefinition() { return taskDefinition; }
    /** EC2 or FARGATE when given, else null (capacity provider strategy). */
    public String launchType() { return launchType; }
    public List<CapacityProviderStrategyItem> capacityProviderStrategy() { return capacityProviderStrategy; }
    public NetworkConfiguration networkConfiguration() { return networkConfiguration; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public String status() { return status; }
    public String rolloutState() { return rolloutState; }
    public String rolloutStateReason() { return rolloutStateReason; }
    public int desiredCount() { return desiredCount; }
    public int failedTasks() { return failedTasks; }
    /** The load balancers the deployment's tasks register with (the service's or task set's, when it started). */
    public List<software.amazon.awssdk.services.ecs.model.LoadBalancer> loadBalancers() { return loadBalancers; }
    public void loadBalancers(List<software.amazon.awssdk.services.ecs.model.LoadBalancer> list) {
        this.loadBalancers = List.copyOf(list);
    }
    public boolean everHealthy() { return everHealthy; }

    /** ROLLING, BLUE_GREEN, LINEAR or CANARY: the strategy the deployment runs with (fixed when it starts). */
    public String strategy() { return strategy; }
    public void strategy(String s) { this.strategy = s; }
    /** The stage machine of a BLUE_GREEN, LINEAR or CANARY deployment; null for ROLLING. */
    public StagedRollout staged() { return staged; }
    public void staged(StagedRollout s) { this.staged = s; }
    /** Whether it shifts traffic in stages (BLUE_GREEN, LINEAR, CANARY): not ROLLING, even with hook stages. */
    public boolean shiftsTraffic() { return staged != null && !"ROLLING".equals(strategy); }

    /**
     * The deployment's CloudWatch alarm monitoring as ServiceDeployment {@code alarms.status} shows it: null when
     * no alarms are configured (DISABLED), else MONITORING, TRIGGERED, MONITORING_COMPLETE or DISABLED (an alarm
     * was already in ALARM when the deployment started).
     */
    public String alarmsStatus() { return alarmsStatus; }
    public void alarmsStatus(String s) { this.alarmsStatus = s; }
    /** The configured alarms found in ALARM (when TRIGGERED). */
    public List<String> triggeredAlarms() { return triggeredAlarms; }
    public void triggeredAlarms(List<String> names) { this.triggeredAlarms = List.copyOf(names); }
    /** Until when a ROLLING deployment with alarms stays IN_PROGRESS after its tasks settled; null before. */
    public Instant alarmBakeUntil() { return alarmBakeUntil; }
    public void alarmBakeUntil(Instant until) { this.alarmBakeUntil = until; }

    public boolean isPrimary() { return "PRIMARY".equals(status); }
    public boolean isFailed() { return "FAILED".equals(rolloutState); }
    public boolean isCompleted() { return "COMPLETED".equals(rolloutState); }

    public void status(String status, Instant at) {
        this.status = status;
        this.updatedAt = at;
    }

    public void rollout(String state, String reason, Instant at) {
        this.rolloutState = state;
        this.rolloutStateReason = reason;
        this.updatedAt = at;
    }

    public void desiredCount(int count, Instant at) {
        this.desiredCount = count;
        this.updatedAt = at;
    }

    /** Counts one more failed task (for the circuit breaker); returns the new count. */
    public int recordFailure() {
        return ++failedTasks;
    }

    /** A task of this deployment became healthy: the consecutive failure count resets. */
    public void recordHealthy() {
        failedTasks = 0;
        everHealthy = true;
    }

    @Override
    public String toString() {
        return "Deployment[" + id + " " + status + " " + rolloutState + " " + taskDefinition.family() + ":"
                + taskDefinition.revision() + "]";
    }
}
