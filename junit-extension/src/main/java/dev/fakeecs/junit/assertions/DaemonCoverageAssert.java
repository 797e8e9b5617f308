package dev.fakeecs.junit.assertions;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.journal.JournalEntry;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.DaemonCapacityProvider;
import software.amazon.awssdk.services.ecs.model.DaemonDetail;
import software.amazon.awssdk.services.ecs.model.DaemonRevisionDetail;
import software.amazon.awssdk.services.ecs.model.Task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static dev.fakeecs.junit.assertions.error.ShouldHave.shouldHave;

/**
 * Assertions on an ECS Managed Daemon's coverage: exactly one RUNNING daemon task on every ACTIVE container
 * instance of the daemon's capacity providers, read through the ECS API (DescribeDaemon, ListContainerInstances,
 * DescribeTasks). Works immediately or eventually in virtual time like every fake-ecs assertion.
 *
 * <pre>{@code
 * import static dev.fakeecs.junit.assertions.DaemonCoverageAssert.assertThatDaemon;
 *
 * assertThatDaemon(ecs, "prod", "log-router").eventually(within(ofMinutes(10)))
 *     .hasOneDaemonTaskOnEveryInstance().coversAtLeast(2);
 * }</pre>
 */
public class DaemonCoverageAssert extends AbstractEcsAssert<DaemonCoverageAssert, DaemonCoverageAssert.Daemon> {

    /**
     * A daemon to assert on.
     *
     * @param ecs     the world
     * @param region  the region
     * @param cluster the cluster name
     * @param name    the daemon's name
     */
    public record Daemon(FakeEcs ecs, String region, String cluster, String name) {

        /** The daemon's ARN. */
        public String arn() {
            return "arn:aws:ecs:" + region + ":" + ecs.accountId() + ":daemon/" + cluster + "/" + name;
        }

        @Override
        public String toString() {
            return "daemon " + name + " in cluster " + cluster + " (" + region + ")";
        }
    }

    public DaemonCoverageAssert(Daemon actual) {
        super(actual, DaemonCoverageAssert.class);
    }

    /** Assertions on the daemon {@code name} of {@code cluster} in the world's default region. */
    public static DaemonCoverageAssert assertThatDaemon(FakeEcs ecs, String cluster, String name) {
        return new DaemonCoverageAssert(new Daemon(ecs, ecs.defaultRegion().name(), cluster, name));
    }

    @Override
    protected FakeEcs world() {
        return actual.ecs();
    }

    @Override
    protected String subject() {
        return actual.toString();
    }

    @Override
    protected Predicate<JournalEntry> about() {
        String arn = actual.arn();
        return e -> e.subject().equals(arn) || arn.equals(e.detail("daemon"));
    }

    /** Every ACTIVE instance of the daemon's providers runs exactly one of its tasks, and no other instance does. */
    public DaemonCoverageAssert hasOneDaemonTaskOnEveryInstance() {
        return check(() -> offenders().isEmpty(), () -> shouldHave("daemon", subject(),
                "exactly one RUNNING daemon task on every instance of its capacity providers", "no exception",
                offenders().toString()));
    }

    /** At least {@code instances} instances run the daemon. */
    public DaemonCoverageAssert coversAtLeast(int instances) {
        return check(() -> coverage().size() >= instances, () -> shouldHave("daemon", subject(),
                "instances running it", "at least " + instances, coverage().size()));
    }

    private EcsClient api() {
        return actual.ecs().region(actual.region()).api();
    }

    /** Instance ARN → number of RUNNING daemon tasks there. */
    private Map<String, Integer> coverage() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<String> arns = api().listTasks(r -> r.cluster(actual.cluster()).desiredStatus("RUNNING")).taskArns();
        for (int i = 0; i < arns.size(); i += 100) {
            List<String> page = arns.subList(i, Math.min(arns.size(), i + 100));
            for (Task t : api().describeTasks(r -> r.cluster(actual.cluster()).tasks(page)).tasks()) {
                if (("daemon:" + actual.name()).equals(t.group()) && "RUNNING".equals(t.lastStatus())) {
                    counts.merge(t.containerInstanceArn(), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    /** What breaks the rule: instances without the daemon, with more than one task of it, or outside its providers. */
    private List<String> offenders() {
        DaemonDetail daemon;
        try {
            daemon = api().describeDaemon(r -> r.daemonArn(actual.arn())).daemon();
        } catch (RuntimeException e) {
            return List.of("the daemon does not exist: " + e.getMessage());
        }
        Set<String> providers = new LinkedHashSet<>();
        for (DaemonRevisionDetail revision : daemon.currentRevisions()) {
            for (DaemonCapacityProvider p : revision.capacityProviders()) {
                providers.add(p.arn().substring(p.arn().lastIndexOf('/') + 1));
            }
        }
        Map<String, Integer> coverage = coverage();
        List<String> offenders = new ArrayList<>();
        List<String> arns = api().listContainerInstances(r -> r.cluster(actual.cluster()).status("ACTIVE"))
                .containerInstanceArns();
        Set<String> eligible = new LinkedHashSet<>();
        if (!arns.isEmpty()) {
            for (ContainerInstance ci : api().describeContainerInstances(r -> r.cluster(actual.cluster())
                    .containerInstances(arns)).containerInstances()) {
                if (providers.contains(ci.capacityProviderName())) {
                    eligible.add(ci.containerInstanceArn());
                    int n = coverage.getOrDefault(ci.containerInstanceArn(), 0);
                    if (n != 1) {
                        offenders.add(ci.ec2InstanceId() + " runs " + n + " daemon tasks");
                    }
                }
            }
        }
        coverage.forEach((arn, n) -> {
            if (!eligible.contains(arn) && !arns.contains(arn)) {
                return;   // a DRAINING instance: daemons drain last
            }
            if (!eligible.contains(arn)) {
                offenders.add(arn + " is not an instance of " + providers + " but runs the daemon");
            }
        });
        return offenders;
    }
}
