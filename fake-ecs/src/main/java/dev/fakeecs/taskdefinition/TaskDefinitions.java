package dev.fakeecs.taskdefinition;

import dev.fakeecs.region.RegionState;
import software.amazon.awssdk.services.ecs.model.DeleteTaskDefinitionsRequest;
import software.amazon.awssdk.services.ecs.model.DeleteTaskDefinitionsResponse;
import software.amazon.awssdk.services.ecs.model.DeregisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.DeregisterTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionFamiliesRequest;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionFamiliesResponse;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionsRequest;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionsResponse;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionResponse;

/**
 * The TaskDefinitions part of one region's ECS control plane.
 */
public final class TaskDefinitions {

    private final RegionState state;

    public TaskDefinitions(RegionState state) {
        this.state = state;
    }

    /** RegisterTaskDefinition. */
    public RegisterTaskDefinitionResponse registerTaskDefinition(RegisterTaskDefinitionRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support RegisterTaskDefinition yet");
    }

    /** DeregisterTaskDefinition. */
    public DeregisterTaskDefinitionResponse deregisterTaskDefinition(DeregisterTaskDefinitionRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support DeregisterTaskDefinition yet");
    }

    /** DeleteTaskDefinitions. */
    public DeleteTaskDefinitionsResponse deleteTaskDefinitions(DeleteTaskDefinitionsRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support DeleteTaskDefinitions yet");
    }

    /** DescribeTaskDefinition. */
    public DescribeTaskDefinitionResponse describeTaskDefinition(DescribeTaskDefinitionRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support DescribeTaskDefinition yet");
    }

    /** ListTaskDefinitions. */
    public ListTaskDefinitionsResponse listTaskDefinitions(ListTaskDefinitionsRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support ListTaskDefinitions yet");
    }

    /** ListTaskDefinitionFamilies. */
    public ListTaskDefinitionFamiliesResponse listTaskDefinitionFamilies(ListTaskDefinitionFamiliesRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support ListTaskDefinitionFamilies yet");
    }
}
