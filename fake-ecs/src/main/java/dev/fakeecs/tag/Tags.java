package dev.fakeecs.tag;

import dev.fakeecs.region.RegionState;
import software.amazon.awssdk.services.ecs.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.ecs.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.ecs.model.TagResourceRequest;
import software.amazon.awssdk.services.ecs.model.TagResourceResponse;
import software.amazon.awssdk.services.ecs.model.UntagResourceRequest;
import software.amazon.awssdk.services.ecs.model.UntagResourceResponse;

/**
 * The Tags part of one region's ECS control plane.
 */
public final class Tags {

    private final RegionState state;

    public Tags(RegionState state) {
        this.state = state;
    }

    /** TagResource. */
    public TagResourceResponse tagResource(TagResourceRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support TagResource yet");
    }

    /** UntagResource. */
    public UntagResourceResponse untagResource(UntagResourceRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support UntagResource yet");
    }

    /** ListTagsForResource. */
    public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support ListTagsForResource yet");
    }
}
