package dev.fakeecs.internal.protocol;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;

/**
 * Reads the body of a JSON or CBOR request into a tree, answering a malformed one with a
 * {@code SerializationException} that says what is wrong (and where, for JSON) in the client's terms: every JSON
 * protocol handler (ECS's AWS JSON 1.1, the RPC protocols of {@code internal.protocol.rpc}) reads bodies here.
 *
 * <pre>{@code
 * JsonNode tree = RequestBodies.parse(body, mapper, "JSON");   // "Malformed JSON: ... (line 1, column 9)"
 * }</pre>
 */
public final class RequestBodies {

    private RequestBodies() {
    }

    /**
     * The request body as a tree ({@code null} for an empty body), read by {@code mapper} (JSON or CBOR).
     *
     * @param label the format's name in messages ({@code JSON}, {@code CBOR})
     * @throws ProtocolException {@code SerializationException} naming what is wrong (and where, for text formats),
     *                           never a parser class or setting
     */
    public static JsonNode parse(byte[] body, ObjectMapper mapper, String label) {
        if (body.length == 0) {
            return null;
        }
        try {
            return mapper.readTree(body);
        } catch (StreamConstraintsException e) {
            throw ProtocolException.serialization("Malformed " + label + ": " + constraintProblem(e.getOriginalMessage(), label));
        } catch (MismatchedInputException e) {
            throw ProtocolException.serialization("Malformed " + label + ": unexpected content after the end of the " + label + " value"
                    + where(e.getLocation()));
        } catch (JsonEOFException e) {
            throw ProtocolException.serialization("Malformed " + label + ": the request body ends in the middle of a value"
                    + where(e.getLocation()));
        } catch (JsonProcessingException e) {
            throw ProtocolException.serialization("Malformed " + label + ": " + parseProblem(e.getOriginalMessage(), label)
                    + where(e.getLocation()));
        } catch (IOException | RuntimeException e) {
            throw ProtocolException.serialization("Malformed " + label + ": the request body could not be read as " + label);
        }
    }

    /** A parser limit, named by what the request exceeds (never by the parser's own setting names). */
    private static String constraintProblem(String message, String label) {
        String m = message == null ? "" : message.toLowerCase(java.util.Locale.ROOT);
        if (m.contains("nesting depth")) {
            return "the " + label + " value nests arrays and objects too deeply";
        }
        if (m.contains("number")) {
            return "a number has too many digits";
        }
        if (m.contains("string") || m.contains("name")) {
            return "a string or member name is too long";
        }
        return "the " + label + " value exceeds a size limit";
    }

    /** The parser's description of a syntax error, without parser internals (names in backticks, class names). */
    private static String parseProblem(String message, String label) {
        if (message == null || message.isBlank()) {
            return "the request body is not valid " + label;
        }
        String firstLine = message.lines().findFirst().orElse("").trim();
        if (firstLine.contains("`") || JAVA_NAME.matcher(firstLine).find()) {
            return "the request body is not valid " + label;
        }
        return truncate(firstLine);
    }

    private static final java.util.regex.Pattern JAVA_NAME =
            java.util.regex.Pattern.compile("\\b(?:java|javax|com|org|software|dev)\\.[a-z0-9_]+\\.");

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String truncate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
