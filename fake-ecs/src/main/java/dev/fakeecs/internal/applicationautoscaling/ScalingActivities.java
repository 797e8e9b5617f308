package dev.fakeecs.internal.applicationautoscaling;

import software.amazon.awssdk.services.applicationautoscaling.model.NotScaledReason;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingActivity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The scaling activities of a region, newest first, kept six weeks: successful ones ({@code Setting desired count
 * to N.}) and, shown only with {@code IncludeNotScaledActivities}, the ones that did not scale ({@code Failed} with
 * their {@code NotScaledReasons}).
 *
 * <pre>{@code
 * activities.scaled(id, "service/prod/orders", 4, "monitor alarm X in state ALARM triggered policy cpu60", now);
 * List<ScalingActivity> shown = activities.list("service/prod/orders", false, now);
 * }</pre>
 */
final class ScalingActivities {

    /** How long activities are kept. */
    static final Duration RETENTION = Duration.ofDays(42);

    private record Entry(ScalingActivity activity, boolean notScaled) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** Records a desired-count change that ECS fulfilled. */
    void scaled(String activityId, String resourceId, int desired, String cause, Instant at) {
        add(new Entry(ScalingActivity.builder()
                .activityId(activityId)
                .serviceNamespace("ecs")
                .resourceId(resourceId)
                .scalableDimension(ApplicationAutoScaling.DIMENSION)
                .description("Setting desired count to " + desired + ".")
                .cause(cause)
                .startTime(at)
                .endTime(at)
                .statusCode("Successful")
                .statusMessage("Successfully set desired count to " + desired
                        + ". Change successfully fulfilled by ecs.")
                .build(), false), at);
    }

    /** Records an attempt that did not scale, with why. */
    void notScaled(String activityId, String resourceId, String cause, NotScaledReason reason, Instant at) {
        add(new Entry(ScalingActivity.builder()
                .activityId(activityId)
                .serviceNamespace("ecs")
                .resourceId(resourceId)
                .scalableDimension(ApplicationAutoScaling.DIMENSION)
                .description("Attempting to scale due to alarm triggered")
                .cause(cause)
                .startTime(at)
                .endTime(at)
                .statusCode("Failed")
                .statusMessage("Failed to set desired count.")
                .notScaledReasons(reason)
                .build(), true), at);
    }

    private void add(Entry e, Instant now) {
        entries.add(0, e);
        Instant horizon = now.minus(RETENTION);
        entries.removeIf(x -> x.activity().startTime().isBefore(horizon));
    }

    /** The activities of one target (every target when {@code resourceId} is null), newest first. */
    List<ScalingActivity> list(String resourceId, boolean includeNotScaled) {
        List<ScalingActivity> out = new ArrayList<>();
        for (Entry e : entries) {
            if ((resourceId == null || resourceId.equals(e.activity().resourceId()))
                    && (includeNotScaled || !e.notScaled())) {
                out.add(e.activity());
            }
        }
        return out;
    }
}
