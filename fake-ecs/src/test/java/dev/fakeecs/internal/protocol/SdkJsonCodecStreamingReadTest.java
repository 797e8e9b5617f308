package dev.fakeecs.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.DescribeClustersRequest;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;

/**
 * {@link SdkJsonCodec#read} gives exactly what the tree decoder gives, or null (the tree decides) for any body it
 * leaves to the tree.
 */
class SdkJsonCodecStreamingReadTest {

    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private final SdkJsonCodec codec = SdkJsonCodec.instance();

    /** The streaming result if any, checked against the tree's; returns whether the streaming reader took it. */
    private <T extends SdkPojo> boolean sameAsTree(String body, Class<T> type) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        T streamed = codec.read(bytes, type);
        if (streamed == null) {
            return false;
        }
        T tree = codec.decode(RequestBodies.parse(bytes, MAPPER, "JSON"), type);
        assertThat(streamed).as(body).isEqualTo(tree);
        return true;
    }

    @Test
    void should_read_plain_bodies_as_the_tree_decoder_does() {
        assertThat(sameAsTree("{\"clusters\":[\"bench\",null,\"b\u00e9\"],\"include\":[\"TAGS\"]}", DescribeClustersRequest.class)).isTrue();
        assertThat(sameAsTree(" {\"clusters\":[]} \n", DescribeClustersRequest.class)).isTrue();
        assertThat(sameAsTree("{\"unknown\":{\"deep\":[1,2.5,{\"x\":null}]},\"clusters\":null}", DescribeClustersRequest.class)).isTrue();
        assertThat(sameAsTree("{\"family\":\"web\",\"containerDefinitions\":[{\"name\":\"app\",\"image\":\"nginx\","
                + "\"essential\":true,\"memory\":512,\"portMappings\":[{\"containerPort\":80}],"
                + "\"dockerLabels\":{\"b\":\"2\",\"a\":\"1\",\"n\":null},\"environment\":[{\"name\":\"K\",\"value\":\"V\"}]}],"
                + "\"tags\":[{\"key\":\"team\",\"value\":\"a\"}]}", RegisterTaskDefinitionRequest.class)).isTrue();
        assertThat(sameAsTree("{\"cluster\":\"c\",\"taskDefinition\":\"web:1\",\"count\":3,\"enableECSManagedTags\":false,"
                + "\"overrides\":{\"containerOverrides\":[{\"name\":\"app\",\"command\":[\"a\",\"b\"]}]}}", RunTaskRequest.class)).isTrue();
    }

    @Test
    void should_leave_to_the_tree_what_it_does_not_read_plainly() {
        String[] bodies = {
            "{\"clusters\":[\"a\"],\"clusters\":[\"b\"]}",      // duplicate member: the tree keeps the last
            "{\"clusters\":[\"a\"]} x", "{\"clusters\":[\"a\"]}{}", "{\"clusters\":[", "[]", "null", "\"x\"",
            "{\"clusters\":5}", "{\"clusters\":[5]}", "{\"clusters\":{}}",
        };
        for (String body : bodies) {
            assertThat(codec.read(body.getBytes(StandardCharsets.UTF_8), DescribeClustersRequest.class)).as(body).isNull();
        }
        String[] runTasks = {
            "{\"count\":3}",                                        // taskDefinition is required
            "{\"taskDefinition\":null}", "{\"taskDefinition\":\"t\",\"count\":3.0}", "{\"taskDefinition\":\"t\",\"count\":1e2}",
            "{\"taskDefinition\":\"t\",\"count\":99999999999}", "{\"taskDefinition\":\"t\",\"startedBy\":7}",
            "{\"taskDefinition\":\"t\",\"enableECSManagedTags\":\"true\"}",
        };
        for (String body : runTasks) {
            assertThat(codec.read(body.getBytes(StandardCharsets.UTF_8), RunTaskRequest.class)).as(body).isNull();
        }
    }

    @Property(tries = 300)
    void should_agree_with_the_tree_on_generated_bodies(@ForAll("bodies") String body) {
        sameAsTree(body, CreateServiceRequest.class);
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(6).map(s -> MAPPER.getFactory().getCodec() == null ? s : quote(s)),
                Arbitraries.integers().map(String::valueOf), Arbitraries.longs().map(String::valueOf),
                Arbitraries.of("true", "false", "null", "1.5", "[]", "{}", "[\"a\",null]", "{\"k\":\"v\"}",
                        "[{\"capacityProvider\":\"FARGATE\",\"weight\":1}]", "{\"awsvpcConfiguration\":{\"subnets\":[\"s\"]}}"));
        Arbitrary<String> name = Arbitraries.of("serviceName", "cluster", "desiredCount", "taskDefinition",
                "capacityProviderStrategy", "networkConfiguration", "enableExecuteCommand", "tags", "unknown", "propagateTags");
        return Arbitraries.entries(name, value).list().ofMaxSize(6).map(entries -> {
            StringBuilder out = new StringBuilder("{");
            entries.forEach(e -> out.append(out.length() > 1 ? "," : "").append('"').append(e.getKey()).append("\":").append(e.getValue()));
            return out.append('}').toString();
        });
    }

    private static String quote(String s) {
        try {
            return MAPPER.writeValueAsString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
