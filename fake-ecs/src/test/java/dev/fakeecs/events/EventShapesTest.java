package dev.fakeecs.events;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fakeecs.events.EventShapes.Shape;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The shape comparison itself: it must catch a renamed, missing or retyped field at any depth. */
class EventShapesTest {

    private static ObjectNode taskExample() {
        return EventShapes.example("task-state-change.json").deepCopy();
    }

    @Test
    void should_find_no_difference_between_an_example_and_itself() {
        Shape aws = EventShapes.exampleShape("task-state-change.json");

        assertThat(aws.missingFrom(EventShapes.of(taskExample()))).isEmpty();
        assertThat(aws.extraIn(EventShapes.of(taskExample()), Set.of())).isEmpty();
    }

    @Test
    void should_report_a_renamed_field_deep_in_an_array_both_ways() {
        // given: containers[0].networkInterfaces[0].privateIpv4Address renamed
        ObjectNode renamed = taskExample();
        ObjectNode nic = (ObjectNode) renamed.get("detail").get("containers").get(0).get("networkInterfaces").get(0);
        nic.set("privateIPv4Address", nic.remove("privateIpv4Address"));

        // when
        Shape aws = EventShapes.exampleShape("task-state-change.json");

        // then
        assertThat(aws.missingFrom(EventShapes.of(renamed)))
                .containsExactly(".detail.containers[].networkInterfaces[].privateIpv4Address missing");
        assertThat(aws.extraIn(EventShapes.of(renamed), Set.of()))
                .containsExactly(".detail.containers[].networkInterfaces[].privateIPv4Address missing");
    }

    @Test
    void should_report_a_retyped_field_and_a_missing_one() {
        // given: version as a string, containers' cpu gone
        ObjectNode changed = taskExample();
        ((ObjectNode) changed.get("detail")).put("version", "4");
        ((ObjectNode) changed.get("detail").get("containers").get(0)).remove("cpu");

        // then
        assertThat(EventShapes.exampleShape("task-state-change.json").missingFrom(EventShapes.of(changed)))
                .containsExactlyInAnyOrder(".detail.version is STRING, expected NUMBER",
                        ".detail.containers[].cpu missing");
    }

    @Test
    void should_merge_array_elements_so_a_field_of_any_element_counts() {
        // given: the container instance example lists attributes by name only; ours also have values
        ObjectNode ours = EventShapes.example("container-instance-state-change.json").deepCopy();
        ArrayNode attributes = (ArrayNode) ours.get("detail").get("attributes");
        ((ObjectNode) attributes.get(1)).put("value", "linux");

        // then: nothing missing; the value is an extra field, unless allowed
        Shape aws = EventShapes.exampleShape("container-instance-state-change.json");
        assertThat(aws.missingFrom(EventShapes.of(ours))).isEmpty();
        assertThat(aws.extraIn(EventShapes.of(ours), Set.of())).containsExactly(".detail.attributes[].value missing");
        assertThat(aws.extraIn(EventShapes.of(ours), Set.of(".detail.attributes[].value"))).isEmpty();
    }
}
