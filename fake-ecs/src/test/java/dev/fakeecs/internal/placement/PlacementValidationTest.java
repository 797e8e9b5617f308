package dev.fakeecs.internal.placement;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.PlacementConstraint;
import software.amazon.awssdk.services.ecs.model.PlacementStrategy;

import java.util.Collections;
import java.util.List;

import static dev.fakeecs.internal.placement.PlacementStrategies.binpack;
import static dev.fakeecs.internal.placement.PlacementStrategies.distinctInstance;
import static dev.fakeecs.internal.placement.PlacementStrategies.memberOf;
import static dev.fakeecs.internal.placement.PlacementStrategies.random;
import static dev.fakeecs.internal.placement.PlacementStrategies.spread;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlacementValidationTest {

    private static void rejects(List<PlacementConstraint> c, List<PlacementStrategy> s, String message) {
        assertThatThrownBy(() -> TaskPlacer.validate(c, s))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining(message);
    }

    @Test
    void should_accept_valid_constraints_and_strategies() {
        assertThatCode(() -> TaskPlacer.validate(
                List.of(distinctInstance(), memberOf("attribute:ecs.availability-zone in [us-east-1a, us-east-1b]")),
                List.of(spread("attribute:ecs.availability-zone"), spread("instanceId"), spread("host"),
                        binpack("cpu"), binpack("MEMORY")))).doesNotThrowAnyException();
        assertThatCode(() -> TaskPlacer.validate(null, null)).doesNotThrowAnyException();
        assertThatCode(() -> TaskPlacer.validate(List.of(), PlacementStrategies.SERVICE_DEFAULT))
                .doesNotThrowAnyException();
        assertThatCode(() -> TaskPlacer.validate(List.of(), List.of(
                PlacementStrategy.builder().type("random").field("ignored").build()))).doesNotThrowAnyException();
    }

    @Test
    void should_allow_ten_constraints_and_five_strategies_and_no_more() {
        List<PlacementConstraint> ten = Collections.nCopies(10, memberOf("agentConnected == true"));
        List<PlacementStrategy> five = Collections.nCopies(5, random());
        assertThatCode(() -> TaskPlacer.validate(ten, five)).doesNotThrowAnyException();
        rejects(Collections.nCopies(11, distinctInstance()), List.of(), "at most 10");
        rejects(List.of(), Collections.nCopies(6, random()), "at most 5");
    }

    @Test
    void should_use_the_limits_it_is_given() {
        assertThatThrownBy(() -> TaskPlacer.validate(List.of(distinctInstance(), distinctInstance()), List.of(), 1, 5))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("at most 1");
    }

    @Test
    void should_name_the_bad_constraint() {
        rejects(List.of(PlacementConstraint.builder().build()), List.of(), "placementConstraints[0].type");
        rejects(List.of(PlacementConstraint.builder().type("sameZone").build()), List.of(),
                "Placement constraint type 'sameZone' is not valid");
        rejects(List.of(distinctInstance(), PlacementConstraint.builder().type("memberOf").build()), List.of(),
                "placementConstraints[1].expression is required");
        rejects(List.of(PlacementConstraint.builder().type("distinctInstance").expression("x == y").build()),
                List.of(), "distinctInstance constraint does not take an expression");
        rejects(List.of(memberOf("attribute:stack === prod")), List.of(),
                "Invalid placement constraint expression \"attribute:stack === prod\"");
    }

    @Test
    void should_name_the_bad_strategy() {
        rejects(List.of(), List.of(PlacementStrategy.builder().field("cpu").build()), "placementStrategy[0].type");
        rejects(List.of(), List.of(PlacementStrategy.builder().type("firstFit").build()),
                "placementStrategy[0].type 'firstFit' is not valid");
        rejects(List.of(), List.of(random(), binpack("disk")),
                "placementStrategy[1].field 'disk' is not valid for the binpack strategy");
        rejects(List.of(), List.of(binpack(null)), "field is required for the binpack strategy");
        rejects(List.of(), List.of(spread(null)), "field is required for the spread strategy");
        rejects(List.of(), List.of(spread("zone")), "'zone' is not valid for the spread strategy");
        rejects(List.of(), List.of(spread("attribute:")), "'attribute:' is not valid for the spread strategy");
    }
}
