package dev.fakeecs.internal.placement;

import dev.fakeecs.internal.error.EcsErrors;
import software.amazon.awssdk.services.ecs.model.EcsException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Recursive-descent parser of the cluster query language, reading characters directly (arguments
 * such as regular expressions and dates need context to tokenise). Grammar, loosest binding first:
 * <pre>
 * or         := and (("||" | "or") and)*
 * and        := unary (("&&" | "and") unary)*
 * unary      := ("!" | "not") unary | "(" or ")" | comparison
 * comparison := subject operator [argument | "[" value ("," value)* "]"]
 * </pre>
 * Arguments end at whitespace, {@code &&}, {@code ||} or an unbalanced {@code )}; they may be quoted
 * with {@code "} or {@code '}.
 */
final class QueryParser {

    private static final String SUBJECT_STOP = "=!<>()[],&|~\"'";

    private final String text;
    private int pos;

    private QueryParser(String text) {
        this.text = text;
    }

    static QueryNode parse(String expression) {
        QueryParser parser = new QueryParser(expression);
        QueryNode node = parser.or();
        parser.skipSpace();
        if (!parser.atEnd()) {
            throw parser.error("unexpected '" + parser.text.charAt(parser.pos) + "'");
        }
        return node;
    }

    private QueryNode or() {
        QueryNode left = and();
        while (true) {
            skipSpace();
            if (consume("||") || consumeKeyword("or")) {
                left = new QueryNode.Or(left, and());
            } else {
                return left;
            }
        }
    }

    private QueryNode and() {
        QueryNode left = unary();
        while (true) {
            skipSpace();
            if (consume("&&") || consumeKeyword("and")) {
                left = new QueryNode.And(left, unary());
            } else {
                return left;
            }
        }
    }

    private QueryNode unary() {
        skipSpace();
        if (atEnd()) {
            throw error("expected a subject, '(' or 'not' but the expression ended");
        }
        if (peek() == '!' || consumeKeyword("not")) {
            if (peek() == '!') {
                pos++;
            }
            return new QueryNode.Not(unary());
        }
        if (peek() == '(') {
            pos++;
            QueryNode inner = or();
            skipSpace();
            if (!consume(")")) {
                throw error("expected ')'");
            }
            return inner;
        }
        return comparison();
    }

    private QueryNode comparison() {
        int start = pos;
        String word = readWhile(c -> !Character.isWhitespace(c) && SUBJECT_STOP.indexOf(c) < 0);
        if (word.isEmpty()) {
            throw error("expected a subject");
        }
        QuerySubject subject;
        String attributeName = null;
        if (word.regionMatches(true, 0, "attribute:", 0, "attribute:".length())) {
            subject = QuerySubject.ATTRIBUTE;
            attributeName = word.substring("attribute:".length());
            if (attributeName.isEmpty()) {
                throw error(start, "attribute: needs an attribute name");
            }
        } else {
            subject = QuerySubject.fromWord(word);
            if (subject == null) {
                throw error(start, "unknown subject '" + word + "' (expected agentConnected, agentVersion, "
                        + "attribute:<name>, ec2InstanceId, registeredAt, runningTasksCount or task:group)");
            }
        }
        skipSpace();
        int opStart = pos;
        QueryOperator op = operator();
        if (!subject.accepts(op)) {
            throw error(opStart, "operator " + op.display() + " is not valid for " + describe(subject, attributeName));
        }
        List<String> arguments = List.of();
        Pattern pattern = null;
        if (op.takesArgument()) {
            skipSpace();
            int argStart = pos;
            arguments = op.takesList() && peekIs('[') ? list() : List.of(value(op));
            for (String argument : arguments) {
                String problem = subject.invalidArgument(op, argument);
                if (problem != null) {
                    throw error(argStart, problem);
                }
            }
            if (op == QueryOperator.MATCHES || op == QueryOperator.NOT_MATCHES) {
                pattern = compile(arguments.get(0), argStart);
            }
        }
        return new QueryNode.Comparison(subject, attributeName, op, arguments, pattern);
    }

    private static String describe(QuerySubject subject, String attributeName) {
        return subject == QuerySubject.ATTRIBUTE ? "attribute:" + attributeName : subject.displayName();
    }

    private QueryOperator operator() {
        if (atEnd()) {
            throw error("expected an operator but the expression ended");
        }
        for (QueryOperator op : QueryOperator.SYMBOL_ORDER) {
            String symbol = op.symbol();
            if (text.startsWith(symbol, pos)
                    && !(Character.isLetter(symbol.charAt(symbol.length() - 1)) && letterAt(pos + symbol.length()))) {
                pos += symbol.length();
                return op;
            }
        }
        int start = pos;
        String word = readWhile(c -> Character.isLetter(c) || c == '_');
        QueryOperator op = word.isEmpty() ? null : QueryOperator.fromWord(word);
        if (op == null) {
            pos = start;
            throw error("expected an operator (==, !=, >, >=, <, <=, exists, !exists, in, !in, =~, !~ or their "
                    + "word forms)");
        }
        return op;
    }

    private List<String> list() {
        pos++; // [
        List<String> items = new ArrayList<>();
        while (true) {
            skipSpace();
            if (peekIs(']') && items.isEmpty()) {
                throw error("a list needs at least one value");
            }
            int start = pos;
            String item = peekIs('"') || peekIs('\'') ? quoted()
                    : readWhile(c -> c != ',' && c != ']').trim();
            if (item.isEmpty()) {
                throw error(start, "empty value in list");
            }
            items.add(item);
            skipSpace();
            if (consume(",")) {
                continue;
            }
            if (consume("]")) {
                return items;
            }
            throw error("expected ',' or ']'");
        }
    }

    private String value(QueryOperator op) {
        if (atEnd()) {
            throw error("operator " + op.display() + " needs an argument but the expression ended");
        }
        if (peekIs('"') || peekIs('\'')) {
            return quoted();
        }
        int start = pos;
        int depth = 0;
        while (!atEnd()) {
            char c = peek();
            if (Character.isWhitespace(c) && depth == 0) {
                break;
            }
            if (depth == 0 && (text.startsWith("&&", pos) || text.startsWith("||", pos))) {
                break;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0) {
                    break;
                }
                depth--;
            }
            pos++;
        }
        String value = text.substring(start, pos);
        if (value.isEmpty()) {
            throw error("operator " + op.display() + " needs an argument");
        }
        return value;
    }

    private String quoted() {
        char quote = text.charAt(pos);
        int start = pos;
        int end = text.indexOf(quote, pos + 1);
        if (end < 0) {
            throw error(start, "unterminated quoted value");
        }
        pos = end + 1;
        return text.substring(start + 1, end);
    }

    private Pattern compile(String regex, int at) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw error(at, "invalid regular expression '" + regex + "': " + e.getDescription());
        }
    }

    // --- scanning helpers -------------------------------------------------------------------------

    private interface CharTest {
        boolean test(char c);
    }

    private String readWhile(CharTest test) {
        int start = pos;
        while (!atEnd() && test.test(peek())) {
            pos++;
        }
        return text.substring(start, pos);
    }

    /** Consumes a keyword (case-insensitive) only when it stands alone: followed by space, '(' or the end. */
    private boolean consumeKeyword(String keyword) {
        int end = pos + keyword.length();
        if (end > text.length() || !text.substring(pos, end).toLowerCase(Locale.ROOT).equals(keyword)) {
            return false;
        }
        if (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '(') {
            return false;
        }
        pos = end;
        return true;
    }

    private boolean consume(String token) {
        if (text.startsWith(token, pos)) {
            pos += token.length();
            return true;
        }
        return false;
    }

    private void skipSpace() {
        while (!atEnd() && Character.isWhitespace(peek())) {
            pos++;
        }
    }

    private boolean letterAt(int index) {
        return index < text.length() && (Character.isLetter(text.charAt(index)) || text.charAt(index) == '_');
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    private char peek() {
        return text.charAt(pos);
    }

    private boolean peekIs(char c) {
        return !atEnd() && peek() == c;
    }

    private EcsException error(String problem) {
        return error(pos, problem);
    }

    private EcsException error(int at, String problem) {
        return EcsErrors.invalidParameter("Invalid placement constraint expression \"" + text + "\" at position "
                + at + ": " + problem + ".");
    }
}
