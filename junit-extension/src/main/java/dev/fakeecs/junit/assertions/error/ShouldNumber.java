package dev.fakeecs.junit.assertions.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

import java.util.List;

/**
 * A counting assertion failed: "Expecting the tasks stopped in the journal since mark 12 with stop code
 * SpotInterruption to number: 2 but there were 1: [...]", followed by everything the count was taken from, so the
 * reader sees what was counted and what was not.
 *
 * <pre>{@code
 * throwAssertionError(shouldNumber("the tasks stopped since mark 12 with stop code SpotInterruption", 2,
 *         List.of("3f2a (SpotInterruption)"), "all tasks stopped since mark 12", allStops));
 * }</pre>
 */
public class ShouldNumber extends BasicErrorMessageFactory {

    /**
     * @param counted     what was counted
     * @param expected    the count wanted
     * @param matching    the items counted, one line each
     * @param population  what the items were counted among (e.g. "all tasks stopped in the window")
     * @param everything  every item of the population, one line each, with what decides whether it counts
     */
    public static ErrorMessageFactory shouldNumber(String counted, int expected, List<String> matching,
                                                   String population, List<String> everything) {
        return new ShouldNumber(counted, expected, matching, population, everything);
    }

    private ShouldNumber(String counted, int expected, List<String> matching, String population,
                         List<String> everything) {
        super("%nExpecting " + escape(counted) + "%nto number:%n  %s%nbut there were " + matching.size() + ":%n  %s%n"
                        + escape(population) + " (" + everything.size() + "):%n  %s",
                expected, unquotedString(lines(matching)), unquotedString(lines(everything)));
    }

    private static String lines(List<String> items) {
        return items.isEmpty() ? "(none)" : String.join("\n  ", items);
    }

    private static String escape(String text) {
        return text.replace("%", "%%");
    }
}
