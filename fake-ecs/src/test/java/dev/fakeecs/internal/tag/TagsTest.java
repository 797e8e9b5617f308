package dev.fakeecs.internal.tag;

import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.internal.containerinstance.ErrorText;
import dev.fakeecs.FakeEcs;
import dev.fakeecs.journal.JournalEventType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LimitExceededException;
import software.amazon.awssdk.services.ecs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ecs.model.Tag;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TagsTest {

    private static final String CLUSTER = "arn:aws:ecs:us-east-1:123456789012:cluster/prod";

    private FakeEcs ecs;
    private EcsClient api;
    private Tags tags;

    @BeforeEach
    void setUp() {
        ecs = FakeEcs.create();
        api = ecs.api();
        tags = RegionEngine.of(ecs.defaultRegion()).tags();
        api.createCluster(r -> r.clusterName("prod"));
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    @Test
    void should_tag_overwrite_list_and_untag_in_insertion_order() {
        api.tagResource(r -> r.resourceArn(CLUSTER).tags(tag("team", "web"), tag("env", "dev")));
        api.tagResource(r -> r.resourceArn(CLUSTER).tags(tag("env", "prod"), tag("cost", "42")));

        assertThat(api.listTagsForResource(r -> r.resourceArn(CLUSTER)).tags())
                .containsExactly(tag("team", "web"), tag("env", "prod"), tag("cost", "42"));

        api.untagResource(r -> r.resourceArn(CLUSTER).tagKeys("team", "absent"));

        assertThat(tags.tagsOf(CLUSTER)).containsExactly(tag("env", "prod"), tag("cost", "42"));
        assertThat(ecs.journal().ofType(JournalEventType.TAG)).extracting(e -> e.details().toString())
                .containsExactly("{tagged=team,env}", "{tagged=env,cost}", "{untagged=team,absent}");
    }

    @Test
    void should_refuse_the_aws_prefix_in_keys_and_values_in_any_case() {
        for (Tag bad : List.of(tag("aws:x", "v"), tag("AWS:x", "v"), tag("k", "Aws:v"))) {
            assertThatThrownBy(() -> api.tagResource(r -> r.resourceArn(CLUSTER).tags(bad)))
                    .isInstanceOf(InvalidParameterException.class)
                    .extracting(ErrorText::of).isEqualTo("Tag keys and values that begin with 'aws:' are reserved for AWS use and can not be "
                            + "added, changed or removed.");
        }
        assertThatThrownBy(() -> api.untagResource(r -> r.resourceArn(CLUSTER).tagKeys("aws:cloudformation:stack")))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void should_check_key_and_value_lengths() {
        assertThatThrownBy(() -> api.tagResource(r -> r.resourceArn(CLUSTER).tags(tag("k".repeat(129), "v"))))
                .isInstanceOf(InvalidParameterException.class)
                .extracting(ErrorText::of).asString().startsWith("Tag key exceeds the maximum length of 128 characters");
        assertThatThrownBy(() -> api.tagResource(r -> r.resourceArn(CLUSTER).tags(tag("k", "v".repeat(257)))))
                .isInstanceOf(InvalidParameterException.class)
                .extracting(ErrorText::of).isEqualTo("Tag value exceeds the maximum length of 256 characters: tags.value of key k");
        api.tagResource(r -> r.resourceArn(CLUSTER).tags(tag("k".repeat(128), "v".repeat(256)), tag("empty", "")));
        assertThat(tags.tagsOf(CLUSTER)).hasSize(2);
    }

    @Test
    void should_allow_fifty_tags_per_resource() {
        List<Tag> fifty = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fifty.add(tag("k" + i, "v"));
        }
        api.tagResource(r -> r.resourceArn(CLUSTER).tags(fifty));

        assertThatThrownBy(() -> api.tagResource(r -> r.resourceArn(CLUSTER).tags(tag("k50", "v"))))
                .isInstanceOf(LimitExceededException.class)
                .extracting(ErrorText::of).isEqualTo("The number of tags on the resource would exceed the limit of 50 tags.");
        assertThat(tags.tagsOf(CLUSTER)).hasSize(50);
    }

    @Test
    void should_tell_malformed_arns_from_missing_resources() {
        assertThatThrownBy(() -> api.listTagsForResource(r -> r.resourceArn("prod")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> api.listTagsForResource(r -> r.resourceArn(
                "arn:aws:ecs:us-east-1:123456789012:widget/prod"))).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> api.listTagsForResource(r -> r.resourceArn(
                "arn:aws:ecs:us-east-1:123456789012:cluster/nope"))).isInstanceOf(ResourceNotFoundException.class)
                .extracting(ErrorText::of).isEqualTo("The specified resource wasn't found: resourceArn "
                        + "arn:aws:ecs:us-east-1:123456789012:cluster/nope");
        assertThatThrownBy(() -> api.listTagsForResource(r -> r.resourceArn(
                "arn:aws:ecs:eu-west-1:123456789012:cluster/prod"))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> api.listTagsForResource(r -> r.resourceArn(
                "arn:aws:ecs:us-east-1:123456789012:capacity-provider/nope")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(api.listTagsForResource(r -> r.resourceArn(
                "arn:aws:ecs:us-east-1:123456789012:capacity-provider/FARGATE")).tags()).isEmpty();
    }

    @Test
    void should_consult_registered_existence_predicates() {
        String service = "arn:aws:ecs:us-east-1:123456789012:service/prod/web";
        RegionEngine.of(ecs.defaultRegion()).read(() -> {
            tags.registerResourceType("service", arn -> false);
            return null;
        });

        assertThatThrownBy(() -> api.tagResource(r -> r.resourceArn(service).tags(tag("a", "b"))))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> tags.registerResourceType("widget", arn -> true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void should_let_domains_put_and_forget_tags_at_create_and_delete() {
        tags.put("arn:aws:ecs:us-east-1:123456789012:task-definition/web:1", List.of(tag("a", "1")));
        assertThat(tags.tagMapOf("arn:aws:ecs:us-east-1:123456789012:task-definition/web:1")).containsEntry("a", "1");

        tags.remove("arn:aws:ecs:us-east-1:123456789012:task-definition/web:1");

        assertThat(tags.tagsOf("arn:aws:ecs:us-east-1:123456789012:task-definition/web:1")).isEmpty();
    }
}
