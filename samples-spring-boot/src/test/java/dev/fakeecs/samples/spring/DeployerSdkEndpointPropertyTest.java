package dev.fakeecs.samples.spring;

// spring-endpoint-property-START
import dev.fakeecs.junit.EcsCluster;
import dev.fakeecs.junit.EcsEndpointSystemProperty;
import dev.fakeecs.junit.WorldScope;
import dev.fakeecs.junit.handle.EcsClusterHandle;
import dev.fakeecs.junit.handle.EcsServiceHandle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import java.time.Duration;

import static dev.fakeecs.junit.EcsAssertions.assertThat;

// The application sets no endpoint: its EcsClient takes the SDK's aws.endpointUrlEcs, which
// @EcsEndpointSystemProperty sets for the whole class when the world is per class.
@EcsCluster(name = "prod", scope = WorldScope.PER_CLASS)
@EcsEndpointSystemProperty
@SpringBootTest(properties = {"deployer.ecs.access-key-id=test", "deployer.ecs.secret-access-key=test"})
@DirtiesContext
class DeployerSdkEndpointPropertyTest {

    @Autowired
    Deployer deployer;

    @Test
    void rolls_out_through_the_endpoint_the_sdk_reads(EcsClusterHandle prod) {
        EcsServiceHandle orders = prod.fargateService("orders", "acme/orders:1", 2);
        assertThat(orders).eventually(Duration.ofMinutes(5)).isSteady();

        String revision = deployer.rollOut("prod", "orders", "acme/orders:2");

        assertThat(orders).eventually(Duration.ofMinutes(15)).isSteady();
        assertThat(deployer.outcome("prod", "orders", revision)).isEqualTo(Deployer.Outcome.COMPLETED);
    }
}
// spring-endpoint-property-END
