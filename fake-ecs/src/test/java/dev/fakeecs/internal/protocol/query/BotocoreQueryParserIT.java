package dev.fakeecs.internal.protocol.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fakeecs.internal.protocol.ProtocolRequest;
import dev.fakeecs.internal.protocol.ProtocolResponse;
import dev.fakeecs.internal.protocol.catalog.SimulatedServices;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The XML answers as botocore itself reads them: each answer is parsed by botocore's own {@code QueryParser}
 * against its Elastic Load Balancing v2 model (skipped where botocore is not installed).
 */
class BotocoreQueryParserIT {

    private static final String SCRIPT = String.join("\n",
            "import json, sys, botocore.session, botocore.parsers",
            "model = botocore.session.get_session().get_service_model('elbv2')",
            "out = {}",
            "for arg in sys.argv[1:]:",
            "    op, status, path = arg.split(',', 2)",
            "    body = open(path, 'rb').read()",
            "    parsed = botocore.parsers.QueryParser().parse({'body': body, 'headers': {}, 'status_code': int(status)},",
            "        model.operation_model(op).output_shape)",
            "    parsed.pop('ResponseMetadata', None)",
            "    out[op + '/' + status] = parsed",
            "print(json.dumps(out, default=str))");

    @TempDir
    Path dir;

    @Test
    void should_be_read_by_botocores_query_parser() throws Exception {
        String python = System.getenv().getOrDefault("PYTHON", "python3");
        assumeTrue(runs(python, "-c", "import botocore"), "botocore is not installed");
        RecordingLoadBalancing engine = new RecordingLoadBalancing();
        QueryProtocolHandler handler = SimulatedServices.loadBalancing(name -> engine, "us-east-1");
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("DescribeLoadBalancers", "");
        bodies.put("DescribeTargetHealth", "TargetGroupArn=" + RecordingLoadBalancing.TG_ARN);
        bodies.put("CreateTargetGroup", "Name=web&Port=80&Matcher.HttpCode=200-299");
        bodies.put("DescribeTargetGroups", "Names.member.1=none");
        bodies.put("DeleteTargetGroup", "TargetGroupArn=x");
        bodies.put("CreateRule", "ListenerArn=arn%3Alistener%2Fx&Priority=3&Conditions.member.1.Field=path-pattern"
                + "&Conditions.member.1.Values.member.1=%2Fa&Actions.member.1.Type=forward&Actions.member.1.Order=2"
                + "&Actions.member.1.ForwardConfig.TargetGroups.member.1.TargetGroupArn=t&Actions.member.1.ForwardConfig.TargetGroups.member.1.Weight=5"
                + "&Actions.member.2.Type=authenticate-oidc&Actions.member.2.Order=1&Actions.member.2.AuthenticateOidcConfig.Issuer=i"
                + "&Actions.member.2.AuthenticateOidcConfig.AuthorizationEndpoint=a&Actions.member.2.AuthenticateOidcConfig.TokenEndpoint=t"
                + "&Actions.member.2.AuthenticateOidcConfig.UserInfoEndpoint=u&Actions.member.2.AuthenticateOidcConfig.ClientId=c"
                + "&Actions.member.2.AuthenticateOidcConfig.AuthenticationRequestExtraParams.entry.1.key=prompt"
                + "&Actions.member.2.AuthenticateOidcConfig.AuthenticationRequestExtraParams.entry.1.value=login");
        bodies.put("ModifyTargetGroupAttributes", "TargetGroupArn=arn%3Anope"); // answered TargetGroupNotFound below
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(python, "-c", SCRIPT));
        for (Map.Entry<String, String> e : bodies.entrySet()) {
            String action = e.getKey().equals("ModifyTargetGroupAttributes") ? "DescribeTargetHealth" : e.getKey();
            ProtocolResponse response = handler.handle(new ProtocolRequest(null, "application/x-www-form-urlencoded", null,
                    ("Action=" + action + "&Version=2015-12-01&" + e.getValue()).getBytes(StandardCharsets.UTF_8)));
            Path file = dir.resolve(e.getKey() + ".xml");
            Files.write(file, response.body());
            command.add(e.getKey() + "," + response.statusCode() + "," + file);
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        JsonNode parsed = new ObjectMapper().readTree(output);

        JsonNode lb = parsed.at("/DescribeLoadBalancers~1200/LoadBalancers/0");
        assertThat(lb.get("LoadBalancerName").asText()).isEqualTo("edge & <co>");
        assertThat(lb.get("CreatedTime").asText()).isEqualTo("2026-01-01 00:00:05.250000+00:00");
        assertThat(lb.at("/AvailabilityZones/0/ZoneName").asText()).isEqualTo("us-east-1a");
        assertThat(parsed.at("/DescribeTargetHealth~1200/TargetHealthDescriptions/1/TargetHealth/Reason").asText())
                .isEqualTo("Target.ResponseCodeMismatch");
        assertThat(parsed.at("/DescribeTargetHealth~1200/TargetHealthDescriptions/0/Target/Port").asInt()).isEqualTo(8080);
        JsonNode tg = parsed.at("/CreateTargetGroup~1200/TargetGroups/0");
        assertThat(tg.get("HealthCheckEnabled").isBoolean()).isTrue();
        assertThat(tg.at("/Matcher/HttpCode").asText()).isEqualTo("200-299");
        assertThat(tg.get("LoadBalancerArns").isArray()).isTrue();
        assertThat(parsed.at("/DescribeTargetGroups~1200/TargetGroups").isArray()).isTrue();
        assertThat(parsed.at("/DescribeTargetGroups~1200/TargetGroups").size()).isZero();
        assertThat(parsed.has("DeleteTargetGroup/200")).isTrue();
        JsonNode rule = parsed.at("/CreateRule~1200/Rules/0");
        assertThat(rule.at("/Actions/0/ForwardConfig/TargetGroups/0/Weight").asInt()).isEqualTo(5);
        assertThat(rule.at("/Actions/1/AuthenticateOidcConfig/AuthenticationRequestExtraParams/prompt").asText()).isEqualTo("login");
        assertThat(rule.at("/Conditions/0/Values/0").asText()).isEqualTo("/a");
        assertThat(parsed.at("/ModifyTargetGroupAttributes~1400/Error/Code").asText()).isEqualTo("TargetGroupNotFound");
        assertThat(parsed.at("/ModifyTargetGroupAttributes~1400/Error/Message").asText()).isEqualTo("One or more target groups not found");
        assertThat(parsed.at("/ModifyTargetGroupAttributes~1400/Error/Type").asText()).isEqualTo("Sender");
    }

    private static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
