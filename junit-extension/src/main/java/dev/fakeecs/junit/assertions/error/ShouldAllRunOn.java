package dev.fakeecs.junit.assertions.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

import java.util.List;

/** "Expecting all tasks of: orders to be RUNNING on: FARGATE_SPOT but these were not: [...]". */
public class ShouldAllRunOn extends BasicErrorMessageFactory {

    public static ErrorMessageFactory shouldAllRunOn(String subject, String capacity, List<String> offenders) {
        return new ShouldAllRunOn(subject, capacity, offenders);
    }

    private ShouldAllRunOn(String subject, String capacity, List<String> offenders) {
        super("%nExpecting all tasks of:%n  %s%nto be RUNNING on:%n  %s%nbut these were not:%n  %s",
                unquotedString(subject), unquotedString(capacity), unquotedString(offenders.isEmpty()
                        ? "(the service has no tasks)" : String.join("\n  ", offenders)));
    }
}
