package dev.fakeecs.containerinstance;

import dev.fakeecs.region.RegionState;
import software.amazon.awssdk.services.ecs.model.DeleteAttributesRequest;
import software.amazon.awssdk.services.ecs.model.DeleteAttributesResponse;
import software.amazon.awssdk.services.ecs.model.DeregisterContainerInstanceRequest;
import software.amazon.awssdk.services.ecs.model.DeregisterContainerInstanceResponse;
import software.amazon.awssdk.services.ecs.model.DescribeContainerInstancesRequest;
import software.amazon.awssdk.services.ecs.model.DescribeContainerInstancesResponse;
import software.amazon.awssdk.services.ecs.model.DiscoverPollEndpointRequest;
import software.amazon.awssdk.services.ecs.model.DiscoverPollEndpointResponse;
import software.amazon.awssdk.services.ecs.model.ListAttributesRequest;
import software.amazon.awssdk.services.ecs.model.ListAttributesResponse;
import software.amazon.awssdk.services.ecs.model.ListContainerInstancesRequest;
import software.amazon.awssdk.services.ecs.model.ListContainerInstancesResponse;
import software.amazon.awssdk.services.ecs.model.PutAttributesRequest;
import software.amazon.awssdk.services.ecs.model.PutAttributesResponse;
import software.amazon.awssdk.services.ecs.model.RegisterContainerInstanceRequest;
import software.amazon.awssdk.services.ecs.model.RegisterContainerInstanceResponse;
import software.amazon.awssdk.services.ecs.model.UpdateContainerAgentRequest;
import software.amazon.awssdk.services.ecs.model.UpdateContainerAgentResponse;
import software.amazon.awssdk.services.ecs.model.UpdateContainerInstancesStateRequest;
import software.amazon.awssdk.services.ecs.model.UpdateContainerInstancesStateResponse;

/**
 * The ContainerInstances part of one region's ECS control plane.
 */
public final class ContainerInstances {

    private final RegionState state;

    public ContainerInstances(RegionState state) {
        this.state = state;
    }

    /** RegisterContainerInstance. */
    public RegisterContainerInstanceResponse registerContainerInstance(RegisterContainerInstanceRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support RegisterContainerInstance yet");
    }

    /** DeregisterContainerInstance. */
    public DeregisterContainerInstanceResponse deregisterContainerInstance(DeregisterContainerInstanceRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support DeregisterContainerInstance yet");
    }

    /** DescribeContainerInstances. */
    public DescribeContainerInstancesResponse describeContainerInstances(DescribeContainerInstancesRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support DescribeContainerInstances yet");
    }

    /** ListContainerInstances. */
    public ListContainerInstancesResponse listContainerInstances(ListContainerInstancesRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support ListContainerInstances yet");
    }

    /** UpdateContainerInstancesState. */
    public UpdateContainerInstancesStateResponse updateContainerInstancesState(UpdateContainerInstancesStateRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support UpdateContainerInstancesState yet");
    }

    /** UpdateContainerAgent. */
    public UpdateContainerAgentResponse updateContainerAgent(UpdateContainerAgentRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support UpdateContainerAgent yet");
    }

    /** PutAttributes. */
    public PutAttributesResponse putAttributes(PutAttributesRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support PutAttributes yet");
    }

    /** DeleteAttributes. */
    public DeleteAttributesResponse deleteAttributes(DeleteAttributesRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support DeleteAttributes yet");
    }

    /** ListAttributes. */
    public ListAttributesResponse listAttributes(ListAttributesRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support ListAttributes yet");
    }

    /** DiscoverPollEndpoint. */
    public DiscoverPollEndpointResponse discoverPollEndpoint(DiscoverPollEndpointRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support DiscoverPollEndpoint yet");
    }
}
