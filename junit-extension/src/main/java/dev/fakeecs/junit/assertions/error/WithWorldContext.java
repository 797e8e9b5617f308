package dev.fakeecs.junit.assertions.error;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.journal.JournalEntry;
import org.assertj.core.description.Description;
import org.assertj.core.error.ErrorMessageFactory;
import org.assertj.core.presentation.Representation;

import java.util.List;
import java.util.function.Predicate;

/**
 * Appends the world's context to a message: the virtual time, the seed (to replay the run), and the
 * most relevant journal lines about the subject (faults, service events and stops first, then the most recent).
 *
 * <pre>{@code
 * at virtual time 2026-01-01T00:02:10Z, seed 42 (same seed, same run)
 * recent journal about service orders in cluster prod:
 *   2026-01-01T00:00:00Z SERVICE arn:aws:ecs:...:service/prod/orders status=ACTIVE desiredCount=3
 * }</pre>
 */
public class WithWorldContext implements ErrorMessageFactory {

    /** How many journal lines a message shows at most. */
    public static final int LINES = 8;

    private final ErrorMessageFactory inner;
    private final String context;

    public WithWorldContext(ErrorMessageFactory inner, String context) {
        this.inner = inner;
        this.context = context;
    }

    /**
     * Builds the context text for a subject (journal entries matched by {@code about}): the {@link #LINES} most relevant
     * lines ({@link JournalRelevance}: faults, service events and stops of the subject first, then the most recent).
     */
    public static String context(FakeEcs ecs, String subject, Predicate<JournalEntry> about) {
        String nl = System.lineSeparator();
        StringBuilder b = new StringBuilder(nl).append(nl).append("at virtual time ").append(ecs.clock().instant())
                .append(", seed ").append(ecs.seed()).append(" (same seed, same run)");
        List<JournalEntry> entries = ecs.journal().entries();
        List<JournalEntry> lines = JournalRelevance.select(entries, about, LINES);
        int candidates = JournalRelevance.candidates(entries, about);
        b.append(nl).append("recent journal about ").append(subject).append(':');
        if (lines.isEmpty()) {
            b.append(nl).append("  (nothing)");
        }
        for (JournalEntry e : lines) {
            b.append(nl).append("  ").append(e.describe());
        }
        if (candidates > lines.size()) {
            b.append(nl).append("  (").append(lines.size()).append(" of ").append(candidates)
                    .append(" lines: faults, service events and stops first, then the most recent)");
        }
        return b.toString();
    }

    @Override
    public String create(Description d, Representation representation) {
        return inner.create(d, representation) + context;
    }

    @Override
    public String create(Description d) {
        return create(d, org.assertj.core.presentation.StandardRepresentation.STANDARD_REPRESENTATION);
    }

    @Override
    public String create() {
        return create(new org.assertj.core.description.TextDescription(""));
    }
}
