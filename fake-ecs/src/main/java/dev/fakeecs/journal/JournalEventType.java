package dev.fakeecs.journal;

/**
 * What kind of state change a journal entry records.
 *
 * <pre>{@code
 * ecs.journal().ofType(JournalEventType.TASK_STATE);
 * }</pre>
 */
public enum JournalEventType {
    CLUSTER,
    CAPACITY_PROVIDER,
    AUTO_SCALING_GROUP,
    CONTAINER_INSTANCE,
    TASK_DEFINITION,
    TASK_PLACED,
    TASK_PLACEMENT_FAILED,
    TASK_STATE,
    CONTAINER_STATE,
    SERVICE,
    SERVICE_EVENT,
    DEPLOYMENT,
    SCALING,
    FAULT,
    IMAGE,
    DNS,
    TRAFFIC,
    API,
    /** Account setting changes (PutAccountSetting, PutAccountSettingDefault, DeleteAccountSetting). */
    ACCOUNT_SETTING,
    /** Tag changes (TagResource, UntagResource). */
    TAG,
    /** Elastic Load Balancing resources created, changed or deleted (load balancers, target groups, listeners, rules). */
    LOAD_BALANCER,
    /** A target registered in or deregistered from a target group, and the end of its draining. */
    TARGET_REGISTRATION,
    /** A target's health state changed (initial, healthy, unhealthy, unused, draining). */
    TARGET_HEALTH,
    /** A CloudWatch metric alarm created, deleted, or changing state (evaluation or SetAlarmState). */
    ALARM_STATE
}
