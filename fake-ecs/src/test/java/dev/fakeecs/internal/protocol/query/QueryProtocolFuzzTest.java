package dev.fakeecs.internal.protocol.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakeecs.internal.protocol.ProtocolRequest;
import dev.fakeecs.internal.protocol.ProtocolResponse;
import dev.fakeecs.internal.protocol.ProtocolRouter;
import dev.fakeecs.internal.protocol.catalog.SimulatedServices;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * Seeded random and malformed form bodies against the Query handler (a recording double behind it): no answer is
 * a 5xx unless the double itself is told to fail, every answer is well-formed XML of the right shape, and nothing
 * escapes as an exception.
 */
class QueryProtocolFuzzTest {

    private static final long SEED = 20261203L;
    private static final int REQUESTS = 4000;
    private static final String[] ACTIONS = {"CreateTargetGroup", "RegisterTargets", "ModifyTargetGroupAttributes",
        "CreateRule", "DescribeTargetHealth", "DescribeLoadBalancers", "DeleteTargetGroup", "DescribeListeners",
        "createRule", "Nope", "", "DescribeTargetGroups"};
    private static final String[] NAMES = {"Name", "Port", "Protocol", "Targets", "Targets.member", "Targets.member.1.Id",
        "Targets.member.1.Port", "Targets.member.99999999.Id", "Targets.member.-1.Id", "Targets.member.1.Id.member.2",
        "Attributes.member.1.Key", "Attributes.member.1.Value", "Attributes.entry.1.key", "Matcher.HttpCode", "Matcher",
        "Actions.member.1.Type", "Actions.member.1.ForwardConfig.TargetGroups.member.1.Weight",
        "Actions.member.1.ForwardConfig.TargetGroupStickinessConfig.Enabled", "Actions.member.1.Order",
        "Actions.member.1.AuthenticateOidcConfig.AuthenticationRequestExtraParams.entry.1.key",
        "Actions.member.1.AuthenticateOidcConfig.AuthenticationRequestExtraParams.entry.1.value",
        "Conditions.member.1.Values.member.1", "Priority", "TargetGroupArn", "ListenerArn", "HealthCheckEnabled",
        "HealthCheckIntervalSeconds", "Tags.member.1.Key", "Names.member.1", "PageSize", ".", "..", "a..b", "%", "=",
        "Version", "Action"};
    private static final String[] VALUES = {"", "1", "0", "-1", "65536", "2147483648", "99999999999999999999", "true",
        "TRUE", "maybe", "1e400", "NaN", "HTTP", "HTTPX", "web", "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/x/y",
        "%00", "%zz", "%", "%E2%9C%93", "%C3%28", "%FF", "<x>&amp;", "\u0001", "2026-01-01T00:00:00Z", "not-a-date",
        "a+b", "%2B", "2015-12-01", "2012-06-01"};

    private final RecordingLoadBalancing engine = new RecordingLoadBalancing();
    private final ProtocolRouter router = ProtocolRouter.builder()
            .service(SimulatedServices.loadBalancing(name -> name.equals("us-east-1") ? engine : null, "us-east-1"))
            .build();

    @Test
    void should_answer_random_and_malformed_bodies_with_xml_and_never_with_5xx() throws Exception {
        Random random = new Random(SEED);
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        xml.setNamespaceAware(true);
        int successes = 0;
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            byte[] body = body(random, i);
            String auth = random.nextInt(4) == 0 ? null : QueryWireFormatTest.SIGNED;
            ProtocolResponse response = router.handle(new ProtocolRequest(null, QueryWireFormatTest.FORM, auth, body));

            String text = new String(body, StandardCharsets.ISO_8859_1);
            assertThat(response.statusCode()).as("seed %d request %d: %s", SEED, i, text).isLessThan(500);
            assertThat(response.headers()).as(text).containsEntry("Content-Type", "text/xml");
            Document document = xml.newDocumentBuilder().parse(new ByteArrayInputStream(response.body()));
            String root = document.getDocumentElement().getLocalName();
            assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo(QueryWireFormatTest.NS);
            if (response.statusCode() == 200) {
                assertThat(root).endsWith("Response").isNotEqualTo("ErrorResponse");
                successes++;
            } else {
                assertThat(root).as(text).isEqualTo("ErrorResponse");
                String code = document.getElementsByTagName("Code").item(0).getTextContent();
                assertThat(code).isNotEmpty().doesNotContain("Exception");
                assertThat(document.getElementsByTagName("Message").item(0).getTextContent())
                        .doesNotContain("java.", "dev.fakeecs.");
                codes.add(code);
            }
        }
        // the generator reaches both the engine and every kind of client error
        assertThat(successes).isGreaterThan(50);
        assertThat(codes).contains("MissingAction", "InvalidAction", "MissingParameter", "ValidationError",
                "MalformedQueryString", "UnsupportedOperation", "TargetGroupNotFound");
    }

    private static byte[] body(Random random, int i) {
        switch (i % 10) {
            case 0: { // random bytes
                byte[] bytes = new byte[random.nextInt(200)];
                random.nextBytes(bytes);
                return bytes;
            }
            case 1: { // random printable text
                StringBuilder sb = new StringBuilder();
                int n = random.nextInt(120);
                for (int k = 0; k < n; k++) {
                    sb.append((char) (32 + random.nextInt(95)));
                }
                return sb.toString().getBytes(StandardCharsets.UTF_8);
            }
            default: { // form bodies assembled from plausible and hostile pieces
                StringBuilder sb = new StringBuilder();
                if (random.nextInt(10) > 0) {
                    sb.append("Action=").append(ACTIONS[random.nextInt(ACTIONS.length)]).append('&');
                }
                if (random.nextInt(10) > 0) {
                    sb.append("Version=").append(random.nextInt(8) > 0 ? "2015-12-01" : "2010-08-01").append('&');
                }
                int n = random.nextInt(12);
                for (int k = 0; k < n; k++) {
                    sb.append(NAMES[random.nextInt(NAMES.length)]);
                    if (random.nextInt(8) > 0) {
                        sb.append('=').append(VALUES[random.nextInt(VALUES.length)]);
                    }
                    sb.append(random.nextInt(10) > 0 ? "&" : "&&");
                }
                return sb.toString().getBytes(StandardCharsets.UTF_8);
            }
        }
    }
}
