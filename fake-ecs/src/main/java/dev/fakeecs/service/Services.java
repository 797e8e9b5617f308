package dev.fakeecs.service;

import dev.fakeecs.region.RegionState;
import software.amazon.awssdk.services.ecs.model.ContinueServiceDeploymentRequest;
import software.amazon.awssdk.services.ecs.model.ContinueServiceDeploymentResponse;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.CreateServiceResponse;
import software.amazon.awssdk.services.ecs.model.CreateTaskSetRequest;
import software.amazon.awssdk.services.ecs.model.CreateTaskSetResponse;
import software.amazon.awssdk.services.ecs.model.DeleteServiceRequest;
import software.amazon.awssdk.services.ecs.model.DeleteServiceResponse;
import software.amazon.awssdk.services.ecs.model.DeleteTaskSetRequest;
import software.amazon.awssdk.services.ecs.model.DeleteTaskSetResponse;
import software.amazon.awssdk.services.ecs.model.DescribeServiceDeploymentsRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServiceDeploymentsResponse;
import software.amazon.awssdk.services.ecs.model.DescribeServiceRevisionsRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServiceRevisionsResponse;
import software.amazon.awssdk.services.ecs.model.DescribeServicesRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTaskSetsRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTaskSetsResponse;
import software.amazon.awssdk.services.ecs.model.ListServiceDeploymentsRequest;
import software.amazon.awssdk.services.ecs.model.ListServiceDeploymentsResponse;
import software.amazon.awssdk.services.ecs.model.ListServicesByNamespaceRequest;
import software.amazon.awssdk.services.ecs.model.ListServicesByNamespaceResponse;
import software.amazon.awssdk.services.ecs.model.ListServicesRequest;
import software.amazon.awssdk.services.ecs.model.ListServicesResponse;
import software.amazon.awssdk.services.ecs.model.StopServiceDeploymentRequest;
import software.amazon.awssdk.services.ecs.model.StopServiceDeploymentResponse;
import software.amazon.awssdk.services.ecs.model.UpdateServicePrimaryTaskSetRequest;
import software.amazon.awssdk.services.ecs.model.UpdateServicePrimaryTaskSetResponse;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;
import software.amazon.awssdk.services.ecs.model.UpdateServiceResponse;
import software.amazon.awssdk.services.ecs.model.UpdateTaskSetRequest;
import software.amazon.awssdk.services.ecs.model.UpdateTaskSetResponse;

/**
 * The Services part of one region's ECS control plane.
 */
public final class Services {

    private final RegionState state;

    public Services(RegionState state) {
        this.state = state;
    }

    /** CreateService. */
    public CreateServiceResponse createService(CreateServiceRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support CreateService yet");
    }

    /** UpdateService. */
    public UpdateServiceResponse updateService(UpdateServiceRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support UpdateService yet");
    }

    /** DeleteService. */
    public DeleteServiceResponse deleteService(DeleteServiceRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support DeleteService yet");
    }

    /** DescribeServices. */
    public DescribeServicesResponse describeServices(DescribeServicesRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support DescribeServices yet");
    }

    /** ListServices. */
    public ListServicesResponse listServices(ListServicesRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support ListServices yet");
    }

    /** ListServicesByNamespace. */
    public ListServicesByNamespaceResponse listServicesByNamespace(ListServicesByNamespaceRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support ListServicesByNamespace yet");
    }

    /** DescribeServiceDeployments. */
    public DescribeServiceDeploymentsResponse describeServiceDeployments(DescribeServiceDeploymentsRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support DescribeServiceDeployments yet");
    }

    /** ListServiceDeployments. */
    public ListServiceDeploymentsResponse listServiceDeployments(ListServiceDeploymentsRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support ListServiceDeployments yet");
    }

    /** DescribeServiceRevisions. */
    public DescribeServiceRevisionsResponse describeServiceRevisions(DescribeServiceRevisionsRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support DescribeServiceRevisions yet");
    }

    /** StopServiceDeployment. */
    public StopServiceDeploymentResponse stopServiceDeployment(StopServiceDeploymentRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support StopServiceDeployment yet");
    }

    /** ContinueServiceDeployment. */
    public ContinueServiceDeploymentResponse continueServiceDeployment(ContinueServiceDeploymentRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support ContinueServiceDeployment yet");
    }

    /** CreateTaskSet. */
    public CreateTaskSetResponse createTaskSet(CreateTaskSetRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support CreateTaskSet yet");
    }

    /** DeleteTaskSet. */
    public DeleteTaskSetResponse deleteTaskSet(DeleteTaskSetRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support DeleteTaskSet yet");
    }

    /** DescribeTaskSets. */
    public DescribeTaskSetsResponse describeTaskSets(DescribeTaskSetsRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support DescribeTaskSets yet");
    }

    /** UpdateTaskSet. */
    public UpdateTaskSetResponse updateTaskSet(UpdateTaskSetRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support UpdateTaskSet yet");
    }

    /** UpdateServicePrimaryTaskSet. */
    public UpdateServicePrimaryTaskSetResponse updateServicePrimaryTaskSet(UpdateServicePrimaryTaskSetRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support UpdateServicePrimaryTaskSet yet");
    }
}
