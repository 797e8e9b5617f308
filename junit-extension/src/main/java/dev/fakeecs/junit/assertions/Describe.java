package dev.fakeecs.junit.assertions;

import dev.fakeecs.junit.handle.EcsServiceHandle;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;

import java.util.stream.Collectors;

/** One-line state summaries used in failure messages, from the SDK's model objects. */
final class Describe {

    private Describe() {
    }

    static String service(EcsServiceHandle handle) {
        Service s = handle.describe();
        if (s == null) {
            return "(no such service)";
        }
        return s.status() + ", desired " + s.desiredCount() + ", running " + s.runningCount() + ", pending "
                + s.pendingCount() + ", deployments " + s.deployments().stream().map(Describe::deployment)
                .collect(Collectors.joining(", ", "[", "]"));
    }

    static String deployment(Deployment d) {
        return d.id() + " " + d.status() + " " + d.rolloutStateAsString() + " (desired " + d.desiredCount()
                + (d.failedTasks() > 0 ? ", failed " + d.failedTasks() : "") + ")";
    }

    static String task(Task t) {
        if (t == null) {
            return "(no such task)";
        }
        String arn = t.taskArn();
        StringBuilder b = new StringBuilder(arn.substring(arn.lastIndexOf('/') + 1)).append(' ')
                .append(t.lastStatus()).append('/').append(t.desiredStatus());
        b.append(" on ").append(t.capacityProviderName() != null ? t.capacityProviderName() : t.launchTypeAsString());
        if (t.availabilityZone() != null) {
            b.append(" in ").append(t.availabilityZone());
        }
        if (t.stopCodeAsString() != null) {
            b.append(", stopCode ").append(t.stopCodeAsString());
        }
        if (t.stoppedReason() != null) {
            b.append(", reason \"").append(t.stoppedReason()).append('"');
        }
        return b.toString();
    }
}
