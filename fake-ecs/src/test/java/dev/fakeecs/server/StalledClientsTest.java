package dev.fakeecs.server;

import static dev.fakeecs.server.ServerTestSupport.TARGET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakeecs.internal.protocol.EcsProtocolHandler;
import dev.fakeecs.internal.protocol.ProtocolRouter;
import dev.fakeecs.internal.protocol.StubEcs;
import dev.fakeecs.internal.server.ControlApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Slow and broken clients never hold up others: stalled sockets of every kind stay open while a third client is
 * answered; a request that never completes is answered 408; errors the HTTP layer itself sees are JSON.
 */
class StalledClientsTest {

    private static final String DESCRIBE = "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Content-Type: application/x-amz-json-1.1\r\nX-Amz-Target: " + TARGET + "DescribeClusters\r\n"
            + "Content-Length: 2\r\n\r\n{}";

    private final List<Socket> sockets = new ArrayList<>();
    private FakeEcsServer server;

    private FakeEcsServer start(FakeEcsServer.Builder builder) {
        server = builder
                .protocol(ProtocolRouter.of(EcsProtocolHandler.builder().client(new StubEcs("us-east-1"))
                        .maxBodyBytes(64 * 1024).build()))
                .controlApi(ControlApi.of(new StubBackend()))
                .start();
        return server;
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void should_answer_a_third_client_while_stalled_sockets_stay_open() throws Exception {
        // given: two of each kind of stalled client, on a server with two request threads
        start(FakeEcsServer.builder().threads(2));
        String ecsHead = "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.1\r\n"
                + "X-Amz-Target: " + TARGET + "DescribeClusters\r\n";
        for (int i = 0; i < 2; i++) {
            stall("POST / HT");                                                        // partial request line
            stall(ecsHead);                                                            // unfinished header block
            stall(ecsHead + "Content-Length: 100\r\n\r\n{\"clusters\":");               // body shorter than declared
            stall(ecsHead + "Transfer-Encoding: chunked\r\n\r\n20\r\n{\"clusters\"");     // unfinished chunked body
            pipelineWithoutReading();                                                  // never reads the answers
        }
        Thread.sleep(500);

        // when: a third client calls ECS, the control API and the health line
        ServerTestSupport http = new ServerTestSupport(server.endpoint());
        HttpResponse<String> ecs = http.ecs(TARGET + "CreateCluster", "{\"clusterName\":\"third\"}".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> control = http.call("GET", "/_fake-ecs/clock", null);
        HttpResponse<String> health = http.call("GET", "/", null);

        // then: all answered (each call waits up to 10 s), while the stalled sockets are still open
        assertThat(ecs.statusCode()).isEqualTo(200);
        assertThat(ecs.body()).contains("third");
        assertThat(control.statusCode()).isLessThan(500);
        assertThat(control.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(sockets).allSatisfy(socket -> assertThat(socket.isClosed()).isFalse());
    }

    @Test
    void should_answer_a_request_that_never_completes_408_and_close_the_connection() throws Exception {
        // given
        start(FakeEcsServer.builder().requestTimeout(Duration.ofMillis(300)));

        // when
        String answer = rawAnswer("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n{\"a\":", false);

        // then
        assertThat(answer).startsWith("HTTP/1.1 408").contains("application/json").contains("RequestTimeoutException");
    }

    @Test
    void should_close_an_idle_connection() throws Exception {
        // given
        start(FakeEcsServer.builder().idleTimeout(Duration.ofMillis(300)));

        // when: nothing is sent
        String answer = rawAnswer("", false);

        // then: closed without an answer (read returned end of stream before the 5 s socket timeout)
        assertThat(answer).isEmpty();
    }

    @Test
    void should_answer_pipelined_requests_in_order() throws Exception {
        // given
        start(FakeEcsServer.builder());
        StringBuilder requests = new StringBuilder();
        for (String name : List.of("a", "b", "c")) {
            String body = "{\"clusterName\":\"" + name + "\"}";
            requests.append("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.1\r\n")
                    .append("X-Amz-Target: ").append(TARGET).append("CreateCluster\r\nContent-Length: ")
                    .append(body.length()).append("\r\n\r\n").append(body);
        }

        // when
        String answer = rawAnswer(requests + "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", false);

        // then
        assertThat(answer.split("HTTP/1.1 200", -1)).hasSize(5);
        assertThat(answer.indexOf("\"a\"")).isLessThan(answer.indexOf("\"b\""));
        assertThat(answer.indexOf("\"b\"")).isLessThan(answer.indexOf("\"c\""));
        assertThat(answer).contains("\"status\":\"ok\"");
    }

    @Test
    void should_answer_json_to_errors_of_the_http_layer() throws Exception {
        // given
        start(FakeEcsServer.builder());

        // then: the path //
        assertThat(rawAnswer("GET // HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", true))
                .startsWith("HTTP/1.1 404").contains("application/json").contains("\"__type\"");
        // a Content-Length that is no number
        assertThat(rawAnswer("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: abc\r\n\r\n{}", true))
                .startsWith("HTTP/1.1 400").contains("application/json").contains("\"__type\"");
        // two different Content-Lengths
        assertThat(rawAnswer("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}", true))
                .startsWith("HTTP/1.1 400").contains("application/json");
        // a malformed request line
        assertThat(rawAnswer("GARBAGE\r\n\r\n", true)).startsWith("HTTP/1.1 400").contains("application/json");
        // a request target that is no URI
        assertThat(rawAnswer("GET /a b c HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", true))
                .startsWith("HTTP/1.1 400").contains("application/json");
        // a huge declared body with a two-byte one: answered at once
        assertThat(rawAnswer(DESCRIBE.replace("Content-Length: 2", "Content-Length: 9223372036854775807"), false))
                .startsWith("HTTP/1.1 413").contains("application/x-amz-json-1.1").contains("RequestEntityTooLargeException");
        // headers too large
        assertThat(rawAnswer("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "x".repeat(100_000) + "\r\n\r\n", true))
                .startsWith("HTTP/1.1 4").contains("application/json");
    }

    /** Opens a socket, sends {@code text} and leaves it open, never reading. */
    private void stall(String text) throws IOException {
        Socket socket = new Socket("127.0.0.1", server.port());
        sockets.add(socket);
        socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    /** Pipelines many requests on a socket (from a daemon thread, as the writes block) and never reads. */
    private void pipelineWithoutReading() throws IOException {
        Socket socket = new Socket("127.0.0.1", server.port());
        sockets.add(socket);
        byte[] request = DESCRIBE.getBytes(StandardCharsets.US_ASCII);
        Thread writer = new Thread(() -> {
            try {
                OutputStream out = socket.getOutputStream();
                for (int i = 0; i < 100_000; i++) {
                    out.write(request);
                }
            } catch (IOException e) {
                // closed at the end of the test
            }
        }, "pipeliner");
        writer.setDaemon(true);
        writer.start();
    }

    /** Sends {@code text} (then half-closes if asked) and reads the answer until the server closes or 5 s pass. */
    private String rawAnswer(String text, boolean shutdownOutput) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            if (shutdownOutput) {
                socket.shutdownOutput();
            }
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    received.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException e) {
                // as far as received
            } catch (IOException e) {
                // reset after the answer
            }
            return received.toString(StandardCharsets.UTF_8);
        }
    }
}
