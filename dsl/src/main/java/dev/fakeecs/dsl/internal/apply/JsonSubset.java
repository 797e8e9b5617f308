package dev.fakeecs.dsl.internal.apply;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;

/**
 * Whether everything a declaration says is also true of what the engine holds: objects compare
 * member by member for the members the declaration has (the engine may add defaults), arrays
 * element by element with equal lengths, numbers by value.
 *
 * <pre>{@code
 * JsonSubset.covers(declared, described);   // true when no new revision is needed
 * }</pre>
 */
final class JsonSubset {

    private JsonSubset() {
    }

    static boolean covers(JsonNode declared, JsonNode actual) {
        if (declared == null || declared.isNull()) {
            return true;
        }
        if (actual == null || actual.isNull() || actual.isMissingNode()) {
            return false;
        }
        if (declared.isObject()) {
            if (!actual.isObject()) {
                return false;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = declared.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                if (!covers(e.getValue(), actual.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (declared.isArray()) {
            if (!actual.isArray() || actual.size() != declared.size()) {
                return false;
            }
            for (int i = 0; i < declared.size(); i++) {
                if (!covers(declared.get(i), actual.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (declared.isNumber() && actual.isNumber()) {
            return declared.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        return declared.asText().equals(actual.asText());
    }
}
