package dev.fakeecs.internal.containerinstance;

import dev.fakeecs.internal.error.EcsErrors;
import dev.fakeecs.journal.JournalEventType;
import dev.fakeecs.internal.engine.RegionContext;

import java.time.Duration;
import java.util.List;

/**
 * UpdateContainerAgent on the virtual clock. The agent moves through
 * {@code PENDING} (at once) -> {@code STAGING} (+5 s) -> {@code STAGED} (+30 s) -> {@code UPDATING}
 * (+35 s, the agent restarts and is disconnected) -> {@code UPDATED} (+45 s, reconnected on
 * {@link #LATEST_VERSION}). An agent already on the latest version answers
 * {@code NoUpdateAvailableException}; one mid-update {@code UpdateInProgressException}.
 *
 * <pre>{@code
 * api.updateContainerAgent(r -> r.cluster("prod").containerInstance(id));   // agentUpdateStatus PENDING
 * ecs.clock().advance(Duration.ofSeconds(45));                           // UPDATED, agent 1.89.0
 * }</pre>
 */
public final class ContainerAgentUpdates {

    /** The newest agent version the fake offers. Hosts register on 1.88.0, one behind. */
    public static final String LATEST_VERSION = "1.89.0";

    private record Step(Duration at, String status) {
    }

    private static final List<Step> STEPS = List.of(
            new Step(Duration.ofSeconds(5), "STAGING"),
            new Step(Duration.ofSeconds(30), "STAGED"),
            new Step(Duration.ofSeconds(35), "UPDATING"),
            new Step(Duration.ofSeconds(45), "UPDATED"));

    private final RegionContext region;

    public ContainerAgentUpdates(RegionContext region) {
        this.region = region;
    }

    /** A stable 8-hex-digit hash standing for the agent build of {@code version}. */
    public static String hashOf(String version) {
        return String.format("%08x", version.hashCode());
    }

    /** Starts the update of one host's agent. */
    public void start(SimulatedContainerInstance ci) {
        if (!ci.isRegistered()) {
            throw EcsErrors.invalidParameter("The container instance " + ci.arn() + " is not ACTIVE.");
        }
        String status = ci.agentUpdateStatus();
        if (status != null && !"UPDATED".equals(status) && !"FAILED".equals(status)) {
            throw EcsErrors.of("UpdateInProgressException", "There is already a current Amazon ECS container agent "
                    + "update in progress on the container instance " + ci.arn() + ".");
        }
        if (LATEST_VERSION.equals(ci.agentVersion())) {
            throw EcsErrors.of("NoUpdateAvailableException", "There is no update available for your Amazon ECS "
                    + "container agent. The container instance " + ci.arn() + " already runs version "
                    + LATEST_VERSION + ".");
        }
        set(ci, "PENDING");
        for (Step step : STEPS) {
            region.engine().clock().schedule(step.at(), "agent update " + step.status() + " " + ci.id(),
                    () -> advance(ci, step.status()));
        }
    }

    private void advance(SimulatedContainerInstance ci, String status) {
        if (!ci.isRegistered()) {
            return;
        }
        if ("UPDATING".equals(status)) {
            ci.agentConnected(false);
        }
        if ("UPDATED".equals(status)) {
            ci.agentVersion(LATEST_VERSION);
            ci.agentConnected(true);
        }
        set(ci, status);
    }

    private void set(SimulatedContainerInstance ci, String status) {
        ci.agentUpdateStatus(status);
        ci.bumpVersion();
        region.record(JournalEventType.CONTAINER_INSTANCE, ci.arn(), "agentUpdateStatus", status,
                "agentVersion", ci.agentVersion(), "agentConnected", String.valueOf(ci.agentConnected()));
    }
}
