package dev.fakeecs.internal.region;

import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.internal.account.AccountSettings;
import dev.fakeecs.internal.capacity.CapacityProviders;
import dev.fakeecs.internal.cluster.Clusters;
import dev.fakeecs.internal.containerinstance.ContainerInstances;
import dev.fakeecs.internal.service.Services;
import dev.fakeecs.internal.tag.Tags;
import dev.fakeecs.internal.task.Tasks;
import dev.fakeecs.internal.taskdefinition.TaskDefinitions;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.EcsServiceClientConfiguration;
import software.amazon.awssdk.services.ecs.model.ContinueServiceDeploymentRequest;
import software.amazon.awssdk.services.ecs.model.ContinueServiceDeploymentResponse;
import software.amazon.awssdk.services.ecs.model.RegisterDaemonTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.RegisterDaemonTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.DescribeDaemonTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.DescribeDaemonTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.ListDaemonTaskDefinitionsRequest;
import software.amazon.awssdk.services.ecs.model.ListDaemonTaskDefinitionsResponse;
import software.amazon.awssdk.services.ecs.model.DeleteDaemonTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.DeleteDaemonTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.CreateDaemonRequest;
import software.amazon.awssdk.services.ecs.model.CreateDaemonResponse;
import software.amazon.awssdk.services.ecs.model.UpdateDaemonRequest;
import software.amazon.awssdk.services.ecs.model.UpdateDaemonResponse;
import software.amazon.awssdk.services.ecs.model.DeleteDaemonRequest;
import software.amazon.awssdk.services.ecs.model.DeleteDaemonResponse;
import software.amazon.awssdk.services.ecs.model.DescribeDaemonRequest;
import software.amazon.awssdk.services.ecs.model.DescribeDaemonResponse;
import software.amazon.awssdk.services.ecs.model.ListDaemonsRequest;
import software.amazon.awssdk.services.ecs.model.ListDaemonsResponse;
import software.amazon.awssdk.services.ecs.model.DescribeDaemonDeploymentsRequest;
import software.amazon.awssdk.services.ecs.model.DescribeDaemonDeploymentsResponse;
import software.amazon.awssdk.services.ecs.model.ListDaemonDeploymentsRequest;
import software.amazon.awssdk.services.ecs.model.ListDaemonDeploymentsResponse;
import software.amazon.awssdk.services.ecs.model.DescribeDaemonRevisionsRequest;
import software.amazon.awssdk.services.ecs.model.DescribeDaemonRevisionsResponse;
import software.amazon.awssdk.services.ecs.model.CreateCapacityProviderRequest;
import software.amazon.awssdk.services.ecs.model.CreateCapacityProviderResponse;
import software.amazon.awssdk.services.ecs.model.CreateClusterRequest;
import software.amazon.awssdk.services.ecs.model.CreateClusterResponse;
import software.amazon.awssdk.services.ecs.model.CreateExpressGatewayServiceRequest;
import software.amazon.awssdk.services.ecs.model.CreateExpressGatewayServiceResponse;
import software.amazon.awssdk.services.ecs.model.UpdateExpressGatewayServiceRequest;
import software.amazon.awssdk.services.ecs.model.UpdateExpressGatewayServiceResponse;
import software.amazon.awssdk.services.ecs.model.DeleteExpressGatewayServiceRequest;
import software.amazon.awssdk.services.ecs.model.DeleteExpressGatewayServiceResponse;
import software.amazon.awssdk.services.ecs.model.DescribeExpressGatewayServiceRequest;
import software.amazon.awssdk.services.ecs.model.DescribeExpressGatewayServiceResponse;
import software.amazon.awssdk.services.ecs.model.AssociateGatewayWithClusterRequest;
import software.amazon.awssdk.services.ecs.model.AssociateGatewayWithClusterResponse;
import software.amazon.awssdk.services.ecs.model.CreateGatewayRequest;
import software.amazon.awssdk.services.ecs.model.CreateGatewayResponse;
import software.amazon.awssdk.services.ecs.model.DeleteGatewayRequest;
import software.amazon.awssdk.services.ecs.model.DeleteGatewayResponse;
import software.amazon.awssdk.services.ecs.model.DescribeGatewayRequest;
import software.amazon.awssdk.services.ecs.model.DescribeGatewayResponse;
import software.amazon.awssdk.services.ecs.model.DescribeGatewayResourcesRequest;
import software.amazon.awssdk.services.ecs.model.DescribeGatewayResourcesResponse;
import software.amazon.awssdk.services.ecs.model.DescribeGatewayRouteRequest;
import software.amazon.awssdk.services.ecs.model.DescribeGatewayRouteResponse;
import software.amazon.awssdk.services.ecs.model.DisassociateGatewayFromClusterRequest;
import software.amazon.awssdk.services.ecs.model.DisassociateGatewayFromClusterResponse;
import software.amazon.awssdk.services.ecs.model.ListGatewayClusterAssociationsRequest;
import software.amazon.awssdk.services.ecs.model.ListGatewayClusterAssociationsResponse;
import software.amazon.awssdk.services.ecs.model.ListGatewayRoutesRequest;
import software.amazon.awssdk.services.ecs.model.ListGatewayRoutesResponse;
import software.amazon.awssdk.services.ecs.model.ListGatewaysRequest;
import software.amazon.awssdk.services.ecs.model.ListGatewaysResponse;
import software.amazon.awssdk.services.ecs.model.UpdateGatewayRequest;
import software.amazon.awssdk.services.ecs.model.UpdateGatewayResponse;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.CreateServiceResponse;
import software.amazon.awssdk.services.ecs.model.CreateTaskSetRequest;
import software.amazon.awssdk.services.ecs.model.CreateTaskSetResponse;
import software.amazon.awssdk.services.ecs.model.DeleteAccountSettingRequest;
import software.amazon.awssdk.services.ecs.model.DeleteAccountSettingResponse;
import software.amazon.awssdk.services.ecs.model.DeleteAttributesRequest;
import software.amazon.awssdk.services.ecs.model.DeleteAttributesResponse;
import software.amazon.awssdk.services.ecs.model.DeleteCapacityProviderRequest;
import software.amazon.awssdk.services.ecs.model.DeleteCapacityProviderResponse;
import software.amazon.awssdk.services.ecs.model.DeleteClusterRequest;
import software.amazon.awssdk.services.ecs.model.DeleteClusterResponse;
import software.amazon.awssdk.services.ecs.model.DeleteServiceRequest;
import software.amazon.awssdk.services.ecs.model.DeleteServiceResponse;
import software.amazon.awssdk.services.ecs.model.DeleteTaskDefinitionsRequest;
import software.amazon.awssdk.services.ecs.model.DeleteTaskDefinitionsResponse;
import software.amazon.awssdk.services.ecs.model.DeleteTaskSetRequest;
import software.amazon.awssdk.services.ecs.model.DeleteTaskSetResponse;
import software.amazon.awssdk.services.ecs.model.DeregisterContainerInstanceRequest;
import software.amazon.awssdk.services.ecs.model.DeregisterContainerInstanceResponse;
import software.amazon.awssdk.services.ecs.model.DeregisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.DeregisterTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.DescribeCapacityProvidersRequest;
import software.amazon.awssdk.services.ecs.model.DescribeCapacityProvidersResponse;
import software.amazon.awssdk.services.ecs.model.DescribeClustersRequest;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;
import software.amazon.awssdk.services.ecs.model.DescribeContainerInstancesRequest;
import software.amazon.awssdk.services.ecs.model.DescribeContainerInstancesResponse;
import software.amazon.awssdk.services.ecs.model.DescribeServiceDeploymentsRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServiceDeploymentsResponse;
import software.amazon.awssdk.services.ecs.model.DescribeServiceRevisionsRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServiceRevisionsResponse;
import software.amazon.awssdk.services.ecs.model.DescribeServicesRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTaskSetsRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTaskSetsResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTasksRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.DiscoverPollEndpointRequest;
import software.amazon.awssdk.services.ecs.model.DiscoverPollEndpointResponse;
import software.amazon.awssdk.services.ecs.model.ExecuteCommandRequest;
import software.amazon.awssdk.services.ecs.model.ExecuteCommandResponse;
import software.amazon.awssdk.services.ecs.model.GetTaskProtectionRequest;
import software.amazon.awssdk.services.ecs.model.GetTaskProtectionResponse;
import software.amazon.awssdk.services.ecs.model.ListAccountSettingsRequest;
import software.amazon.awssdk.services.ecs.model.ListAccountSettingsResponse;
import software.amazon.awssdk.services.ecs.model.ListAttributesRequest;
import software.amazon.awssdk.services.ecs.model.ListAttributesResponse;
import software.amazon.awssdk.services.ecs.model.ListClustersRequest;
import software.amazon.awssdk.services.ecs.model.ListClustersResponse;
import software.amazon.awssdk.services.ecs.model.ListContainerInstancesRequest;
import software.amazon.awssdk.services.ecs.model.ListContainerInstancesResponse;
import software.amazon.awssdk.services.ecs.model.ListServiceDeploymentsRequest;
import software.amazon.awssdk.services.ecs.model.ListServiceDeploymentsResponse;
import software.amazon.awssdk.services.ecs.model.ListServicesByNamespaceRequest;
import software.amazon.awssdk.services.ecs.model.ListServicesByNamespaceResponse;
import software.amazon.awssdk.services.ecs.model.ListServicesRequest;
import software.amazon.awssdk.services.ecs.model.ListServicesResponse;
import software.amazon.awssdk.services.ecs.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.ecs.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionFamiliesRequest;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionFamiliesResponse;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionsRequest;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionsResponse;
import software.amazon.awssdk.services.ecs.model.ListTasksRequest;
import software.amazon.awssdk.services.ecs.model.ListTasksResponse;
import software.amazon.awssdk.services.ecs.model.PutAccountSettingDefaultRequest;
import software.amazon.awssdk.services.ecs.model.PutAccountSettingDefaultResponse;
import software.amazon.awssdk.services.ecs.model.PutAccountSettingRequest;
import software.amazon.awssdk.services.ecs.model.PutAccountSettingResponse;
import software.amazon.awssdk.services.ecs.model.PutAttributesRequest;
import software.amazon.awssdk.services.ecs.model.PutAttributesResponse;
import software.amazon.awssdk.services.ecs.model.PutClusterCapacityProvidersRequest;
import software.amazon.awssdk.services.ecs.model.PutClusterCapacityProvidersResponse;
import software.amazon.awssdk.services.ecs.model.RegisterContainerInstanceRequest;
import software.amazon.awssdk.services.ecs.model.RegisterContainerInstanceResponse;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.StartTaskRequest;
import software.amazon.awssdk.services.ecs.model.StartTaskResponse;
import software.amazon.awssdk.services.ecs.model.StopServiceDeploymentRequest;
import software.amazon.awssdk.services.ecs.model.StopServiceDeploymentResponse;
import software.amazon.awssdk.services.ecs.model.StopTaskRequest;
import software.amazon.awssdk.services.ecs.model.StopTaskResponse;
import software.amazon.awssdk.services.ecs.model.SubmitAttachmentStateChangesRequest;
import software.amazon.awssdk.services.ecs.model.SubmitAttachmentStateChangesResponse;
import software.amazon.awssdk.services.ecs.model.SubmitContainerStateChangeRequest;
import software.amazon.awssdk.services.ecs.model.SubmitContainerStateChangeResponse;
import software.amazon.awssdk.services.ecs.model.SubmitTaskStateChangeRequest;
import software.amazon.awssdk.services.ecs.model.SubmitTaskStateChangeResponse;
import software.amazon.awssdk.services.ecs.model.TagResourceRequest;
import software.amazon.awssdk.services.ecs.model.TagResourceResponse;
import software.amazon.awssdk.services.ecs.model.UntagResourceRequest;
import software.amazon.awssdk.services.ecs.model.UntagResourceResponse;
import software.amazon.awssdk.services.ecs.model.UpdateCapacityProviderRequest;
import software.amazon.awssdk.services.ecs.model.UpdateCapacityProviderResponse;
import software.amazon.awssdk.services.ecs.model.UpdateClusterRequest;
import software.amazon.awssdk.services.ecs.model.UpdateClusterResponse;
import software.amazon.awssdk.services.ecs.model.UpdateClusterSettingsRequest;
import software.amazon.awssdk.services.ecs.model.UpdateClusterSettingsResponse;
import software.amazon.awssdk.services.ecs.model.UpdateContainerAgentRequest;
import software.amazon.awssdk.services.ecs.model.UpdateContainerAgentResponse;
import software.amazon.awssdk.services.ecs.model.UpdateContainerInstancesStateRequest;
import software.amazon.awssdk.services.ecs.model.UpdateContainerInstancesStateResponse;
import software.amazon.awssdk.services.ecs.model.UpdateServicePrimaryTaskSetRequest;
import software.amazon.awssdk.services.ecs.model.UpdateServicePrimaryTaskSetResponse;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;
import software.amazon.awssdk.services.ecs.model.UpdateServiceResponse;
import software.amazon.awssdk.services.ecs.model.UpdateTaskProtectionRequest;
import software.amazon.awssdk.services.ecs.model.UpdateTaskProtectionResponse;
import software.amazon.awssdk.services.ecs.model.UpdateTaskSetRequest;
import software.amazon.awssdk.services.ecs.model.UpdateTaskSetResponse;

import dev.fakeecs.internal.protocol.DeclaredErrors;
import dev.fakeecs.internal.protocol.ModelConstraints;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ecs.model.EcsException;

/**
 * One region's ECS API, in process: an {@link EcsClient} whose calls go straight into the engine
 * (no serialisation, no sockets) under the world's lock. It throws the SDK's own exception types,
 * as a real client would.
 *
 * <p>Longer than the project's ~450-line guide on purpose: it is one line of delegation per ECS
 * operation the fake implements (and their request/response imports), with no logic of its own;
 * splitting it would only scatter the operation table.
 *
 * <pre>{@code
 * EcsClient ecs = fakeEcs.region("us-east-1").api();
 * ecs.createCluster(r -> r.clusterName("prod"));
 * }</pre>
 */
public final class RegionControlPlane implements EcsClient {

    private final RegionEngine state;

    public RegionControlPlane(RegionEngine state) {
        this.state = state;
    }

    /**
     * One call: the request's values checked against the ECS model first (as the wire protocol checks
     * them), then the engine under its lock; an error the operation's model does not declare is
     * answered as one it does.
     */
    private <T> T call(String operation, SdkPojo request, Supplier<T> body) {
        try {
            ModelConstraints.check(request);
            return state.invoke(operation, body);
        } catch (EcsException e) {
            throw DeclaredErrors.conform(operation, e);
        }
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public EcsServiceClientConfiguration serviceClientConfiguration() {
        throw new UnsupportedOperationException("the in-process control plane has no client configuration");
    }

    @Override
    public void close() {
        // owned by the world
    }

    @Override
    public CreateClusterResponse createCluster(CreateClusterRequest request) {
        return call("CreateCluster", request, () -> state.clusterOperations().createCluster(request));
    }

    @Override
    public DeleteClusterResponse deleteCluster(DeleteClusterRequest request) {
        return call("DeleteCluster", request, () -> state.clusterOperations().deleteCluster(request));
    }

    @Override
    public DescribeClustersResponse describeClusters(DescribeClustersRequest request) {
        return call("DescribeClusters", request, () -> state.clusterOperations().describeClusters(request));
    }

    @Override
    public ListClustersResponse listClusters(ListClustersRequest request) {
        return call("ListClusters", request, () -> state.clusterOperations().listClusters(request));
    }

    @Override
    public UpdateClusterResponse updateCluster(UpdateClusterRequest request) {
        return call("UpdateCluster", request, () -> state.clusterOperations().updateCluster(request));
    }

    @Override
    public UpdateClusterSettingsResponse updateClusterSettings(UpdateClusterSettingsRequest request) {
        return call("UpdateClusterSettings", request, () -> state.clusterOperations().updateClusterSettings(request));
    }

    @Override
    public PutClusterCapacityProvidersResponse putClusterCapacityProviders(PutClusterCapacityProvidersRequest request) {
        return call("PutClusterCapacityProviders", request, () -> state.clusterOperations().putClusterCapacityProviders(request));
    }

    @Override
    public CreateCapacityProviderResponse createCapacityProvider(CreateCapacityProviderRequest request) {
        return call("CreateCapacityProvider", request, () -> state.capacityProviders().createCapacityProvider(request));
    }

    @Override
    public DeleteCapacityProviderResponse deleteCapacityProvider(DeleteCapacityProviderRequest request) {
        return call("DeleteCapacityProvider", request, () -> state.capacityProviders().deleteCapacityProvider(request));
    }

    @Override
    public DescribeCapacityProvidersResponse describeCapacityProviders(DescribeCapacityProvidersRequest request) {
        return call("DescribeCapacityProviders", request, () -> state.capacityProviders().describeCapacityProviders(request));
    }

    @Override
    public UpdateCapacityProviderResponse updateCapacityProvider(UpdateCapacityProviderRequest request) {
        return call("UpdateCapacityProvider", request, () -> state.capacityProviders().updateCapacityProvider(request));
    }

    // ------------------------------------------------------------------ ECS Managed Daemons

    @Override
    public RegisterDaemonTaskDefinitionResponse registerDaemonTaskDefinition(RegisterDaemonTaskDefinitionRequest request) {
        return call("RegisterDaemonTaskDefinition", request, () -> state.daemons().taskDefinitions().register(request));
    }

    @Override
    public DescribeDaemonTaskDefinitionResponse describeDaemonTaskDefinition(DescribeDaemonTaskDefinitionRequest request) {
        return call("DescribeDaemonTaskDefinition", request, () -> state.daemons().taskDefinitions().describe(request));
    }

    @Override
    public ListDaemonTaskDefinitionsResponse listDaemonTaskDefinitions(ListDaemonTaskDefinitionsRequest request) {
        return call("ListDaemonTaskDefinitions", request, () -> state.daemons().taskDefinitions().list(request));
    }

    @Override
    public DeleteDaemonTaskDefinitionResponse deleteDaemonTaskDefinition(DeleteDaemonTaskDefinitionRequest request) {
        return call("DeleteDaemonTaskDefinition", request, () -> state.daemons().taskDefinitions().delete(request));
    }

    @Override
    public CreateDaemonResponse createDaemon(CreateDaemonRequest request) {
        return call("CreateDaemon", request, () -> state.daemons().create(request));
    }

    @Override
    public UpdateDaemonResponse updateDaemon(UpdateDaemonRequest request) {
        return call("UpdateDaemon", request, () -> state.daemons().update(request));
    }

    @Override
    public DeleteDaemonResponse deleteDaemon(DeleteDaemonRequest request) {
        return call("DeleteDaemon", request, () -> state.daemons().delete(request));
    }

    @Override
    public DescribeDaemonResponse describeDaemon(DescribeDaemonRequest request) {
        return call("DescribeDaemon", request, () -> state.daemons().describe(request));
    }

    @Override
    public ListDaemonsResponse listDaemons(ListDaemonsRequest request) {
        return call("ListDaemons", request, () -> state.daemons().list(request));
    }

    @Override
    public DescribeDaemonDeploymentsResponse describeDaemonDeployments(DescribeDaemonDeploymentsRequest request) {
        return call("DescribeDaemonDeployments", request, () -> state.daemons().describeDeployments(request));
    }

    @Override
    public ListDaemonDeploymentsResponse listDaemonDeployments(ListDaemonDeploymentsRequest request) {
        return call("ListDaemonDeployments", request, () -> state.daemons().listDeployments(request));
    }

    @Override
    public DescribeDaemonRevisionsResponse describeDaemonRevisions(DescribeDaemonRevisionsRequest request) {
        return call("DescribeDaemonRevisions", request, () -> state.daemons().describeRevisions(request));
    }

    @Override
    public RegisterTaskDefinitionResponse registerTaskDefinition(RegisterTaskDefinitionRequest request) {
        return call("RegisterTaskDefinition", request, () -> state.taskDefinitions().registerTaskDefinition(request));
    }

    @Override
    public DeregisterTaskDefinitionResponse deregisterTaskDefinition(DeregisterTaskDefinitionRequest request) {
        return call("DeregisterTaskDefinition", request, () -> state.taskDefinitions().deregisterTaskDefinition(request));
    }

    @Override
    public DeleteTaskDefinitionsResponse deleteTaskDefinitions(DeleteTaskDefinitionsRequest request) {
        return call("DeleteTaskDefinitions", request, () -> state.taskDefinitions().deleteTaskDefinitions(request));
    }

    @Override
    public DescribeTaskDefinitionResponse describeTaskDefinition(DescribeTaskDefinitionRequest request) {
        return call("DescribeTaskDefinition", request, () -> state.taskDefinitions().describeTaskDefinition(request));
    }

    @Override
    public ListTaskDefinitionsResponse listTaskDefinitions(ListTaskDefinitionsRequest request) {
        return call("ListTaskDefinitions", request, () -> state.taskDefinitions().listTaskDefinitions(request));
    }

    @Override
    public ListTaskDefinitionFamiliesResponse listTaskDefinitionFamilies(ListTaskDefinitionFamiliesRequest request) {
        return call("ListTaskDefinitionFamilies", request, () -> state.taskDefinitions().listTaskDefinitionFamilies(request));
    }

    @Override
    public RunTaskResponse runTask(RunTaskRequest request) {
        return call("RunTask", request, () -> state.taskOperations().runTask(request));
    }

    @Override
    public StartTaskResponse startTask(StartTaskRequest request) {
        return call("StartTask", request, () -> state.taskOperations().startTask(request));
    }

    @Override
    public StopTaskResponse stopTask(StopTaskRequest request) {
        return call("StopTask", request, () -> state.taskOperations().stopTask(request));
    }

    @Override
    public DescribeTasksResponse describeTasks(DescribeTasksRequest request) {
        return call("DescribeTasks", request, () -> state.taskOperations().describeTasks(request));
    }

    @Override
    public ListTasksResponse listTasks(ListTasksRequest request) {
        return call("ListTasks", request, () -> state.taskOperations().listTasks(request));
    }

    @Override
    public GetTaskProtectionResponse getTaskProtection(GetTaskProtectionRequest request) {
        return call("GetTaskProtection", request, () -> state.taskOperations().getTaskProtection(request));
    }

    @Override
    public UpdateTaskProtectionResponse updateTaskProtection(UpdateTaskProtectionRequest request) {
        return call("UpdateTaskProtection", request, () -> state.taskOperations().updateTaskProtection(request));
    }

    @Override
    public ExecuteCommandResponse executeCommand(ExecuteCommandRequest request) {
        return call("ExecuteCommand", request, () -> state.taskOperations().executeCommand(request));
    }

    @Override
    public SubmitTaskStateChangeResponse submitTaskStateChange(SubmitTaskStateChangeRequest request) {
        return call("SubmitTaskStateChange", request, () -> state.taskOperations().submitTaskStateChange(request));
    }

    @Override
    public SubmitContainerStateChangeResponse submitContainerStateChange(SubmitContainerStateChangeRequest request) {
        return call("SubmitContainerStateChange", request, () -> state.taskOperations().submitContainerStateChange(request));
    }

    @Override
    public SubmitAttachmentStateChangesResponse submitAttachmentStateChanges(SubmitAttachmentStateChangesRequest request) {
        return call("SubmitAttachmentStateChanges", request, () -> state.taskOperations().submitAttachmentStateChanges(request));
    }

    @Override
    public RegisterContainerInstanceResponse registerContainerInstance(RegisterContainerInstanceRequest request) {
        return call("RegisterContainerInstance", request, () -> state.containerInstanceOperations().registerContainerInstance(request));
    }

    @Override
    public DeregisterContainerInstanceResponse deregisterContainerInstance(DeregisterContainerInstanceRequest request) {
        return call("DeregisterContainerInstance", request, () -> state.containerInstanceOperations().deregisterContainerInstance(request));
    }

    @Override
    public DescribeContainerInstancesResponse describeContainerInstances(DescribeContainerInstancesRequest request) {
        return call("DescribeContainerInstances", request, () -> state.containerInstanceOperations().describeContainerInstances(request));
    }

    @Override
    public ListContainerInstancesResponse listContainerInstances(ListContainerInstancesRequest request) {
        return call("ListContainerInstances", request, () -> state.containerInstanceOperations().listContainerInstances(request));
    }

    @Override
    public UpdateContainerInstancesStateResponse updateContainerInstancesState(UpdateContainerInstancesStateRequest request) {
        return call("UpdateContainerInstancesState", request, () -> state.containerInstanceOperations().updateContainerInstancesState(request));
    }

    @Override
    public UpdateContainerAgentResponse updateContainerAgent(UpdateContainerAgentRequest request) {
        return call("UpdateContainerAgent", request, () -> state.containerInstanceOperations().updateContainerAgent(request));
    }

    @Override
    public PutAttributesResponse putAttributes(PutAttributesRequest request) {
        return call("PutAttributes", request, () -> state.containerInstanceOperations().putAttributes(request));
    }

    @Override
    public DeleteAttributesResponse deleteAttributes(DeleteAttributesRequest request) {
        return call("DeleteAttributes", request, () -> state.containerInstanceOperations().deleteAttributes(request));
    }

    @Override
    public ListAttributesResponse listAttributes(ListAttributesRequest request) {
        return call("ListAttributes", request, () -> state.containerInstanceOperations().listAttributes(request));
    }

    @Override
    public DiscoverPollEndpointResponse discoverPollEndpoint(DiscoverPollEndpointRequest request) {
        return call("DiscoverPollEndpoint", request, () -> state.containerInstanceOperations().discoverPollEndpoint(request));
    }

    @Override
    public TagResourceResponse tagResource(TagResourceRequest request) {
        return call("TagResource", request, () -> state.tags().tagResource(request));
    }

    @Override
    public UntagResourceResponse untagResource(UntagResourceRequest request) {
        return call("UntagResource", request, () -> state.tags().untagResource(request));
    }

    @Override
    public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest request) {
        return call("ListTagsForResource", request, () -> state.tags().listTagsForResource(request));
    }

    @Override
    public PutAccountSettingResponse putAccountSetting(PutAccountSettingRequest request) {
        return call("PutAccountSetting", request, () -> state.accountSettings().putAccountSetting(request));
    }

    @Override
    public PutAccountSettingDefaultResponse putAccountSettingDefault(PutAccountSettingDefaultRequest request) {
        return call("PutAccountSettingDefault", request, () -> state.accountSettings().putAccountSettingDefault(request));
    }

    @Override
    public DeleteAccountSettingResponse deleteAccountSetting(DeleteAccountSettingRequest request) {
        return call("DeleteAccountSetting", request, () -> state.accountSettings().deleteAccountSetting(request));
    }

    @Override
    public ListAccountSettingsResponse listAccountSettings(ListAccountSettingsRequest request) {
        return call("ListAccountSettings", request, () -> state.accountSettings().listAccountSettings(request));
    }

    @Override
    public CreateServiceResponse createService(CreateServiceRequest request) {
        return call("CreateService", request, () -> state.services().createService(request));
    }

    @Override
    public UpdateServiceResponse updateService(UpdateServiceRequest request) {
        return call("UpdateService", request, () -> state.services().updateService(request));
    }

    @Override
    public DeleteServiceResponse deleteService(DeleteServiceRequest request) {
        return call("DeleteService", request, () -> state.services().deleteService(request));
    }

    @Override
    public DescribeServicesResponse describeServices(DescribeServicesRequest request) {
        return call("DescribeServices", request, () -> state.services().describeServices(request));
    }

    @Override
    public ListServicesResponse listServices(ListServicesRequest request) {
        return call("ListServices", request, () -> state.services().listServices(request));
    }

    @Override
    public ListServicesByNamespaceResponse listServicesByNamespace(ListServicesByNamespaceRequest request) {
        return call("ListServicesByNamespace", request, () -> state.services().listServicesByNamespace(request));
    }

    @Override
    public DescribeServiceDeploymentsResponse describeServiceDeployments(DescribeServiceDeploymentsRequest request) {
        return call("DescribeServiceDeployments", request, () -> state.services().describeServiceDeployments(request));
    }

    @Override
    public ListServiceDeploymentsResponse listServiceDeployments(ListServiceDeploymentsRequest request) {
        return call("ListServiceDeployments", request, () -> state.services().listServiceDeployments(request));
    }

    @Override
    public DescribeServiceRevisionsResponse describeServiceRevisions(DescribeServiceRevisionsRequest request) {
        return call("DescribeServiceRevisions", request, () -> state.services().describeServiceRevisions(request));
    }

    @Override
    public StopServiceDeploymentResponse stopServiceDeployment(StopServiceDeploymentRequest request) {
        return call("StopServiceDeployment", request, () -> state.services().stopServiceDeployment(request));
    }

    @Override
    public ContinueServiceDeploymentResponse continueServiceDeployment(ContinueServiceDeploymentRequest request) {
        return call("ContinueServiceDeployment", request, () -> state.services().continueServiceDeployment(request));
    }

    @Override
    public CreateTaskSetResponse createTaskSet(CreateTaskSetRequest request) {
        return call("CreateTaskSet", request, () -> state.services().createTaskSet(request));
    }

    @Override
    public DeleteTaskSetResponse deleteTaskSet(DeleteTaskSetRequest request) {
        return call("DeleteTaskSet", request, () -> state.services().deleteTaskSet(request));
    }

    @Override
    public DescribeTaskSetsResponse describeTaskSets(DescribeTaskSetsRequest request) {
        return call("DescribeTaskSets", request, () -> state.services().describeTaskSets(request));
    }

    @Override
    public UpdateTaskSetResponse updateTaskSet(UpdateTaskSetRequest request) {
        return call("UpdateTaskSet", request, () -> state.services().updateTaskSet(request));
    }

    @Override
    public UpdateServicePrimaryTaskSetResponse updateServicePrimaryTaskSet(UpdateServicePrimaryTaskSetRequest request) {
        return call("UpdateServicePrimaryTaskSet", request, () -> state.services().updateServicePrimaryTaskSet(request));
    }

    @Override
    public CreateExpressGatewayServiceResponse createExpressGatewayService(CreateExpressGatewayServiceRequest request) {
        return call("CreateExpressGatewayService", request, () -> state.express().create(request));
    }

    @Override
    public UpdateExpressGatewayServiceResponse updateExpressGatewayService(UpdateExpressGatewayServiceRequest request) {
        return call("UpdateExpressGatewayService", request, () -> state.express().update(request));
    }

    @Override
    public DeleteExpressGatewayServiceResponse deleteExpressGatewayService(DeleteExpressGatewayServiceRequest request) {
        return call("DeleteExpressGatewayService", request, () -> state.express().delete(request));
    }

    @Override
    public DescribeExpressGatewayServiceResponse describeExpressGatewayService(
            DescribeExpressGatewayServiceRequest request) {
        return call("DescribeExpressGatewayService", request, () -> state.express().describe(request));
    }

    // ------------------------------------------------------------------ ECS Gateways

    @Override
    public AssociateGatewayWithClusterResponse associateGatewayWithCluster(AssociateGatewayWithClusterRequest request) {
        return call("AssociateGatewayWithCluster", request, () -> state.gateways().associations().associate(request));
    }

    @Override
    public CreateGatewayResponse createGateway(CreateGatewayRequest request) {
        return call("CreateGateway", request, () -> state.gateways().create(request));
    }

    @Override
    public DeleteGatewayResponse deleteGateway(DeleteGatewayRequest request) {
        return call("DeleteGateway", request, () -> state.gateways().delete(request));
    }

    @Override
    public DescribeGatewayResponse describeGateway(DescribeGatewayRequest request) {
        return call("DescribeGateway", request, () -> state.gateways().describe(request));
    }

    @Override
    public DescribeGatewayResourcesResponse describeGatewayResources(DescribeGatewayResourcesRequest request) {
        return call("DescribeGatewayResources", request, () -> state.gateways().routes().describeResources(request));
    }

    @Override
    public DescribeGatewayRouteResponse describeGatewayRoute(DescribeGatewayRouteRequest request) {
        return call("DescribeGatewayRoute", request, () -> state.gateways().routes().describeRoute(request));
    }

    @Override
    public DisassociateGatewayFromClusterResponse disassociateGatewayFromCluster(DisassociateGatewayFromClusterRequest request) {
        return call("DisassociateGatewayFromCluster", request, () -> state.gateways().associations().disassociate(request));
    }

    @Override
    public ListGatewayClusterAssociationsResponse listGatewayClusterAssociations(ListGatewayClusterAssociationsRequest request) {
        return call("ListGatewayClusterAssociations", request, () -> state.gateways().associations().list(request));
    }

    @Override
    public ListGatewayRoutesResponse listGatewayRoutes(ListGatewayRoutesRequest request) {
        return call("ListGatewayRoutes", request, () -> state.gateways().routes().listRoutes(request));
    }

    @Override
    public ListGatewaysResponse listGateways(ListGatewaysRequest request) {
        return call("ListGateways", request, () -> state.gateways().list(request));
    }

    @Override
    public UpdateGatewayResponse updateGateway(UpdateGatewayRequest request) {
        return call("UpdateGateway", request, () -> state.gateways().update(request));
    }
}
