package dev.fakeecs.internal.protocol;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A problem found while decoding, on its way up to the caller: each enclosing structure, list or
 * map adds its path segment, so the final message names the member, e.g. {@code containerDefinitions[0].cpu}.
 */
final class DecodeFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    enum Kind {
        /** The value has the wrong JSON type for its member. */
        WRONG_TYPE,
        /** A required member is absent or null. */
        MISSING_REQUIRED
    }

    private final Kind kind;
    private final String problem;
    private final transient Deque<String> path = new ArrayDeque<>();

    private DecodeFailure(Kind kind, String problem) {
        super(problem, null, false, false);
        this.kind = kind;
        this.problem = problem;
    }

    static DecodeFailure wrongType(String problem) {
        return new DecodeFailure(Kind.WRONG_TYPE, problem);
    }

    static DecodeFailure missingRequired(String member) {
        DecodeFailure failure = new DecodeFailure(Kind.MISSING_REQUIRED, "missing");
        failure.atMember(member);
        return failure;
    }

    /** Records that the failure happened inside the member {@code name}; returns this. */
    DecodeFailure atMember(String name) {
        path.addFirst(name);
        return this;
    }

    /** Records that the failure happened at {@code [index]} of a list; returns this. */
    DecodeFailure atIndex(int index) {
        path.addFirst("[" + index + "]");
        return this;
    }

    /** Records that the failure happened at {@code [key]} of a map; returns this. */
    DecodeFailure atKey(String key) {
        path.addFirst("[" + key + "]");
        return this;
    }

    /** The member path, e.g. {@code containerDefinitions[0].portMappings[1].containerPort}. */
    String path() {
        StringBuilder sb = new StringBuilder();
        for (String segment : path) {
            if (sb.length() > 0 && !segment.startsWith("[")) {
                sb.append('.');
            }
            sb.append(segment);
        }
        return sb.toString();
    }

    /** The protocol error the client sees. */
    ProtocolException toProtocolException() {
        if (kind == Kind.MISSING_REQUIRED) {
            return ProtocolException.invalidParameter("1 validation error detected: Value null at '" + path()
                    + "' failed to satisfy constraint: Member must not be null");
        }
        String where = path();
        return ProtocolException.serialization(where.isEmpty() ? problem : problem + " at '" + where + "'");
    }
}
