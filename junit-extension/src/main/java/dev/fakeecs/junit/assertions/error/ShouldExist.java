package dev.fakeecs.junit.assertions.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** "Expecting service: orders to exist but it does not; cluster prod has: [payments]". */
public class ShouldExist extends BasicErrorMessageFactory {

    public static ErrorMessageFactory shouldExist(String kind, String subject, Object existing) {
        return new ShouldExist(kind, subject, existing);
    }

    private ShouldExist(String kind, String subject, Object existing) {
        super("%nExpecting " + kind + ":%n  %s%nto exist%nbut it does not; there are:%n  %s",
                unquotedString(subject), existing);
    }
}
