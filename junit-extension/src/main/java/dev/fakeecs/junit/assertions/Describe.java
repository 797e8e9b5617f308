package dev.fakeecs.junit.assertions;

import dev.fakeecs.internal.deployment.Deployment;
import dev.fakeecs.junit.EcsServiceHandle;
import dev.fakeecs.internal.service.Service;
import dev.fakeecs.internal.task.Task;

import java.util.stream.Collectors;

/** One-line state summaries used in failure messages. */
final class Describe {

    private Describe() {
    }

    static String service(EcsServiceHandle handle) {
        Service s = handle.state();
        if (s == null) {
            return "(no such service)";
        }
        software.amazon.awssdk.services.ecs.model.Service d = handle.cluster().state().services().describe(s);
        return s.status() + ", desired " + d.desiredCount() + ", running " + d.runningCount() + ", pending "
                + d.pendingCount() + ", deployments " + s.deployments().stream().map(Describe::deployment)
                .collect(Collectors.joining(", ", "[", "]"));
    }

    static String deployment(Deployment d) {
        return d.id() + " " + d.status() + " " + d.rolloutState() + " (desired " + d.desiredCount()
                + (d.failedTasks() > 0 ? ", failed " + d.failedTasks() : "") + ")";
    }

    static String task(Task t) {
        if (t == null) {
            return "(no such task)";
        }
        StringBuilder b = new StringBuilder(t.id()).append(' ').append(t.lastStatus()).append('/')
                .append(t.desiredStatus());
        b.append(" on ").append(t.capacityProviderName() != null ? t.capacityProviderName() : t.launchType());
        if (t.availabilityZone() != null) {
            b.append(" in ").append(t.availabilityZone());
        }
        if (t.stopCode() != null) {
            b.append(", stopCode ").append(t.stopCode());
        }
        if (t.stoppedReason() != null) {
            b.append(", reason \"").append(t.stoppedReason()).append('"');
        }
        return b.toString();
    }
}
