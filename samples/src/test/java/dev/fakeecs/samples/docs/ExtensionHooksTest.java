package dev.fakeecs.samples.docs;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.junit.EcsClusterExtension;
import dev.fakeecs.junit.handle.EcsClusterHandle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static dev.fakeecs.junit.EcsAssertions.assertThat;

/** The snippet of docs/junit-guide.md on the programmatic extension's hooks. */
class ExtensionHooksTest {

    static final List<Integer> JOURNAL_SIZES = new ArrayList<>();

    // junit-hooks-START
    @RegisterExtension
    static EcsClusterExtension ecs = new EcsClusterExtension(EcsClusterExtension.newInstance().cluster("prod")) {
        @Override
        protected void onBeforeEach(ExtensionContext context, FakeEcs world) {
            cluster().fargateService("orders", "acme/orders:1", 2);   // every test starts with it
        }

        @Override
        protected void onAfterEach(ExtensionContext context, FakeEcs world) {
            // runs after the test's @AfterEach methods, while the world is still current
            JOURNAL_SIZES.add(world.journal().size());
        }
    };
    // junit-hooks-END

    @Test
    void every_test_starts_with_the_service(EcsClusterHandle prod) {
        assertThat(prod.service("orders").exists()).isTrue();
        assertThat(ecs.cluster()).isSameAs(prod);
    }
}
