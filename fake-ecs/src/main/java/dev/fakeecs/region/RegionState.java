package dev.fakeecs.region;

import dev.fakeecs.account.AccountSettings;
import dev.fakeecs.arn.Arns;
import dev.fakeecs.autoscaling.ServiceAutoScaling;
import dev.fakeecs.capacity.CapacityProviders;
import dev.fakeecs.cluster.Clusters;
import dev.fakeecs.containerinstance.ContainerInstances;
import dev.fakeecs.journal.JournalEventType;
import dev.fakeecs.service.Services;
import dev.fakeecs.tag.Tags;
import dev.fakeecs.task.Tasks;
import dev.fakeecs.taskdefinition.TaskDefinitions;
import dev.fakeecs.world.World;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Everything one region's control plane knows: its clusters, capacity providers, container
 * instances, task definitions, tasks, services, tags and account settings. Resources in one
 * region never see another's. Each part lives in its own domain package; this class only
 * holds them together and runs API calls under the world's lock.
 */
public final class RegionState {

    private final World world;
    private final String name;
    private final List<String> availabilityZones;
    private final Arns arns;
    private final List<ApiInterceptor> interceptors = new CopyOnWriteArrayList<>();
    private volatile Duration autoAdvanceStep;

    private final Clusters clusters;
    private final CapacityProviders capacityProviders;
    private final ContainerInstances containerInstances;
    private final TaskDefinitions taskDefinitions;
    private final Tasks tasks;
    private final Services services;
    private final Tags tags;
    private final AccountSettings accountSettings;
    private final ServiceAutoScaling autoScaling;

    public RegionState(World world, String name, List<String> availabilityZones) {
        this.world = world;
        this.name = name;
        this.availabilityZones = List.copyOf(availabilityZones);
        this.arns = new Arns(name, world.accountId());
        this.clusters = new Clusters(this);
        this.capacityProviders = new CapacityProviders(this);
        this.containerInstances = new ContainerInstances(this);
        this.taskDefinitions = new TaskDefinitions(this);
        this.tasks = new Tasks(this);
        this.services = new Services(this);
        this.tags = new Tags(this);
        this.accountSettings = new AccountSettings(this);
        this.autoScaling = new ServiceAutoScaling(this);
        tags.registerResourceType("task", arn -> {
            var task = tasks.find(arn);
            return task != null && task.arn().equals(arn);
        });
        tags.registerResourceType("service", arn -> {
            String[] parts = arn.substring(arn.indexOf(":service/") + ":service/".length()).split("/");
            return parts.length == 2 && services.find(parts[0], parts[1]) != null
                    && !"INACTIVE".equals(services.find(parts[0], parts[1]).status());
        });
    }

    /**
     * Runs one API call: under the engine lock, after the interceptors (faults) had their say,
     * and, in auto clock mode, after moving time forward by one step.
     */
    public <T> T invoke(String operation, Supplier<T> body) {
        world.lock().lock();
        try {
            Duration step = autoAdvanceStep;
            if (step != null && !step.isZero()) {
                world.clock().advance(step);
            }
            for (ApiInterceptor interceptor : interceptors) {
                interceptor.beforeCall(name, operation);
            }
            return body.get();
        } finally {
            world.lock().unlock();
        }
    }

    /** Runs {@code body} under the engine lock (for Java-level access to engine state). */
    public <T> T read(Supplier<T> body) {
        world.lock().lock();
        try {
            return body.get();
        } finally {
            world.lock().unlock();
        }
    }

    public void addInterceptor(ApiInterceptor interceptor) {
        interceptors.add(interceptor);
    }

    public void removeInterceptor(ApiInterceptor interceptor) {
        interceptors.remove(interceptor);
    }

    /** Auto clock mode: every API call first advances virtual time by {@code step} (null = manual). */
    public void autoAdvanceStep(Duration step) {
        this.autoAdvanceStep = step;
    }

    /** Records a journal entry stamped with this region. */
    public void record(JournalEventType type, String subject, String... namesAndValues) {
        world.journal().record(name, type, subject, namesAndValues);
    }

    public World world() {
        return world;
    }

    public Instant now() {
        return world.now();
    }

    public String name() {
        return name;
    }

    public List<String> availabilityZones() {
        return availabilityZones;
    }

    public Arns arns() {
        return arns;
    }

    public Clusters clusters() {
        return clusters;
    }

    public CapacityProviders capacityProviders() {
        return capacityProviders;
    }

    public ContainerInstances containerInstances() {
        return containerInstances;
    }

    public TaskDefinitions taskDefinitions() {
        return taskDefinitions;
    }

    public Tasks tasks() {
        return tasks;
    }

    public Services services() {
        return services;
    }

    public Tags tags() {
        return tags;
    }

    public AccountSettings accountSettings() {
        return accountSettings;
    }

    /** Service Auto Scaling (target tracking) for this region's services. */
    public ServiceAutoScaling autoScaling() {
        return autoScaling;
    }
}
