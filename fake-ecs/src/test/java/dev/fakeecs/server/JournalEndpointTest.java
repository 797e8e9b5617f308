package dev.fakeecs.server;

import static dev.fakeecs.server.ServerTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fakeecs.FakeEcs;
import dev.fakeecs.internal.server.ControlApi;
import dev.fakeecs.internal.server.ControlResponse;
import dev.fakeecs.internal.server.InJvmControlBackend;
import dev.fakeecs.journal.JournalEventType;
import dev.fakeecs.journal.JournalRetention;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /_fake-ecs/journal?since=SEQ&limit=N} over HTTP against an in-JVM server, and its streaming. */
class JournalEndpointTest {

    private final FakeEcs ecs = FakeEcs.builder().seed(3).journalRetention(JournalRetention.lastEntries(50_000)).build();
    private final FakeEcsServer server = FakeEcsServer.start(ecs);
    private final ServerTestSupport http = new ServerTestSupport(server.endpoint());

    @AfterEach
    void stop() {
        server.close();
        ecs.close();
    }

    private void record(int entries) {
        for (int i = 0; i < entries; i++) {
            ecs.journal().record("us-east-1", JournalEventType.API, "subject-" + i, "index", Integer.toString(i));
        }
    }

    private static List<Long> sequences(HttpResponse<String> response) {
        return response.body().lines().map(line -> {
            try {
                return ServerTestSupport.MAPPER.readTree(line).get("seq").asLong();
            } catch (IOException e) {
                throw new AssertionError(line, e);
            }
        }).toList();
    }

    @Test
    void should_serve_the_whole_journal_without_parameters() throws Exception {
        record(10);

        HttpResponse<String> response = http.call("GET", "/_fake-ecs/journal", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
        assertThat(response.body()).isEqualTo(ecs.journal().toJsonLines());
        assertThat(response.headers().firstValue("X-Fake-Ecs-Journal-First-Seq")).hasValue("0");
        assertThat(response.headers().firstValue("X-Fake-Ecs-Journal-Next-Seq")).hasValue("10");
    }

    @Test
    void should_page_through_the_journal_with_since_and_limit() throws Exception {
        record(25);

        assertThat(sequences(http.call("GET", "/_fake-ecs/journal?since=5&limit=3", null))).containsExactly(5L, 6L, 7L);
        assertThat(sequences(http.call("GET", "/_fake-ecs/journal?limit=2", null))).containsExactly(0L, 1L);
        assertThat(sequences(http.call("GET", "/_fake-ecs/journal?since=23", null))).containsExactly(23L, 24L);
        assertThat(http.call("GET", "/_fake-ecs/journal?since=25", null).body()).isEmpty();
        assertThat(http.call("GET", "/_fake-ecs/journal?since=999999&limit=10", null).body()).isEmpty();
        assertThat(http.call("GET", "/_fake-ecs/journal?since=0&limit=0", null).body()).isEmpty();
        assertThat(sequences(http.call("GET", "/_fake-ecs/journal/?limit=1&since=2%34&", null))).containsExactly(24L);

        // a reader that pages with Next-Seq sees every entry exactly once
        long since = 0;
        int seen = 0;
        for (int page = 0; page < 10 && since < 25; page++) {
            HttpResponse<String> r = http.call("GET", "/_fake-ecs/journal?since=" + since + "&limit=10", null);
            List<Long> seqs = sequences(r);
            seen += seqs.size();
            since = seqs.get(seqs.size() - 1) + 1;
        }
        assertThat(seen).isEqualTo(25);
    }

    @Test
    void should_show_what_the_retention_trimmed() throws Exception {
        record(50_010);

        HttpResponse<String> response = http.call("GET", "/_fake-ecs/journal?since=0&limit=2", null);

        assertThat(response.headers().firstValue("X-Fake-Ecs-Journal-First-Seq")).hasValue("10");
        assertThat(response.headers().firstValue("X-Fake-Ecs-Journal-Next-Seq")).hasValue("50010");
        assertThat(sequences(response)).containsExactly(10L, 11L);
    }

    @Test
    void should_refuse_bad_parameters_with_a_json_400() throws Exception {
        for (String query : List.of("since=-1", "since=abc", "limit=1.5", "limit=", "since", "since=%25",
                "since=1&since=2", "from=3", "limit=99999999999999999999", "since=+4", "since=%20%201")) {
            HttpResponse<String> response = http.call("GET", "/_fake-ecs/journal?" + query, null);

            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(query).hasValue("application/json");
            JsonNode body = json(response);
            assertThat(body.get("__type").asText()).as(query).isEqualTo("InvalidParameterException");
            assertThat(body.get("message").asText()).as(query).containsAnyOf("since", "limit");
        }
        assertThat(http.call("POST", "/_fake-ecs/journal", null).statusCode()).isEqualTo(405);
    }

    @Test
    void should_stream_a_long_journal_in_chunks() throws Exception {
        record(50_000);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.endpoint() + "/_fake-ecs/journal"))
                .timeout(Duration.ofSeconds(30)).build();

        HttpResponse<Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());

        // no Content-Length: the server writes the body as it serialises it
        assertThat(response.headers().firstValue("Content-Length")).isEmpty();
        try (Stream<String> lines = response.body()) {
            assertThat(lines.count()).isEqualTo(50_000);
        }
    }

    @Test
    void should_never_hand_the_stream_more_than_a_small_buffer_at_once() throws IOException {
        record(50_000);
        ControlResponse response = ControlApi.of(new InJvmControlBackend(ecs)).handle("GET", "/journal", "since=0", null);
        long[] writes = new long[2]; // total bytes, largest single write
        OutputStream counting = new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                writes[0] += len;
                writes[1] = Math.max(writes[1], len);
            }
        };

        assertThat(response.streamed()).isTrue();
        assertThat(response.body()).isEmpty();
        response.writeBody(counting);

        assertThat(writes[0]).isGreaterThan(5_000_000L);
        assertThat(writes[1]).isLessThanOrEqualTo(64 * 1024);
    }

    @Test
    void should_stop_the_body_at_the_next_seq_it_announced() {
        record(10);
        ControlResponse response = ControlApi.of(new InJvmControlBackend(ecs)).handle("GET", "/journal", "since=4", null);
        record(5); // recorded while the answer is on its way

        assertThat(response.headers()).containsEntry("X-Fake-Ecs-Journal-Next-Seq", "10");
        assertThat(response.bodyAsString().lines()).hasSize(6).last().asString().startsWith("{\"seq\":9,");
    }
}
