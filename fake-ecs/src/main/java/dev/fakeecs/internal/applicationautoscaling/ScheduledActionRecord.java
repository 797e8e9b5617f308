package dev.fakeecs.internal.applicationautoscaling;

import dev.fakeecs.internal.clock.QueuedEvent;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTargetAction;
import software.amazon.awssdk.services.applicationautoscaling.model.ScheduledAction;

import java.time.Instant;

/**
 * One scheduled action of a scalable target: its schedule ({@code at(...)}, {@code rate(...)}, {@code cron(...)}),
 * timezone, window and the bounds it sets, with the clock event of its next run. Mutable, under the engine lock.
 *
 * <pre>{@code
 * ScheduledActionRecord a = new ScheduledActionRecord("dinner", arn, "service/prod/orders", now);
 * a.schedule = "cron(0 19 * * ? *)";
 * }</pre>
 */
final class ScheduledActionRecord {

    final String name;
    final String arn;
    final String resourceId;
    final Instant created;
    String schedule;
    String timezone;
    Instant startTime;
    Instant endTime;
    Integer minCapacity;
    Integer maxCapacity;
    QueuedEvent next;

    ScheduledActionRecord(String name, String arn, String resourceId, Instant created) {
        this.name = name;
        this.arn = arn;
        this.resourceId = resourceId;
        this.created = created;
    }

    ScheduledAction render() {
        return ScheduledAction.builder()
                .scheduledActionName(name)
                .scheduledActionARN(arn)
                .serviceNamespace("ecs")
                .schedule(schedule)
                .timezone(timezone)
                .resourceId(resourceId)
                .scalableDimension(ApplicationAutoScaling.DIMENSION)
                .startTime(startTime)
                .endTime(endTime)
                .scalableTargetAction(ScalableTargetAction.builder().minCapacity(minCapacity)
                        .maxCapacity(maxCapacity).build())
                .creationTime(created)
                .build();
    }
}
