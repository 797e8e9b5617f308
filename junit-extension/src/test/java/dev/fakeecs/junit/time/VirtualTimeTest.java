package dev.fakeecs.junit.time;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.VirtualClock;
import dev.fakeecs.junit.EcsCluster;
import dev.fakeecs.junit.handle.EcsClusterHandle;
import dev.fakeecs.junit.handle.EcsServiceHandle;
import dev.fakeecs.junit.fixtures.deploy.PollingDeployer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import static dev.fakeecs.junit.EcsAssertions.assertThat;

/** Unmodified code that sleeps and reads the system clock runs in the world's virtual time. */
@EcsCluster(name = "prod", seed = 3, virtualTimeFor = "dev.fakeecs.junit.fixtures.deploy")
class VirtualTimeTest {

    /** A pool thread started before any test: it does not inherit a world's clock. */
    private static final ThreadPoolExecutor UNBOUND = (ThreadPoolExecutor) Executors.newFixedThreadPool(1);

    static {
        UNBOUND.prestartAllCoreThreads();
    }

    @Test
    void should_run_a_poll_and_sleep_deploy_script_instantly_in_virtual_time(EcsClusterHandle prod, VirtualClock clock)
            throws Exception {
        // given
        EcsServiceHandle orders = prod.fargateService("orders", "acme/orders:1", 2);
        clock.advance(Duration.ofMinutes(3));
        PollingDeployer deployer = new PollingDeployer(prod.client());
        long realStart = System.nanoTime();

        // when
        boolean steady = deployer.scaleAndWait("prod", "orders", 12, Duration.ofMinutes(30));

        // then
        assertThat(steady).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - realStart)).isLessThan(Duration.ofSeconds(10));
        assertThat(orders).hasRunningCount(12).isSteady();
        assertThat(deployer.log().get(0)).startsWith("2026-01-01T00:03:00Z running=2");
        assertThat(deployer.log()).last().asString().startsWith("steady after PT");
        assertThat(deployer.log().size()).isGreaterThan(3);
        long polls = deployer.log().size() - 1;
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:03:00Z").plusSeconds(15 * (polls - 1)));
    }

    @Test
    void should_give_up_on_the_virtual_deadline(EcsClusterHandle prod, VirtualClock clock) throws Exception {
        prod.fargateService("orders", "acme/orders:1", 1);
        clock.advance(Duration.ofMinutes(3));
        PollingDeployer deployer = new PollingDeployer(prod.client());

        boolean steady = deployer.scaleAndWait("prod", "orders", 100_000, Duration.ofMinutes(2));

        assertThat(steady).isFalse();
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:05:00Z"));
        assertThat(deployer.log()).last().isEqualTo("gave up at 2026-01-01T00:05:00Z");
    }

    @Test
    void should_redirect_the_clock_only_for_bound_threads(VirtualClock clock) throws Exception {
        assertThat(PollingDeployer.systemClock()).isSameAs(clock);
        assertThat(PollingDeployer.nowMillis()).isEqualTo(clock.millis());

        Thread child = new Thread(() -> assertThat(PollingDeployer.nowMillis()).isEqualTo(clock.millis()));
        child.start();
        child.join();

        long unbound = UNBOUND.submit(PollingDeployer::nowMillis).get(5, TimeUnit.SECONDS);
        assertThat(unbound).isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(60_000L));
    }

    @Test
    void should_let_the_sdk_waiter_wait_in_virtual_time(EcsClusterHandle prod, VirtualClock clock) {
        // given: a service that needs about two minutes to become stable
        prod.fargateService("orders", "acme/orders:1", 3);
        long realStart = System.nanoTime();

        // when: the SDK's own waiter polls (every 15 s by default) until the service is stable
        WaiterResponse<DescribeServicesResponse> response = prod.client().waiter()
                .waitUntilServicesStable(r -> r.cluster("prod").services("orders"));

        // then
        assertThat(response.matched().response()).isPresent();
        assertThat(response.attemptsExecuted()).isGreaterThan(1);
        assertThat(Duration.ofNanos(System.nanoTime() - realStart)).isLessThan(Duration.ofSeconds(10));
        assertThat(clock.instant()).isAfter(FakeEcs.DEFAULT_START.plusSeconds(60));
        assertThat(prod.service("orders")).hasRunningCount(3);
    }
}
