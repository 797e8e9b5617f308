package dev.fakeecs.junit.assertions.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

import java.util.List;
import java.util.Map;

/** "Expecting the running tasks of: orders to be spread evenly (counts differ by at most 1) across: [..] but per zone were: {..}". */
public class ShouldBeSpreadEvenly extends BasicErrorMessageFactory {

    public static ErrorMessageFactory shouldBeSpreadEvenly(String subject, List<String> zones,
                                                           Map<String, Integer> perZone) {
        return new ShouldBeSpreadEvenly(subject, zones, perZone);
    }

    private ShouldBeSpreadEvenly(String subject, List<String> zones, Map<String, Integer> perZone) {
        super("%nExpecting the running tasks of:%n  %s%nto be spread evenly (counts differ by at most 1) across:%n"
                + "  %s%nbut the counts per zone were:%n  %s", unquotedString(subject), zones, perZone);
    }
}
