package dev.fakeecs.internal.server;

import dev.fakeecs.internal.protocol.ProtocolRequest;
import dev.fakeecs.internal.protocol.ProtocolResponse;
import dev.fakeecs.internal.protocol.ProtocolRouter;
import dev.fakeecs.internal.protocol.SigV4Scope;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.ReadOnlyHttpHeaders;
import io.netty.util.AsciiString;

import java.util.Map;

/**
 * Answers AWS API requests on the event loop that read them, without handing them to a request thread: a
 * {@code POST /} whose body arrived in full within the limit, when no API latency fault makes it wait in wall
 * time. Such a request only takes the engine lock for one call and never waits on the client (its answer is
 * written without blocking), so the two thread hand-offs per request of the general path are saved. Everything
 * else (the control API, latency-faulted calls, oversized bodies, health checks) goes to the request threads.
 *
 * <pre>{@code
 * FullHttpResponse answer = inline.answer(request, keepAlive);   // null: not for the event loop
 * }</pre>
 */
public final class InlineApi {

    private static final AsciiString X_AMZ_TARGET = AsciiString.cached("X-Amz-Target");

    private final ProtocolRouter protocol;
    private final WallLatency wallLatency;

    /** Answers through the router unless a latency fault makes the call wait. */
    public InlineApi(ProtocolRouter protocol, WallLatency wallLatency) {
        this.protocol = protocol;
        this.wallLatency = wallLatency;
    }

    /**
     * The answer to an API request that may be answered on the event loop, or null if the request must go to a
     * request thread.
     *
     * @param path      the request's raw path
     * @param keepAlive whether the connection stays open after the answer
     */
    FullHttpResponse answer(FullHttpRequest request, String path, boolean keepAlive) {
        if (request.method() != HttpMethod.POST || !ProtocolRouter.isApiPath(path)
                || request.content().readableBytes() > protocol.maxBodyBytes()) {
            return null;
        }
        HttpHeaders headers = request.headers();
        String target = headers.get(X_AMZ_TARGET);
        String authorization = headers.get(HttpHeaderNames.AUTHORIZATION);
        String contentType = headers.get(HttpHeaderNames.CONTENT_TYPE);
        byte[] body = ByteBufUtil.getBytes(request.content());
        if (wallLatency != WallLatency.NONE) {
            String operation = ApiOperations.name(path, target, contentType, body);
            if (operation != null && !wallLatency.latencyFor(SigV4Scope.regionOf(authorization), operation).isZero()) {
                return null;
            }
        }
        ProtocolResponse answer = protocol.handle(new ProtocolRequest(path, target, contentType, authorization, body));
        FullHttpResponse fixed = fixedHeaders(answer, request, keepAlive);
        if (fixed != null) {
            return fixed;
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(answer.statusCode()), Unpooled.wrappedBuffer(answer.body()));
        HttpHeaders out = response.headers();
        for (Map.Entry<String, String> header : answer.headers().entrySet()) {
            out.set(header.getKey(), header.getValue());
        }
        out.set(HttpHeaderNames.CONTENT_LENGTH, answer.body().length);
        if (!keepAlive) {
            out.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (!request.protocolVersion().isKeepAliveDefault()) {
            out.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        return response;
    }

    /**
     * The same response with its headers in one flat read-only list and no trailer headers (a few objects instead of
     * two hash tables per answer); the same header lines in the same order on the wire. Null when the answer's
     * headers name Content-Length or Connection, repeat a name, or its status has no body (then the general path
     * above merges and sanitises headers as before).
     */
    private static FullHttpResponse fixedHeaders(ProtocolResponse answer, FullHttpRequest request, boolean keepAlive) {
        int status = answer.statusCode();
        if (status < 200 || status == 204 || status == 304) {
            return null;
        }
        Map<String, String> headers = answer.headers();
        boolean connection = !keepAlive || !request.protocolVersion().isKeepAliveDefault();
        CharSequence[] lines = new CharSequence[2 * (headers.size() + (connection ? 2 : 1))];
        int i = 0;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            String name = header.getKey();
            if (HttpHeaderNames.CONTENT_LENGTH.contentEqualsIgnoreCase(name)
                    || HttpHeaderNames.CONNECTION.contentEqualsIgnoreCase(name)) {
                return null;
            }
            for (int j = 0; j < i; j += 2) {
                if (AsciiString.contentEqualsIgnoreCase(lines[j], name)) {
                    return null;
                }
            }
            lines[i++] = name;
            lines[i++] = header.getValue();
        }
        lines[i++] = HttpHeaderNames.CONTENT_LENGTH;
        lines[i++] = Integer.toString(answer.body().length);
        if (connection) {
            lines[i++] = HttpHeaderNames.CONNECTION;
            lines[i] = keepAlive ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE;
        }
        return new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status),
                Unpooled.wrappedBuffer(answer.body()), new ReadOnlyHttpHeaders(false, lines), EmptyHttpHeaders.INSTANCE);
    }
}
