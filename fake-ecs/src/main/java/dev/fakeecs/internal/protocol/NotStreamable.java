package dev.fakeecs.internal.protocol;

/**
 * Thrown (one shared instance, no stack trace) when a request body holds anything the streaming reader leaves to
 * the tree: a syntax error, a duplicate member, a value of an unexpected JSON type, a float, a timestamp, a blob,
 * a document, a missing required member. The caller then decodes the body as before, through the tree, which
 * gives the same answer or the same error as it always did.
 *
 * <pre>{@code
 * try { return shape.read(parser); } catch (NotStreamable e) { return null; }   // null: decode through the tree
 * }</pre>
 */
final class NotStreamable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    static final NotStreamable INSTANCE = new NotStreamable();

    private NotStreamable() {
        super("left to the tree decoder", null, false, false);
    }
}
