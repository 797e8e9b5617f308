package dev.fakeecs.capacity;

import dev.fakeecs.region.RegionState;
import software.amazon.awssdk.services.ecs.model.CreateCapacityProviderRequest;
import software.amazon.awssdk.services.ecs.model.CreateCapacityProviderResponse;
import software.amazon.awssdk.services.ecs.model.DeleteCapacityProviderRequest;
import software.amazon.awssdk.services.ecs.model.DeleteCapacityProviderResponse;
import software.amazon.awssdk.services.ecs.model.DescribeCapacityProvidersRequest;
import software.amazon.awssdk.services.ecs.model.DescribeCapacityProvidersResponse;
import software.amazon.awssdk.services.ecs.model.UpdateCapacityProviderRequest;
import software.amazon.awssdk.services.ecs.model.UpdateCapacityProviderResponse;

/**
 * The CapacityProviders part of one region's ECS control plane.
 */
public final class CapacityProviders {

    private final RegionState state;

    public CapacityProviders(RegionState state) {
        this.state = state;
    }

    /** CreateCapacityProvider. */
    public CreateCapacityProviderResponse createCapacityProvider(CreateCapacityProviderRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support CreateCapacityProvider yet");
    }

    /** DeleteCapacityProvider. */
    public DeleteCapacityProviderResponse deleteCapacityProvider(DeleteCapacityProviderRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support DeleteCapacityProvider yet");
    }

    /** DescribeCapacityProviders. */
    public DescribeCapacityProvidersResponse describeCapacityProviders(DescribeCapacityProvidersRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support DescribeCapacityProviders yet");
    }

    /** UpdateCapacityProvider. */
    public UpdateCapacityProviderResponse updateCapacityProvider(UpdateCapacityProviderRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support UpdateCapacityProvider yet");
    }
}
