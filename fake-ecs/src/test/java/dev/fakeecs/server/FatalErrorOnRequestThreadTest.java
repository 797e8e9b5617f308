package dev.fakeecs.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import dev.fakeecs.internal.protocol.EcsProtocolHandler;
import dev.fakeecs.internal.protocol.ProtocolRouter;
import dev.fakeecs.internal.protocol.StubEcs;
import dev.fakeecs.internal.server.ControlGuard;
import dev.fakeecs.internal.server.ServerExchangeHandler;
import dev.fakeecs.internal.server.WallLatency;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A request thread that meets an OutOfMemoryError hands it to its uncaught-exception handler at once. */
class FatalErrorOnRequestThreadTest {

    @Test
    void should_hand_an_out_of_memory_error_to_the_threads_handler() throws Exception {
        ServerExchangeHandler handler = new ServerExchangeHandler(
                ProtocolRouter.of(EcsProtocolHandler.builder().client(new StubEcs("us-east-1")).build()),
                (method, path, body) -> {
                    throw new OutOfMemoryError("simulated");
                }, WallLatency.NONE, ControlGuard.forBind("127.0.0.1", List.of()));
        List<Throwable> reported = Collections.synchronizedList(new ArrayList<>());
        Thread thread = new Thread(() -> {
            try {
                handler.handle(new GetExchange("/_fake-ecs/clock"));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, "request");
        thread.setUncaughtExceptionHandler((t, e) -> reported.add(e));

        thread.start();
        thread.join(10_000);

        // reported once by the request handler itself, once more as the thread dies of it
        assertThat(reported).isNotEmpty().allSatisfy(e -> assertThat(e).isInstanceOf(OutOfMemoryError.class));
        assertThat(reported).hasSize(2);
    }

    /** The least of an exchange: a GET without a body. */
    private static final class GetExchange extends HttpExchange {
        private final URI uri;
        private final Headers requestHeaders = new Headers();
        private final Headers responseHeaders = new Headers();
        private final ByteArrayOutputStream response = new ByteArrayOutputStream();

        GetExchange(String path) {
            this.uri = URI.create(path);
        }

        @Override public Headers getRequestHeaders() { return requestHeaders; }
        @Override public Headers getResponseHeaders() { return responseHeaders; }
        @Override public URI getRequestURI() { return uri; }
        @Override public String getRequestMethod() { return "GET"; }
        @Override public HttpContext getHttpContext() { return null; }
        @Override public void close() { }
        @Override public InputStream getRequestBody() { return new ByteArrayInputStream(new byte[0]); }
        @Override public OutputStream getResponseBody() { return response; }
        @Override public void sendResponseHeaders(int rCode, long responseLength) { }
        @Override public InetSocketAddress getRemoteAddress() { return null; }
        @Override public int getResponseCode() { return -1; }
        @Override public InetSocketAddress getLocalAddress() { return null; }
        @Override public String getProtocol() { return "HTTP/1.1"; }
        @Override public Object getAttribute(String name) { return null; }
        @Override public void setAttribute(String name, Object value) { }
        @Override public void setStreams(InputStream i, OutputStream o) { }
        @Override public HttpPrincipal getPrincipal() { return null; }
    }
}
