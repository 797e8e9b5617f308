package dev.fakeecs.internal.server;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;

/**
 * One aggregated Netty request seen as an {@link HttpExchange}, so that {@link ServerExchangeHandler} routes it
 * unchanged. Runs on a request thread, never on the event loop: a fixed-length answer is written whole when the
 * exchange closes; a chunked one (length 0) is written a chunk at a time, waiting while the client does not read
 * (at most the write timeout, then the connection is closed).
 */
final class NettyExchange extends HttpExchange {

    private static final int CHUNK = 16 * 1024;

    private final Channel channel;
    private final FullHttpRequest request;
    private final URI uri;
    private final boolean keepAlive;
    private final long writeTimeoutMillis;
    private final Headers requestHeaders = new Headers();
    private final Headers responseHeaders = new Headers();
    private final ByteBufInputStream body;
    private int status = -1;
    private OutputStream responseBody;
    private boolean chunked;
    private boolean closed;
    private ChannelFuture lastWrite;
    private boolean closeAfter;

    NettyExchange(Channel channel, FullHttpRequest request, URI uri, boolean closeAfter, long writeTimeoutMillis) {
        this.channel = channel;
        this.request = request;
        this.uri = uri;
        this.keepAlive = HttpUtil.isKeepAlive(request) && !closeAfter;
        this.writeTimeoutMillis = writeTimeoutMillis;
        for (Map.Entry<String, String> header : request.headers()) {
            requestHeaders.add(header.getKey(), header.getValue());
        }
        this.body = new ByteBufInputStream(request.content().retainedDuplicate(), true);
    }

    /** The future of the last write (the whole answer once the exchange is closed), or null if nothing was sent. */
    ChannelFuture lastWrite() {
        return lastWrite;
    }

    @Override public Headers getRequestHeaders() { return requestHeaders; }
    @Override public Headers getResponseHeaders() { return responseHeaders; }
    @Override public URI getRequestURI() { return uri; }
    @Override public String getRequestMethod() { return request.method().name(); }
    @Override public HttpContext getHttpContext() { return null; }
    @Override public InputStream getRequestBody() { return body; }
    @Override public int getResponseCode() { return status; }
    @Override public InetSocketAddress getRemoteAddress() { return (InetSocketAddress) channel.remoteAddress(); }
    @Override public InetSocketAddress getLocalAddress() { return (InetSocketAddress) channel.localAddress(); }
    @Override public String getProtocol() { return request.protocolVersion().text(); }
    @Override public Object getAttribute(String name) { return null; }
    @Override public void setAttribute(String name, Object value) { }
    @Override public void setStreams(InputStream i, OutputStream o) { }
    @Override public HttpPrincipal getPrincipal() { return null; }

    @Override
    public OutputStream getResponseBody() {
        if (responseBody == null) {
            responseBody = new ByteArrayOutputStream(0); // nothing may be written without a body
        }
        return responseBody;
    }

    @Override
    public void sendResponseHeaders(int rCode, long responseLength) throws IOException {
        if (status != -1) {
            throw new IOException("headers already sent");
        }
        status = rCode;
        if (responseLength > 0) {
            responseBody = new FixedBody(responseLength);
        } else if (responseLength == 0) {
            chunked = true;
            HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(rCode));
            copyHeaders(head.headers());
            head.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
            head.headers().remove(HttpHeaderNames.CONTENT_LENGTH);
            write(head);
            responseBody = new ChunkedBody();
        } else {
            DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(rCode), Unpooled.EMPTY_BUFFER);
            copyHeaders(response.headers());
            response.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0);
            lastWrite = write(response);
            responseBody = new ByteArrayOutputStream(0);
        }
    }

    private void copyHeaders(HttpHeaders out) {
        responseHeaders.forEach((name, values) -> {
            for (String value : values) {
                out.add(name, value);
            }
        });
        if (!keepAlive) {
            out.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (!request.protocolVersion().isKeepAliveDefault()) {
            out.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
    }

    private ChannelFuture write(Object message) {
        return channel.writeAndFlush(message);
    }

    /** Waits (on this request thread) while the client reads too slowly; gives up after the write timeout. */
    private void awaitWritable(ChannelFuture future) throws IOException {
        if (channel.isWritable()) {
            return;
        }
        if (!future.awaitUninterruptibly(writeTimeoutMillis) || !future.isSuccess()) {
            channel.close();
            throw new IOException("the client stopped reading");
        }
    }

    /** Ends the answer: writes what is left, then closes the connection unless it is kept alive. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            body.close();
        } catch (IOException e) {
            // nothing to release twice
        }
        try {
            if (status == -1) {
                sendResponseHeaders(500, -1);
            }
            if (responseBody instanceof FixedBody fixed) {
                fixed.finish();
            } else if (responseBody instanceof ChunkedBody chunkedBody) {
                chunkedBody.finish();
            }
        } catch (IOException e) {
            channel.close();
        }
        if (lastWrite != null && !keepAlive) {
            lastWrite.addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** A body of a declared length, sent with the head as one response. */
    private final class FixedBody extends ByteArrayOutputStream {
        private final long length;
        private boolean done;

        FixedBody(long length) {
            super((int) Math.min(length, 1 << 20));
            this.length = length;
        }

        @Override
        public void close() throws IOException {
            finish();
        }

        void finish() throws IOException {
            if (done) {
                return;
            }
            done = true;
            if (size() != length) {
                channel.close();
                throw new IOException("response body of " + size() + " bytes, " + length + " declared");
            }
            DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(status), Unpooled.wrappedBuffer(buf, 0, count));
            copyHeaders(response.headers());
            response.headers().set(HttpHeaderNames.CONTENT_LENGTH, length);
            lastWrite = NettyExchange.this.write(response);
        }
    }

    /** A chunked body: written a piece at a time, never held whole. */
    private final class ChunkedBody extends OutputStream {
        private byte[] buffer = new byte[CHUNK];
        private int count;
        private boolean done;

        @Override
        public void write(int b) throws IOException {
            if (count == buffer.length) {
                flush();
            }
            buffer[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (count == buffer.length) {
                    flush();
                }
                int n = Math.min(len, buffer.length - count);
                System.arraycopy(b, off, buffer, count, n);
                count += n;
                off += n;
                len -= n;
            }
        }

        @Override
        public void flush() throws IOException {
            if (done) {
                throw new IOException("the response is complete");
            }
            if (count == 0) {
                return;
            }
            if (!channel.isActive()) {
                throw new IOException("the client closed the connection");
            }
            ChannelFuture future = NettyExchange.this.write(new DefaultHttpContent(Unpooled.wrappedBuffer(buffer, 0, count)));
            buffer = new byte[CHUNK];
            count = 0;
            awaitWritable(future);
        }

        @Override
        public void close() throws IOException {
            finish();
        }

        void finish() throws IOException {
            if (done) {
                return;
            }
            flush();
            done = true;
            lastWrite = NettyExchange.this.write(LastHttpContent.EMPTY_LAST_CONTENT);
        }
    }
}
