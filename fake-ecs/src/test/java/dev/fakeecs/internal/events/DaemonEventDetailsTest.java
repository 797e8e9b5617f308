package dev.fakeecs.internal.events;

import dev.fakeecs.journal.JournalEntry;
import dev.fakeecs.journal.JournalEventType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The daemon events' details for entries a world rarely produces through the API (see DaemonEventsTest). */
class DaemonEventDetailsTest {

    private static final String DAEMON = "arn:aws:ecs:us-east-1:123456789012:daemon/prod/agent";
    private static final String DEPLOYMENT = "arn:aws:ecs:us-east-1:123456789012:daemon-deployment/prod/agent/abc";
    private static final String HOST = "arn:aws:ecs:us-east-1:123456789012:container-instance/prod/1234";
    private static final Instant NOW = Instant.parse("2026-01-01T00:01:30.250Z");

    private static JournalEntry entry(JournalEventType type, String subject, String... details) {
        Map<String, String> d = new LinkedHashMap<>();
        for (int i = 0; i < details.length; i += 2) {
            d.put(details[i], details[i + 1]);
        }
        return new JournalEntry(0, NOW, "us-east-1", type, subject, d);
    }

    @Test
    void should_report_a_daemon_task_that_could_not_be_placed_as_task_creation_failed_without_a_task() {
        // when
        Map<String, Object> d = DaemonEvents.notPlaced(entry(JournalEventType.TASK_STATE, DAEMON, "daemonTask",
                "not placed", "containerInstance", HOST, "reason", "RESOURCE:MEMORY"), NOW);

        // then
        assertThat(d).containsOnlyKeys("eventType", "eventName", "clusterArn", "daemonArn", "containerInstanceArn",
                        "failureType", "reason", "createdAt")
                .containsEntry("eventType", "WARNING").containsEntry("eventName", "DAEMON_TASK_START_IMPAIRED")
                .containsEntry("failureType", "TASK_CREATION_FAILED")
                .containsEntry("clusterArn", "arn:aws:ecs:us-east-1:123456789012:cluster/prod")
                .containsEntry("daemonArn", DAEMON).containsEntry("containerInstanceArn", HOST)
                .containsEntry("createdAt", "2026-01-01T00:01:30.250Z");
        assertThat((String) d.get("reason")).endsWith("RESOURCE:MEMORY");
    }

    @Test
    void should_name_each_deployment_status_and_mark_failures_as_errors() {
        assertThat(change("ROLLBACK_FAILED", "reason", "No earlier revision to roll back to."))
                .containsEntry("eventName", "DAEMON_DEPLOYMENT_ROLLBACK_FAILED").containsEntry("eventType", "ERROR")
                .containsEntry("reason", "No earlier revision to roll back to.")
                .containsEntry("daemonDeploymentArn", DEPLOYMENT).containsEntry("updatedAt", "2026-01-01T00:01:30.250Z");
        assertThat(change("STOPPED", "reason", "Superseded by a newer deployment."))
                .containsEntry("eventName", "DAEMON_DEPLOYMENT_STOPPED").containsEntry("eventType", "INFO");
        assertThat(change("PENDING")).doesNotContainKey("reason").containsEntry("eventType", "INFO");
        assertThat(change("batch", "instances", HOST)).isNull();
        assertThat(change("baking", "minutes", "2")).isNull();
        assertThat(change("daemonTaskFailed", "failures", "1", "threshold", "3")).isNull();
    }

    private static Map<String, Object> change(String what, String... more) {
        String[] details = new String[more.length + 4];
        details[0] = "daemonDeployment";
        details[1] = what;
        details[2] = "daemon";
        details[3] = DAEMON;
        System.arraycopy(more, 0, details, 4, more.length);
        return DaemonEvents.deploymentChange(entry(JournalEventType.DEPLOYMENT, DEPLOYMENT, details), NOW);
    }
}
