package dev.fakeecs.internal.containerinstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fakeecs.internal.error.EcsErrors;

/**
 * The fields of an EC2 instance identity document the fake reads at RegisterContainerInstance
 * ({@code instanceId}, {@code instanceType}, {@code availabilityZone}); absent fields are null.
 *
 * <pre>{@code
 * InstanceIdentityDocument doc = InstanceIdentityDocument.parse(
 *         "{\"instanceId\":\"i-0abc\",\"instanceType\":\"m5.large\",\"availabilityZone\":\"us-east-1a\"}");
 * doc.instanceType();   // "m5.large"
 * }</pre>
 */
public record InstanceIdentityDocument(String instanceId, String instanceType, String availabilityZone) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Parses the document; null or blank gives a document with every field null. */
    public static InstanceIdentityDocument parse(String json) {
        if (json == null || json.isBlank()) {
            return new InstanceIdentityDocument(null, null, null);
        }
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            return new InstanceIdentityDocument(text(node, "instanceId"), text(node, "instanceType"),
                    text(node, "availabilityZone"));
        } catch (Exception e) {
            throw EcsErrors.invalidParameter("instanceIdentityDocument is not a valid instance identity document.");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
