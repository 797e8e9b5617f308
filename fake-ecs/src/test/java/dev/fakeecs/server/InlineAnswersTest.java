package dev.fakeecs.server;

import static dev.fakeecs.server.ServerTestSupport.TARGET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakeecs.internal.protocol.EcsProtocolHandler;
import dev.fakeecs.internal.protocol.ProtocolRouter;
import dev.fakeecs.internal.protocol.StubEcs;
import dev.fakeecs.internal.server.ControlApi;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * API calls are answered on the event loop unless an API latency fault makes them wait in wall time: the waiting
 * call goes to a request thread, and other clients' calls are answered meanwhile.
 */
class InlineAnswersTest {

    private FakeEcsServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void should_answer_other_calls_while_a_latency_faulted_call_waits() throws Exception {
        // given: RunTask waits 3 s of wall time; one request thread
        server = FakeEcsServer.builder().threads(1)
                .protocol(ProtocolRouter.of(EcsProtocolHandler.builder().client(new StubEcs("us-east-1")).build()))
                .controlApi(ControlApi.of(new StubBackend()))
                .wallLatency((region, op) -> op.equals("ListClusters") ? Duration.ofSeconds(3) : Duration.ZERO)
                .start();
        ServerTestSupport slow = new ServerTestSupport(server.endpoint());
        ServerTestSupport fast = new ServerTestSupport(server.endpoint());
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<String>> delayed = CompletableFuture.supplyAsync(() -> {
            try {
                return slow.ecs(TARGET + "ListClusters", "{}".getBytes(StandardCharsets.UTF_8));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(300);

        // when: other clients call while it waits
        HttpResponse<String> created = fast.ecs(TARGET + "CreateCluster",
                "{\"clusterName\":\"meanwhile\"}".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> described = fast.ecs(TARGET + "DescribeClusters",
                "{\"clusters\":[\"meanwhile\"]}".getBytes(StandardCharsets.UTF_8));

        // then: they are answered before the faulted call, which does wait its 3 s and is answered too
        assertThat(delayed).isNotDone();
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(described.body()).contains("meanwhile");
        HttpResponse<String> listed = delayed.get(20, TimeUnit.SECONDS);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void should_answer_pipelined_calls_in_order() throws Exception {
        // given
        server = FakeEcsServer.builder()
                .protocol(ProtocolRouter.of(EcsProtocolHandler.builder().client(new StubEcs("us-east-1")).build()))
                .controlApi(ControlApi.of(new StubBackend()))
                .start();
        StringBuilder pipeline = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            String body = "{\"clusterName\":\"c" + i + "\"}";
            pipeline.append("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.1\r\n")
                    .append("X-Amz-Target: ").append(TARGET).append("CreateCluster\r\nContent-Length: ")
                    .append(body.length()).append("\r\n\r\n").append(body);
        }

        // when
        String answers = pipelined(pipeline.toString(), 20);

        // then: twenty answers, in the order asked
        int last = -1;
        for (int i = 0; i < 20; i++) {
            int at = answers.indexOf("\"clusterName\":\"c" + i + "\"");
            assertThat(at).as("answer %d", i).isGreaterThan(last);
            last = at;
        }
    }

    @Test
    void should_answer_a_pipelined_head_request_between_api_calls_without_a_body() throws Exception {
        // given: API calls (answered on the event loop, pre-encoded) around a HEAD / (a request thread, Netty's encoder)
        server = FakeEcsServer.builder()
                .protocol(ProtocolRouter.of(EcsProtocolHandler.builder().client(new StubEcs("us-east-1")).build()))
                .controlApi(ControlApi.of(new StubBackend()))
                .start();
        String create = "{\"clusterName\":\"before\"}";
        String describe = "{\"clusters\":[\"before\"]}";
        String requests = "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.1\r\nX-Amz-Target: "
                + TARGET + "CreateCluster\r\nContent-Length: " + create.length() + "\r\n\r\n" + create
                + "HEAD / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                + "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.1\r\nX-Amz-Target: "
                + TARGET + "DescribeClusters\r\nContent-Length: " + describe.length() + "\r\n\r\n" + describe;

        // when
        String answers = pipelinedUntil(requests, read -> {
            String[] parts = read.split("(?=HTTP/1.1 200 OK\r\n)");
            return parts.length == 3 && complete(parts[2]);
        });

        // then: three answers in order, the HEAD one a bare head, each API answer exactly its declared length
        String[] parts = answers.split("(?=HTTP/1.1 200 OK\r\n)");
        assertThat(parts).hasSize(3);
        assertThat(parts[0]).contains("\"clusterName\":\"before\"").doesNotContain("\"clusters\"");
        assertThat(parts[1]).endsWith("\r\n\r\n").doesNotContain("{");
        assertThat(parts[2]).contains("\"clusters\":[{").endsWith("}");
        for (String api : new String[] {parts[0], parts[2]}) {
            String head = api.substring(0, api.indexOf("\r\n\r\n"));
            int declared = Integer.parseInt(head.replaceAll("(?is).*content-length: (\\d+).*", "$1"));
            assertThat(api.substring(head.length() + 4).getBytes(StandardCharsets.UTF_8)).hasSize(declared);
        }
    }

    /** Whether an answer's body has arrived in full (as long as its Content-Length). */
    private static boolean complete(String answer) {
        int end = answer.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String head = answer.substring(0, end);
        int declared = Integer.parseInt(head.replaceAll("(?is).*content-length: (\\d+).*", "$1"));
        return answer.substring(end + 4).getBytes(StandardCharsets.UTF_8).length >= declared;
    }

    /** Sends all requests at once on one socket and reads until {@code done} says all answers have arrived. */
    private String pipelinedUntil(String requests, java.util.function.Predicate<String> done) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(requests.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!done.test(read.toString(StandardCharsets.UTF_8))) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                read.write(buffer, 0, n);
            }
            return read.toString(StandardCharsets.UTF_8);
        }
    }

    /** Sends all requests at once on one socket and reads until {@code count} answers have arrived. */
    private String pipelined(String requests, int count) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(requests.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (read.toString(StandardCharsets.UTF_8).split("HTTP/1.1 200", -1).length - 1 < count
                    || !read.toString(StandardCharsets.UTF_8).endsWith("}}")) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                read.write(buffer, 0, n);
            }
            return read.toString(StandardCharsets.UTF_8);
        }
    }
}
