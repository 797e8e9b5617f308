package dev.fakeecs.internal.containerinstance;

import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.FakeEcs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Attribute;
import software.amazon.awssdk.services.ecs.model.AttributeLimitExceededException;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.TargetNotFoundException;
import software.amazon.awssdk.services.ecs.model.TargetType;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstanceAttributesTest {

    private FakeEcs ecs;
    private EcsClient api;
    private SimulatedContainerInstance a;
    private SimulatedContainerInstance b;

    @BeforeEach
    void setUp() {
        ecs = FakeEcs.create();
        api = ecs.api();
        api.createCluster(r -> r.clusterName("prod"));
        ContainerInstances hosts = RegionEngine.of(ecs.defaultRegion()).containerInstances();
        a = hosts.launchHost("prod", "m5.large", "us-east-1a", null);
        b = hosts.launchHost("prod", "m5.large", "us-east-1b", null);
    }

    private static Attribute attr(String name, String value, String target) {
        return Attribute.builder().name(name).value(value).targetType(TargetType.CONTAINER_INSTANCE)
                .targetId(target).build();
    }

    @Test
    void should_put_list_and_delete_custom_attributes() {
        var put = api.putAttributes(r -> r.cluster("prod").attributes(attr("stack", "blue", a.id()),
                attr("stack", "green", b.arn()))).attributes();

        assertThat(put).extracting(Attribute::targetId).containsExactly(a.arn(), b.arn());
        assertThat(a.attributes()).containsEntry("stack", "blue");
        var listed = api.listAttributes(r -> r.cluster("prod").targetType(TargetType.CONTAINER_INSTANCE)
                .attributeName("stack")).attributes();
        assertThat(listed).containsExactly(attr("stack", "blue", a.arn()), attr("stack", "green", b.arn()));
        assertThat(api.listAttributes(r -> r.cluster("prod").targetType(TargetType.CONTAINER_INSTANCE)
                .attributeName("stack").attributeValue("green")).attributes()).extracting(Attribute::targetId)
                .containsExactly(b.arn());
        assertThat(api.listContainerInstances(r -> r.cluster("prod").filter("attribute:stack == blue"))
                .containerInstanceArns()).containsExactly(a.arn());

        api.deleteAttributes(r -> r.cluster("prod").attributes(attr("stack", null, a.id())));

        assertThat(a.attributes()).doesNotContainKey("stack");
        assertThat(b.attributes()).containsEntry("stack", "green");
    }

    @Test
    void should_list_built_in_attributes_too() {
        var listed = api.listAttributes(r -> r.cluster("prod").targetType(TargetType.CONTAINER_INSTANCE)
                .attributeName("ecs.availability-zone")).attributes();

        assertThat(listed).extracting(Attribute::value).containsExactly("us-east-1a", "us-east-1b");
    }

    @Test
    void should_allow_ten_custom_attributes_per_instance() {
        List<Attribute> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add(attr("a" + i, "v", a.id()));
        }
        api.putAttributes(r -> r.cluster("prod").attributes(ten));

        assertThatThrownBy(() -> api.putAttributes(r -> r.cluster("prod").attributes(attr("one-more", "v", a.id()))))
                .isInstanceOf(AttributeLimitExceededException.class)
                .extracting(ErrorText::of).isEqualTo("You can apply up to 10 custom attributes per resource. The container instance "
                        + a.arn() + " would have 11.");
        api.putAttributes(r -> r.cluster("prod").attributes(attr("a0", "changed", a.id())));
        assertThat(a.attributes()).containsEntry("a0", "changed");
    }

    @Test
    void should_report_unknown_targets_and_reserved_names() {
        assertThatThrownBy(() -> api.putAttributes(r -> r.cluster("prod").attributes(attr("x", "y",
                "ffffffffffffffffffffffffffffffff")))).isInstanceOf(TargetNotFoundException.class)
                .extracting(ErrorText::of).isEqualTo("Could not find the container instance ffffffffffffffffffffffffffffffff in cluster prod: "
                        + "targetId");
        assertThatThrownBy(() -> api.putAttributes(r -> r.cluster("prod").attributes(attr("ecs.instance-type", "x",
                a.id())))).isInstanceOf(InvalidParameterException.class)
                .extracting(ErrorText::of).isEqualTo("Attribute names beginning with 'ecs.' or 'com.amazonaws.ecs.' are reserved: name "
                        + "ecs.instance-type");
        assertThatThrownBy(() -> api.putAttributes(r -> r.cluster("prod").attributes(attr("x", " padded", a.id()))))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> api.listAttributes(r -> r.cluster("prod")))
                .isInstanceOf(InvalidParameterException.class).extracting(ErrorText::of).isEqualTo("targetType can not be null or empty.");
    }
}
