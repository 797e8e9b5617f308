package dev.fakeecs.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fakeecs.FakeEcs;
import dev.fakeecs.fault.FaultInjector;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Web pages cannot drive the control API: Origin, Host and Content-Type checks, and the jar's switches. */
class ControlApiProtectionTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ADVANCE = "{\"seconds\": 60}";
    private static final String LIST_CLUSTERS = "X-Amz-Target: AmazonEC2ContainerServiceV20141113.ListClusters\r\n"
            + "Content-Type: application/x-amz-json-1.1\r\n";

    private final FakeEcs ecs = FakeEcs.builder().seed(1).build();
    private final FakeEcsServer server = FakeEcsServer.start(ecs);
    private final Instant start = ecs.clock().instant();

    @AfterEach
    void close() {
        ecs.close();
    }

    private String host() {
        return "Host: 127.0.0.1:" + server.port() + "\r\n";
    }

    private static JsonNode json(RawHttp.Answer answer) throws Exception {
        assertThat(answer.contentType()).isEqualTo("application/json");
        return MAPPER.readTree(answer.body());
    }

    @Test
    void should_refuse_a_text_plain_cross_site_post_with_a_403_saying_why_and_change_nothing() throws Exception {
        // when: what a page on evil.example can send without a preflight
        RawHttp.Answer answer = RawHttp.send(server.port(), "POST", "/_fake-ecs/faults",
                host() + "Origin: https://evil.example\r\nContent-Type: text/plain;charset=UTF-8\r\n",
                "{\"type\": \"REGION_OUTAGE\"}");

        // then
        assertThat(answer.status()).isEqualTo(403);
        JsonNode body = json(answer);
        assertThat(body.get("__type").asText()).isEqualTo("AccessDeniedException");
        assertThat(body.get("message").asText()).contains("Origin 'https://evil.example'");
        assertThat(FaultInjector.of(ecs).active()).isEmpty();
    }

    @Test
    void should_refuse_a_foreign_origin_even_with_a_json_content_type() throws Exception {
        RawHttp.Answer answer = RawHttp.send(server.port(), "POST", "/_fake-ecs/clock/advance",
                host() + "Origin: http://evil.example:4599\r\nContent-Type: application/json\r\n", ADVANCE);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(json(answer).get("message").asText()).contains("cross-origin");
        assertThat(ecs.clock().instant()).isEqualTo(start);
    }

    @Test
    void should_refuse_the_null_origin_of_sandboxed_frames_and_file_pages() throws Exception {
        RawHttp.Answer answer = RawHttp.send(server.port(), "POST", "/_fake-ecs/clock/advance",
                host() + "Origin: null\r\nContent-Type: application/json\r\n", ADVANCE);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(json(answer).get("message").asText()).contains("Origin 'null'");
    }

    @Test
    void should_refuse_a_non_json_content_type_on_post_even_without_an_origin() throws Exception {
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"}) {
            RawHttp.Answer answer = RawHttp.send(server.port(), "POST", "/_fake-ecs/clock/advance",
                    host() + "Content-Type: " + type + "\r\n", ADVANCE);

            assertThat(answer.status()).as(type).isEqualTo(403);
            assertThat(json(answer).get("message").asText()).as(type).contains("Content-Type '" + type + "'");
        }
        assertThat(ecs.clock().instant()).isEqualTo(start);
    }

    @Test
    void should_refuse_a_foreign_host_header_as_a_dns_rebinding_page_sends_it() throws Exception {
        RawHttp.Answer answer = RawHttp.send(server.port(), "GET", "/_fake-ecs/journal",
                "Host: rebind.evil.example:" + server.port() + "\r\n", null);

        assertThat(answer.status()).isEqualTo(403);
        JsonNode body = json(answer);
        assertThat(body.get("__type").asText()).isEqualTo("AccessDeniedException");
        assertThat(body.get("message").asText()).contains("Host 'rebind.evil.example:" + server.port() + "'");
    }

    @Test
    void should_accept_loopback_hosts_and_origins_with_json_or_no_content_type() throws Exception {
        String[] hosts = {"localhost:" + server.port(), "127.0.0.1:" + server.port(), "127.0.0.1", "[::1]:" + server.port(),
                "LOCALHOST."};
        for (String h : hosts) {
            RawHttp.Answer answer = RawHttp.send(server.port(), "POST", "/_fake-ecs/clock/advance",
                    "Host: " + h + "\r\nOrigin: http://localhost:3000\r\nContent-Type: application/json; charset=utf-8\r\n",
                    ADVANCE);
            assertThat(answer.status()).as(h).isEqualTo(200);
        }
        RawHttp.Answer noType = RawHttp.send(server.port(), "POST", "/_fake-ecs/clock/advance",
                host() + "Origin: https://127.0.0.1\r\n", ADVANCE);
        assertThat(noType.status()).isEqualTo(200);
        assertThat(ecs.clock().instant()).isEqualTo(start.plusSeconds(60L * (hosts.length + 1)));
    }

    @Test
    void should_leave_ecs_calls_alone_whatever_their_host_origin_and_content_type() throws Exception {
        RawHttp.Answer answer = RawHttp.send(server.port(), "POST", "/",
                "Host: ecs.us-east-1.amazonaws.com\r\nOrigin: https://console.example\r\n" + LIST_CLUSTERS, "{}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("clusterArns");
    }

    @Test
    void should_answer_404_json_on_every_control_path_when_the_jar_runs_with_control_api_off() throws Exception {
        FakeEcsServerMain main = new FakeEcsServerMain(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        new CommandLine(main).parseArgs("--port", "0", "--control-api", "off");
        try (FakeEcsServerMain.Running running = main.start()) {
            int port = running.server.port();
            String h = "Host: 127.0.0.1:" + port + "\r\n";
            for (String[] call : new String[][] {{"GET", "/_fake-ecs/clock"}, {"POST", "/_fake-ecs/reset"},
                    {"POST", "/_fake-ecs/clock/advance"}, {"GET", "/_fake-ecs/journal"}, {"GET", "/_fake-ecs"},
                    {"DELETE", "/_fake-ecs/faults/f-1"}, {"GET", "/_fake-ecs/no-such-thing"}}) {
                RawHttp.Answer answer = RawHttp.send(port, call[0], call[1], h, call[0].equals("POST") ? ADVANCE : null);
                assertThat(answer.status()).as(call[1]).isEqualTo(404);
                assertThat(json(answer).get("message").asText()).as(call[1]).contains("--control-api off");
            }
            assertThat(running.world.world().clock().instant()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
            assertThat(RawHttp.send(port, "POST", "/", h + LIST_CLUSTERS, "{}").status()).isEqualTo(200);
        }
    }

    @Test
    void should_refuse_a_control_api_switch_other_than_on_or_off() {
        FakeEcsServerMain main = new FakeEcsServerMain(System.out);
        new CommandLine(main).parseArgs("--port", "0", "--control-api", "maybe");

        org.assertj.core.api.Assertions.assertThatThrownBy(main::start)
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("--control-api must be on or off");
    }

    @Test
    void should_warn_loudly_on_stderr_when_binding_a_non_loopback_address_and_not_otherwise() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        FakeEcsServerMain exposed = new FakeEcsServerMain(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        new CommandLine(exposed).parseArgs("--port", "0", "--host", "0.0.0.0");
        try (FakeEcsServerMain.Running running = exposed.start()) {
            assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("WARNING: fake-ecs listens on 0.0.0.0")
                    .contains("control API").contains("--control-api off");
            assertThat(out.toString(StandardCharsets.UTF_8)).matches("fake-ecs listening on http://\\S+\\R");
        }

        ByteArrayOutputStream quiet = new ByteArrayOutputStream();
        FakeEcsServerMain loopback = new FakeEcsServerMain(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(quiet, true, StandardCharsets.UTF_8));
        new CommandLine(loopback).parseArgs("--port", "0");
        try (FakeEcsServerMain.Running running = loopback.start()) {
            assertThat(quiet.toString(StandardCharsets.UTF_8)).doesNotContain("WARNING");
        }
    }

    @Test
    void should_answer_to_a_host_name_given_with_allowed_host_and_refuse_others() throws Exception {
        FakeEcsServerMain main = new FakeEcsServerMain(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        new CommandLine(main).parseArgs("--port", "0", "--host", "0.0.0.0", "--allowed-host", "fake-ecs,ecs.test");
        try (FakeEcsServerMain.Running running = main.start()) {
            int port = running.server.port();
            assertThat(RawHttp.send(port, "GET", "/_fake-ecs/clock", "Host: fake-ecs:" + port + "\r\n", null).status())
                    .isEqualTo(200);
            assertThat(RawHttp.send(port, "GET", "/_fake-ecs/clock", "Host: ecs.test\r\n"
                    + "Origin: http://fake-ecs:8080\r\n", null).status()).isEqualTo(200);
            assertThat(RawHttp.send(port, "GET", "/_fake-ecs/clock", "Host: other:" + port + "\r\n", null).status())
                    .isEqualTo(403);
        }
    }
}
