package dev.fakeecs.junit.assertions.error;

import org.assertj.core.description.TextDescription;
import org.assertj.core.presentation.StandardRepresentation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The call verification message on its own. */
class ShouldHaveBeenCalledTest {

    private static String create(List<String> sameOp, List<String> recent) {
        return ShouldHaveBeenCalled.shouldHaveBeenCalled("API calls to us-east-1", "UpdateService that succeeded",
                "once", 2, sameOp, recent).create(new TextDescription(""), StandardRepresentation.STANDARD_REPRESENTATION);
    }

    @Test
    void should_say_what_was_counted_how_often_and_show_the_calls() {
        String message = create(List.of("calls of UpdateService (2):", "  #1 a", "  #2 b"),
                List.of("recent API calls (2):", "  #1 a", "  #2 b"));

        assertThat(message).isEqualTo(String.format("%nExpecting API calls to us-east-1:%n  UpdateService that succeeded"
                + "%nto have been called:%n  once%nbut was called:%n  2 times%ncalls of UpdateService (2):%n  #1 a%n  #2 b"
                + "%nrecent API calls (2):%n  #1 a%n  #2 b"));
    }

    @Test
    void should_keep_per_cent_signs_of_requests_literal() {
        String message = create(List.of("  #1 {\"name\":\"100%n%s\"}"), List.of());

        assertThat(message).contains("{\"name\":\"100%n%s\"}");
    }

    @Test
    void should_name_counts_in_words() {
        assertThat(ShouldHaveBeenCalled.times(0)).isEqualTo("0 times");
        assertThat(ShouldHaveBeenCalled.times(1)).isEqualTo("once");
        assertThat(ShouldHaveBeenCalled.times(3)).isEqualTo("3 times");
    }
}
