package dev.fakeecs.service;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.quota.Quotas;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service that wants more tasks than the cluster's tasks-per-cluster quota leaves room for runs what fits and says
 * why in its events; the scheduler's launch never throws out of the virtual clock (it did: the quota's
 * LimitExceededException escaped {@code clock().advance}).
 */
class ClusterTaskQuotaTest {

    private final FakeEcs ecs = FakeEcs.builder().seed(5).quotas(Quotas.seedDefaults().withTasksPerCluster(5)).build();
    private final EcsClient api = ecs.newClient();

    @AfterEach
    void close() {
        ecs.close();
    }

    @Test
    void a_service_beyond_the_cluster_task_quota_runs_what_fits_and_says_why() {
        api.createCluster(r -> r.clusterName("prod"));
        api.registerTaskDefinition(r -> r.family("web").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("web").image("acme/web:1")));
        api.createService(r -> r.cluster("prod").serviceName("web").taskDefinition("web").desiredCount(8)
                .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(a -> a
                        .subnets("subnet-us-east-1a"))));

        ecs.clock().advance(Duration.ofMinutes(5));

        Service web = api.describeServices(r -> r.cluster("prod").services("web")).services().get(0);
        assertThat(web.runningCount()).isEqualTo(5);
        assertThat(web.events()).extracting(ServiceEvent::message).contains(
                "(service web) was unable to place a task because the cluster has reached its limit of 5 tasks.");
    }
}
