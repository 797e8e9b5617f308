package dev.fakeecs.samples.fooddelivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A small alerting handler as a team would deploy it behind an EventBridge rule
 * ({@code {"source": ["aws.ecs"], "detail-type": ["ECS Task State Change"]}}): it reads the raw event JSON and
 * pages once per Spot task that gets its two-minute interruption warning, naming the service and the zone.
 *
 * <pre>{@code
 * SpotInterruptionAlerts alerts = new SpotInterruptionAlerts();
 * ecs.events().addListener(e -> alerts.handle(e.toJson()));
 * }</pre>
 */
final class SpotInterruptionAlerts {

    /** One page: which service lost which task where, and when ECS said so. */
    record Alert(String service, String taskArn, String availabilityZone, String time) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Alert> sent = new ArrayList<>();
    private final Set<String> alerted = new LinkedHashSet<>();

    /** Handles one EventBridge event, as a Lambda function receives it. */
    void handle(String eventJson) {
        JsonNode event;
        try {
            event = JSON.readTree(eventJson);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode detail = event.path("detail");
        if (!"ECS Task State Change".equals(event.path("detail-type").asText())
                || !"SpotInterruption".equals(detail.path("stopCode").asText())
                || !"STOPPED".equals(detail.path("desiredStatus").asText())) {
            return;
        }
        String taskArn = detail.path("taskArn").asText();
        if (alerted.add(taskArn)) {   // the task sends several events on its way to STOPPED: page once
            String group = detail.path("group").asText();
            sent.add(new Alert(group.startsWith("service:") ? group.substring("service:".length()) : group, taskArn,
                    detail.path("availabilityZone").asText(), event.path("time").asText()));
        }
    }

    List<Alert> sent() {
        return List.copyOf(sent);
    }
}
