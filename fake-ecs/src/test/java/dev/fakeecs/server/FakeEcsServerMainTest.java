package dev.fakeecs.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fakeecs.internal.client.EcsClients;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;

class FakeEcsServerMainTest {

    @Test
    void should_print_exactly_one_listening_line_and_serve_the_sdk() throws Exception {
        // given
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FakeEcsServerMain main = new FakeEcsServerMain(new PrintStream(out, true, StandardCharsets.UTF_8));
        new CommandLine(main).parseArgs("--port", "0", "--seed", "7", "--account", "111122223333",
                "--region", "eu-west-1,us-east-1", "--clock", "manual");

        // when
        try (FakeEcsServerMain.Running running = main.start()) {
            // then
            String printed = out.toString(StandardCharsets.UTF_8);
            assertThat(printed).matches("fake-ecs listening on http://127\\.0\\.0\\.1:\\d+\\R");
            assertThat(printed.trim()).endsWith(":" + running.server.port());
            try (EcsClient ecs = EcsClient.builder()
                    .httpClient(UrlConnectionHttpClient.create())
                    .endpointOverride(running.server.endpoint())
                    .region(Region.EU_WEST_1)
                    .credentialsProvider(EcsClients.fakeCredentials())
                    .build()) {
                String arn = ecs.createCluster(r -> r.clusterName("prod")).cluster().clusterArn();
                assertThat(arn).isEqualTo("arn:aws:ecs:eu-west-1:111122223333:cluster/prod");
            }
            ServerTestSupport http = new ServerTestSupport(running.server.endpoint());
            HttpResponse<String> clock = http.call("POST", "/_fake-ecs/clock/advance", "{\"seconds\":60}");
            assertThat(new ObjectMapper().readTree(clock.body()).get("now").asText()).isEqualTo("2026-01-01T00:01:00Z");
            assertThat(http.call("POST", "/_fake-ecs/reset", null).statusCode()).isEqualTo(200);
            assertThat(http.call("GET", "/_fake-ecs/clock", null).body()).contains("2026-01-01T00:00:00Z");
        }
    }

    @Test
    void should_refuse_an_unknown_clock_mode_with_usage_help() {
        // given
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new FakeEcsServerMain(System.out).doNotBlock());
        command.setErr(new PrintWriter(err));

        // when
        int exit = command.execute("--port", "0", "--clock", "sideways");

        // then
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--clock must be manual");
    }

    @Test
    void should_run_the_clock_with_the_wall_clock_by_default_and_say_so_on_stderr_only() {
        // given
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        FakeEcsServerMain main = new FakeEcsServerMain(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        new CommandLine(main).parseArgs("--port", "0");

        // when
        try (FakeEcsServerMain.Running running = main.start()) {
            // then
            assertThat(out.toString(StandardCharsets.UTF_8)).matches("fake-ecs listening on http://127\\.0\\.0\\.1:\\d+\\R");
            assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("fake-ecs clock realtime:60.0:")
                    .contains("--clock manual");
        }
    }

    @Test
    void should_bound_the_journal_by_default_and_take_a_retention_option() {
        FakeEcsServerMain byDefault = new FakeEcsServerMain(new PrintStream(new ByteArrayOutputStream()));
        new CommandLine(byDefault).parseArgs("--port", "0");
        try (FakeEcsServerMain.Running running = byDefault.start()) {
            assertThat(running.world.world().journal().retention())
                    .isEqualTo(dev.fakeecs.journal.JournalRetention.lastEntries(100_000));
        }
        FakeEcsServerMain keepAll = new FakeEcsServerMain(new PrintStream(new ByteArrayOutputStream()));
        new CommandLine(keepAll).parseArgs("--port", "0", "--journal-retention", "all");
        try (FakeEcsServerMain.Running running = keepAll.start()) {
            assertThat(running.world.world().journal().retention().keepsAll()).isTrue();
            running.world.reset();
            assertThat(running.world.world().journal().retention().keepsAll()).isTrue();
        }
    }

    @Test
    void should_refuse_a_bad_journal_retention_with_usage_help() {
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new FakeEcsServerMain(System.out).doNotBlock());
        command.setErr(new PrintWriter(err));

        int exit = command.execute("--port", "0", "--journal-retention", "last:0");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--journal-retention must be all, last:N");
    }

    @Test
    void should_refuse_timeouts_out_of_range_with_usage_help() {
        for (String[] args : new String[][] {{"--request-timeout", "0"}, {"--idle-timeout", "3601"}}) {
            StringWriter err = new StringWriter();
            CommandLine command = new CommandLine(new FakeEcsServerMain(System.out).doNotBlock());
            command.setErr(new PrintWriter(err));

            int exit = command.execute("--port", "0", args[0], args[1]);

            assertThat(exit).as(args[0]).isEqualTo(2);
            assertThat(err.toString()).contains(args[0] + " must be 1-3600 seconds, not " + args[1]);
        }
    }

    @Test
    void should_answer_a_request_that_does_not_arrive_within_the_request_timeout_option_408() throws Exception {
        // given: a one-second request timeout (the default is 20 s)
        FakeEcsServerMain main = new FakeEcsServerMain(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        new CommandLine(main).parseArgs("--port", "0", "--clock", "manual", "--request-timeout", "1");
        try (FakeEcsServerMain.Running running = main.start();
             java.net.Socket socket = new java.net.Socket("127.0.0.1", running.server.port())) {
            socket.setSoTimeout(10_000);

            // when: half a request line, then nothing
            socket.getOutputStream().write("POST / HT".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            // then: answered 408 within the 10 s read timeout, long before the default 20 s
            assertThat(answer).startsWith("HTTP/1.1 408").contains("within 1.0 s");
        }
    }
}
