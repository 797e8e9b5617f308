package dev.fakeecs.internal.taskdefinition;

import dev.fakeecs.internal.arn.Arns;

/**
 * How a request names a task definition: a bare {@code family} (latest ACTIVE revision),
 * {@code family:revision}, or the full ARN (with or without a revision).
 *
 * <pre>{@code
 * TaskDefinitionReference.parse("web:3");   // family "web", revision 3
 * TaskDefinitionReference.parse("arn:aws:ecs:us-east-1:123456789012:task-definition/web:3");
 * TaskDefinitionReference.parse("web");     // family "web", revision null
 * }</pre>
 *
 * @param family    the family name
 * @param revision  the revision, or null when none was named
 * @param arnPrefix for an ARN, its {@code arn:aws:ecs:region:account:} part, else null
 */
public record TaskDefinitionReference(String family, Integer revision, String arnPrefix) {

    private static final String TYPE = "task-definition/";

    /** Reads a reference; null when the text cannot name a task definition. */
    public static TaskDefinitionReference parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String prefix = null;
        String rest = text;
        if (Arns.isArn(text)) {
            int at = text.indexOf(TYPE);
            if (at < 0 || !"task-definition".equals(Arns.resourceType(text))) {
                return null;
            }
            prefix = text.substring(0, at);
            rest = text.substring(at + TYPE.length());
        }
        int colon = rest.lastIndexOf(':');
        if (colon < 0) {
            return new TaskDefinitionReference(rest, null, prefix);
        }
        String revision = rest.substring(colon + 1);
        if (!revision.matches("\\d{1,9}")) {
            return null;
        }
        return new TaskDefinitionReference(rest.substring(0, colon), Integer.parseInt(revision), prefix);
    }

    public boolean hasRevision() {
        return revision != null;
    }
}
