package dev.fakeecs.junit;

import dev.fakeecs.VirtualClock;
import dev.fakeecs.junit.handle.EcsClusterHandle;
import dev.fakeecs.junit.handle.EcsServiceHandle;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.fakeecs.junit.EcsAssertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The documented pattern for code under test that runs on its own threads: Awaitility polls in real
 * time, and a condition-evaluation listener moves the world's virtual clock a step after every
 * evaluation, so the fake makes progress while the code's thread reacts to it.
 */
@EcsCluster(name = "prod", seed = 8)
class AwaitilityPatternTest {

    /** Code under test: a watcher thread that doubles a service once it is fully running. */
    static final class Doubler implements Runnable {
        private final EcsClient ecs;
        final AtomicBoolean stop = new AtomicBoolean();

        Doubler(EcsClient ecs) {
            this.ecs = ecs;
        }

        @Override
        public void run() {
            while (!stop.get()) {
                var s = ecs.describeServices(r -> r.cluster("prod").services("orders")).services().get(0);
                if (s.desiredCount() == 2 && s.runningCount() == 2) {
                    ecs.updateService(r -> r.cluster("prod").service("orders").desiredCount(4));
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    @Test
    void should_let_code_on_its_own_thread_progress_while_awaitility_advances_virtual_time(
            EcsClusterHandle prod, VirtualClock clock, EcsClient client) {
        // given
        EcsServiceHandle orders = prod.fargateService("orders", "acme/orders:1", 2);
        Doubler doubler = new Doubler(client);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        thread.submit(doubler);
        try {
            // when / then: every evaluation moves the fake 10 s of virtual time forward
            // junit-awaitility-START
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10))
                    .conditionEvaluationListener(condition -> clock.advance(Duration.ofSeconds(10)))
                    .until(() -> orders.describe().runningCount() == 4);
            // junit-awaitility-END

            assertThat(orders).hasDesiredCount(4).hasRunningCount(4);
        } finally {
            doubler.stop.set(true);
            thread.shutdownNow();
        }
    }
}
