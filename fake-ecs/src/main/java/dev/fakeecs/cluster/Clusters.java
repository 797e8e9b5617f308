package dev.fakeecs.cluster;

import dev.fakeecs.region.RegionState;
import software.amazon.awssdk.services.ecs.model.CreateClusterRequest;
import software.amazon.awssdk.services.ecs.model.CreateClusterResponse;
import software.amazon.awssdk.services.ecs.model.DeleteClusterRequest;
import software.amazon.awssdk.services.ecs.model.DeleteClusterResponse;
import software.amazon.awssdk.services.ecs.model.DescribeClustersRequest;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;
import software.amazon.awssdk.services.ecs.model.ListClustersRequest;
import software.amazon.awssdk.services.ecs.model.ListClustersResponse;
import software.amazon.awssdk.services.ecs.model.PutClusterCapacityProvidersRequest;
import software.amazon.awssdk.services.ecs.model.PutClusterCapacityProvidersResponse;
import software.amazon.awssdk.services.ecs.model.UpdateClusterRequest;
import software.amazon.awssdk.services.ecs.model.UpdateClusterResponse;
import software.amazon.awssdk.services.ecs.model.UpdateClusterSettingsRequest;
import software.amazon.awssdk.services.ecs.model.UpdateClusterSettingsResponse;

/**
 * The Clusters part of one region's ECS control plane.
 */
public final class Clusters {

    private final RegionState state;

    public Clusters(RegionState state) {
        this.state = state;
    }

    /** CreateCluster. */
    public CreateClusterResponse createCluster(CreateClusterRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support CreateCluster yet");
    }

    /** DeleteCluster. */
    public DeleteClusterResponse deleteCluster(DeleteClusterRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support DeleteCluster yet");
    }

    /** DescribeClusters. */
    public DescribeClustersResponse describeClusters(DescribeClustersRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support DescribeClusters yet");
    }

    /** ListClusters. */
    public ListClustersResponse listClusters(ListClustersRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support ListClusters yet");
    }

    /** UpdateCluster. */
    public UpdateClusterResponse updateCluster(UpdateClusterRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support UpdateCluster yet");
    }

    /** UpdateClusterSettings. */
    public UpdateClusterSettingsResponse updateClusterSettings(UpdateClusterSettingsRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support UpdateClusterSettings yet");
    }

    /** PutClusterCapacityProviders. */
    public PutClusterCapacityProvidersResponse putClusterCapacityProviders(PutClusterCapacityProvidersRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support PutClusterCapacityProviders yet");
    }
}
