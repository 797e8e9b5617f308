package dev.fakeecs.junit.assertions.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

import java.util.List;

/** "Expecting the journal since mark 12 to contain: an entry ... but it had: [...]" (or "not to contain"). */
public class ShouldContainJournalEntry extends BasicErrorMessageFactory {

    public static ErrorMessageFactory shouldContain(String window, String what, List<String> lines) {
        return new ShouldContainJournalEntry(window, "to contain", what, lines);
    }

    public static ErrorMessageFactory shouldNotContain(String window, String what, List<String> offending) {
        return new ShouldContainJournalEntry(window, "not to contain", what, offending);
    }

    private ShouldContainJournalEntry(String window, String verb, String what, List<String> lines) {
        super("%nExpecting the journal " + window + "%n" + verb + ":%n  %s%nbut "
                        + (verb.startsWith("not") ? "found" : "it had") + ":%n  %s",
                unquotedString(what), unquotedString(lines.isEmpty() ? "(no entries)"
                        : String.join("\n  ", lines.size() > 20 ? lines.subList(lines.size() - 20, lines.size())
                        : lines)));
    }
}
