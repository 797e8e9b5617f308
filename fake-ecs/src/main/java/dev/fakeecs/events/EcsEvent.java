package dev.fakeecs.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One ECS event as EventBridge delivers it: the envelope ({@code version "0"}, {@code id}, {@code detail-type},
 * {@code source "aws.ecs"}, {@code account}, {@code time} without milliseconds, {@code region},
 * {@code resources}) and its {@code detail}, a JSON-like tree of maps, lists, strings, numbers and booleans
 * (timestamps inside it are ISO-8601 strings with milliseconds). {@link #toJson()} is the envelope as
 * EventBridge would hand it to a rule's target.
 *
 * <pre>{@code
 * EcsEvent e = ecs.events().ofType(EcsEvent.TASK_STATE_CHANGE).get(0);
 * e.detail().get("lastStatus");      // "PROVISIONING"
 * e.resources();                     // [arn:aws:ecs:us-east-1:123456789012:task/prod/3f9c...]
 * handler.handleRequest(e.toJson());
 * }</pre>
 */
public final class EcsEvent {

    /** {@code ECS Task State Change}: a task or one of its containers changed status. */
    public static final String TASK_STATE_CHANGE = "ECS Task State Change";
    /** {@code ECS Container Instance State Change}: registration, status, agent connection, resources. */
    public static final String CONTAINER_INSTANCE_STATE_CHANGE = "ECS Container Instance State Change";
    /** {@code ECS Service Action}: steady state, placement failures, impaired starts, tasks stopped. */
    public static final String SERVICE_ACTION = "ECS Service Action";
    /** {@code ECS Deployment State Change}: a service deployment in progress, completed or failed. */
    public static final String DEPLOYMENT_STATE_CHANGE = "ECS Deployment State Change";
    /** {@code ECS Hook State Change}: a deployment lifecycle hook waiting, succeeded, failed or timed out. */
    public static final String HOOK_STATE_CHANGE = "ECS Hook State Change";
    /** {@code ECS Daemon Deployment State Change}: a Managed Daemons deployment entered a status. */
    public static final String DAEMON_DEPLOYMENT_STATE_CHANGE = "ECS Daemon Deployment State Change";
    /** {@code ECS Daemon Service Action}: a daemon task could not start on its instance. */
    public static final String DAEMON_SERVICE_ACTION = "ECS Daemon Service Action";
    /** The {@code source} of every ECS event. */
    public static final String SOURCE = "aws.ecs";

    private final long sequence;
    private final String id;
    private final String detailType;
    private final String account;
    private final Instant time;
    private final String region;
    private final List<String> resources;
    /** Renders the envelope; dropped once {@link #json} is set. */
    private volatile Supplier<String> renderer;
    private volatile String json;
    /** Parsed from the JSON on first use: a long-running server keeps only the text. */
    private volatile Map<String, Object> detail;
    /** What a bounded stream counts this event as until its JSON is written (then: the JSON's length). */
    private final int estimatedChars;
    /** The characters the stream counted when it kept this event (it subtracts the same when it drops it). */
    int accountedChars;

    /**
     * An event; {@code json} is the envelope rendered from the other fields, its {@code detail} the event's detail
     * (the engine builds it).
     */
    public EcsEvent(long sequence, String id, String detailType, String account, Instant time, String region,
                    List<String> resources, String json) {
        this(sequence, id, detailType, account, time, region, resources, () -> json, json.length());
        this.json = Objects.requireNonNull(json, "json");
    }

    /**
     * An event whose envelope is rendered on first use by {@code renderer} (from a snapshot taken when the event was
     * emitted, so the text is the same whenever it is asked for): tests that never read an event's JSON do not pay
     * for writing it.
     */
    public EcsEvent(long sequence, String id, String detailType, String account, Instant time, String region,
                    List<String> resources, Supplier<String> renderer) {
        this(sequence, id, detailType, account, time, region, resources, renderer, 1024);
    }

    /**
     * An event rendered on first use, which a stream bounded by characters counts as {@code estimatedChars} until
     * then (the engine passes the length of the last event of the same kind it wrote).
     */
    public EcsEvent(long sequence, String id, String detailType, String account, Instant time, String region,
                    List<String> resources, Supplier<String> renderer, int estimatedChars) {
        this.estimatedChars = estimatedChars;
        this.sequence = sequence;
        this.id = Objects.requireNonNull(id, "id");
        this.detailType = Objects.requireNonNull(detailType, "detailType");
        this.account = Objects.requireNonNull(account, "account");
        this.time = Objects.requireNonNull(time, "time");
        this.region = Objects.requireNonNull(region, "region");
        this.resources = List.copyOf(resources);
        this.renderer = Objects.requireNonNull(renderer, "renderer");
    }

    /** The position in the world's event stream, from 0 (what {@code ?since=N} counts). */
    public long sequence() {
        return sequence;
    }

    /** The event id (a UUID drawn from the events' own seeded stream). */
    public String id() {
        return id;
    }

    /** The {@code detail-type}: one of the constants of this class. */
    public String detailType() {
        return detailType;
    }

    /** Always {@code aws.ecs}. */
    public String source() {
        return SOURCE;
    }

    public String account() {
        return account;
    }

    /** The virtual instant of the event (the envelope shows it without milliseconds). */
    public Instant time() {
        return time;
    }

    public String region() {
        return region;
    }

    /** The ARNs the event is about (the task, container instance or service). */
    public List<String> resources() {
        return resources;
    }

    /**
     * The {@code detail} object, immutable: maps, lists, strings, numbers ({@code Integer}, {@code Long} or
     * {@code Double}, as JSON parsers read them) and booleans, in AWS's field order.
     */
    public Map<String, Object> detail() {
        Map<String, Object> d = detail;
        if (d == null) {
            d = DetailParser.detailOf(toJson());
            detail = d;
        }
        return d;
    }

    /** One top-level detail field as text, or null when absent. */
    public String detailText(String field) {
        Object value = detail().get(field);
        return value == null ? null : String.valueOf(value);
    }

    /** The JSON's length once written, the estimate given at construction before. */
    int charsForBudget() {
        String j = json;
        return j != null ? j.length() : estimatedChars;
    }

    /** The whole envelope as one line of JSON, as EventBridge delivers it. */
    public String toJson() {
        String j = json;
        if (j == null) {
            synchronized (this) {
                j = json;
                if (j == null) {
                    j = Objects.requireNonNull(renderer.get(), "rendered JSON");
                    json = j;
                    renderer = null;
                }
            }
        }
        return j;
    }

    @Override
    public String toString() {
        return toJson();
    }
}
