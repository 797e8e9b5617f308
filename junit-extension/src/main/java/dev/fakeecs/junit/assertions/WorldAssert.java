package dev.fakeecs.junit.assertions;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.journal.JournalEntry;
import dev.fakeecs.junit.handle.EcsClusterHandle;
import dev.fakeecs.junit.handle.JournalWindow;
import dev.fakeecs.region.Region;
import dev.fakeecs.spi.EngineInspector;

import java.time.Instant;
import java.util.function.Predicate;

import static dev.fakeecs.junit.assertions.error.ShouldExist.shouldExist;
import static dev.fakeecs.junit.assertions.error.ShouldHave.shouldHave;

/**
 * Assertions on a whole world, and navigation to its clusters and journal.
 *
 * <pre>{@code
 * long mark = ecs.journal().mark();
 * ...
 * assertThat(ecs).isAt(Instant.parse("2026-01-01T00:10:00Z"))
 *     .cluster("prod").service("orders").isSteady();
 * assertThat(ecs).changesSince(mark).containsEntry(JournalEventType.FAULT);
 * }</pre>
 */
public class WorldAssert extends AbstractEcsAssert<WorldAssert, FakeEcs> {

    public WorldAssert(FakeEcs actual) {
        super(actual, WorldAssert.class);
    }

    @Override
    protected FakeEcs world() {
        return actual;
    }

    @Override
    protected String subject() {
        return "world (seed " + actual.seed() + ")";
    }

    @Override
    protected Predicate<JournalEntry> about() {
        return e -> true;
    }

    /** The virtual clock reads exactly {@code instant}. */
    public WorldAssert isAt(Instant instant) {
        return check(() -> actual.clock().instant().equals(instant),
                () -> shouldHave("world", subject(), "virtual time", instant, actual.clock().instant()));
    }

    /** Navigates to a cluster (searched in every region, the default region first). */
    public ClusterAssert cluster(String name) {
        EngineInspector engine = inspector();
        String region = actual.defaultRegion().name();
        for (Region r : actual.regions()) {
            if (engine.cluster(r.name(), name) != null) {
                region = r.name();
                break;
            }
        }
        ClusterAssert cluster = inheritTime(new ClusterAssert(new EcsClusterHandle(actual, region, name)));
        String inRegion = region;
        check(() -> engine.cluster(inRegion, name) != null,
                () -> shouldExist("cluster", name, actual.regions().stream().flatMap(r -> engine.clusters(r.name())
                        .stream().map(c -> r.name() + "/" + c.clusterName())).toList()));
        return cluster;
    }

    /** Navigates to the whole journal. */
    public JournalAssert journal() {
        return inheritTime(new JournalAssert(JournalWindow.all(actual)));
    }

    /** Navigates to the journal entries recorded since {@code mark} ({@code ecs.journal().mark()}). */
    public JournalAssert changesSince(long mark) {
        return inheritTime(new JournalAssert(JournalWindow.since(actual, mark)));
    }
}
