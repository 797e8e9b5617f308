package dev.fakeecs.internal.server;

import com.sun.net.httpserver.HttpHandler;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP/1.1 server under {@code FakeEcsServer}: Netty reads and writes on a few event-loop threads and never
 * blocks; every request runs on a bounded pool of request threads ({@code --threads}), one at a time per
 * connection, in order (pipelining answers in order). Slow or broken clients never hold up others:
 * <ul>
 *   <li>a request (request line, headers and body) must arrive in full within the request timeout, else it is
 *       answered 408 (JSON) and the connection closed;</li>
 *   <li>a connection with no traffic for the idle timeout is closed (a request being answered is never cut);</li>
 *   <li>a client that does not read its answers stops being read from, and a chunked answer it does not read
 *       for the idle timeout is abandoned and the connection closed;</li>
 *   <li>bodies beyond the limit are answered 413 (in XML for a Query form post, else JSON); malformed requests 400.</li>
 * </ul>
 */
public final class NettyHttpServer implements AutoCloseable {

    private static final int MAX_INITIAL_LINE = 8192;
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    /** Oversized bodies declared beyond this are not drained: the connection is closed after the 413. */
    private static final long DRAIN_LIMIT = 64L << 20;

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final ExecutorService requests;
    private final Channel server;
    private final HttpHandler handler;
    private final InlineApi inline;
    private final int maxBodyBytes;
    private final long requestTimeoutMillis;
    private final long idleTimeoutMillis;

    /**
     * Binds and starts serving.
     *
     * @param inline   answers API requests on the event loop when they need no request thread (null: never)
     * @param requests the request threads (bounded); shut down by {@link #close()}
     */
    public NettyHttpServer(InetSocketAddress address, HttpHandler handler, InlineApi inline, int maxBodyBytes,
            ExecutorService requests, Duration requestTimeout, Duration idleTimeout) throws IOException {
        this.handler = handler;
        this.inline = inline;
        this.maxBodyBytes = maxBodyBytes;
        this.requests = requests;
        this.requestTimeoutMillis = requestTimeout.toMillis();
        this.idleTimeoutMillis = idleTimeout.toMillis();
        int ioThreads = Math.max(1, Runtime.getRuntime().availableProcessors());
        // Linux's epoll transport where its native library loads (fewer system calls per request), else Java NIO
        boolean epoll = Epoll.isAvailable();
        this.boss = epoll ? new EpollEventLoopGroup(1, new DefaultThreadFactory("fake-ecs-accept", true))
                : new NioEventLoopGroup(1, new DefaultThreadFactory("fake-ecs-accept", true));
        this.workers = epoll ? new EpollEventLoopGroup(ioThreads, new DefaultThreadFactory("fake-ecs-io", true))
                : new NioEventLoopGroup(ioThreads, new DefaultThreadFactory("fake-ecs-io", true));
        try {
            this.server = new ServerBootstrap().group(boss, workers)
                    .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 256)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            RequestTimer timer = new RequestTimer();
                            channel.pipeline()
                                    .addLast("idle", new IdleStateHandler(0, 0, idleTimeoutMillis, TimeUnit.MILLISECONDS))
                                    .addLast("timer", timer)
                                    .addLast("codec", new ServerHttpCodec(new HttpDecoderConfig()
                                            .setMaxInitialLineLength(MAX_INITIAL_LINE).setMaxHeaderSize(MAX_HEADER_BYTES)
                                            .setMaxChunkSize(8192)))
                                    .addLast("aggregator", new JsonAggregator(maxBodyBytes))
                                    .addLast("connection", new Connection(timer));
                        }
                    })
                    .bind(address).syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            shutdownGroups();
            throw new IOException(String.valueOf(e.getMessage()), e);
        }
    }

    /** The bound address. */
    public InetSocketAddress address() {
        return (InetSocketAddress) server.localAddress();
    }

    @Override
    public void close() {
        server.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        requests.shutdown();
        try {
            requests.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        requests.shutdownNow();
        shutdownGroups();
    }

    private void shutdownGroups() {
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    static FullHttpResponse jsonError(int status, String type, String message) {
        ControlResponse error = ControlResponse.error(status, type, message);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status),
                Unpooled.wrappedBuffer(error.body()));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, ControlResponse.JSON)
                .set(HttpHeaderNames.CONTENT_LENGTH, error.body().length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        return response;
    }

    /** A request marked as oversized: answered 413 by the handler from its headers, its body dropped. */
    private static final class Oversized extends DefaultFullHttpRequest {
        final boolean closeAfter;

        Oversized(HttpRequest head, long declared, boolean closeAfter) {
            super(head.protocolVersion(), head.method(), head.uri(), Unpooled.EMPTY_BUFFER);
            headers().set(head.headers());
            headers().set(HttpHeaderNames.CONTENT_LENGTH, declared);
            headers().remove(HttpHeaderNames.TRANSFER_ENCODING);
            this.closeAfter = closeAfter;
        }
    }

    /** Aggregates bodies up to the limit; an oversized one goes on as an {@link Oversized} request (JSON 413). */
    private static final class JsonAggregator extends HttpObjectAggregator {
        private final int limit;

        JsonAggregator(int limit) {
            super(limit);
            this.limit = limit;
        }

        @Override
        protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
            if (oversized instanceof HttpRequest head) {
                long declared = HttpUtil.getContentLength(head, -1L);
                boolean closeAfter = declared < 0 || declared > DRAIN_LIMIT || oversized instanceof FullHttpRequest;
                ctx.fireChannelRead(new Oversized(head, declared < 0 ? (long) limit + 1 : declared, closeAfter));
            } else {
                ctx.close();
            }
        }
    }

    /**
     * Times each request from its first byte until it has arrived in full; closes the connection with a 408 if it
     * takes longer than the request timeout.
     */
    private final class RequestTimer extends ChannelInboundHandlerAdapter {
        /**
         * When the request now arriving began (System.nanoTime), or -1 between requests. The wall clock is read here
         * on purpose: request timeouts protect the server from slow clients in real time and never reach the engine.
         */
        private long startedNanos = -1;
        /** The one pending deadline check of the connection, or null: one per timeout window, not one per request. */
        private ScheduledFuture<?> check;
        private boolean answering;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (startedNanos < 0 && msg instanceof ByteBuf bytes && bytes.isReadable()) {
                startedNanos = System.nanoTime();
                if (check == null) {
                    check = ctx.executor().schedule(() -> check(ctx), requestTimeoutMillis, TimeUnit.MILLISECONDS);
                }
            }
            ctx.fireChannelRead(msg);
        }

        /** The request arrived in full. */
        void completed() {
            startedNanos = -1;
        }

        /** True if a request has begun to arrive and is not complete. */
        boolean incomplete() {
            return startedNanos >= 0;
        }

        void answering(boolean on) {
            answering = on;
        }

        /** Expires the request now arriving if it is past its deadline, else checks again at that deadline. */
        private void check(ChannelHandlerContext ctx) {
            check = null;
            if (startedNanos < 0 || !ctx.channel().isActive()) {
                return;
            }
            long left = requestTimeoutMillis - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
            if (left > 0) {
                check = ctx.executor().schedule(() -> check(ctx), left, TimeUnit.MILLISECONDS);
                return;
            }
            expire(ctx);
        }

        private void expire(ChannelHandlerContext ctx) {
            startedNanos = -1;
            if (answering) {
                ctx.close(); // an answer is being written: a 408 cannot follow it
                return;
            }
            ctx.channel().writeAndFlush(jsonError(408, "RequestTimeoutException", "The request did not arrive in full within "
                    + requestTimeoutMillis / 1000.0 + " s")).addListener(ChannelFutureListener.CLOSE);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            completed();
            if (check != null) {
                check.cancel(false);
                check = null;
            }
            ctx.fireChannelInactive();
        }
    }

    /** One connection: requests are answered on the request threads, one at a time and in order. */
    private final class Connection extends ChannelDuplexHandler {
        private final RequestTimer timer;
        private final ArrayDeque<FullHttpRequest> queue = new ArrayDeque<>();
        private boolean busy;
        private boolean closing;
        private boolean inputShutdown;

        Connection(RequestTimer timer) {
            this.timer = timer;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (!(msg instanceof FullHttpRequest request)) {
                io.netty.util.ReferenceCountUtil.release(msg);
                return;
            }
            timer.completed();
            if (closing) {
                request.release();
                return;
            }
            queue.add(request);
            ctx.channel().config().setAutoRead(false);
            if (!busy) {
                next(ctx);
            }
        }

        private void next(ChannelHandlerContext ctx) {
            while (nextInline(ctx)) {
                // answered on the event loop; take the next pipelined request
            }
        }

        /** Serves the next queued request; true if it was answered here and the one after may follow. */
        private boolean nextInline(ChannelHandlerContext ctx) {
            FullHttpRequest request = queue.poll();
            if (request == null) {
                busy = false;
                timer.answering(false);
                if (inputShutdown) {
                    endOfInput(ctx); // the client sent its last request: close once it is answered
                    return false;
                }
                if (!closing && ctx.channel().isWritable()) {
                    ctx.channel().config().setAutoRead(true);
                }
                return false;
            }
            busy = true;
            timer.answering(true);
            if (request.decoderResult().isFailure()) {
                request.release();
                fail(ctx, request.decoderResult().cause());
                return false;
            }
            URI uri = uriOf(request.uri());
            if (uri == null) {
                request.release();
                fail(ctx, null);
                return false;
            }
            boolean closeAfter = request instanceof Oversized oversized && oversized.closeAfter;
            if (closeAfter || !HttpUtil.isKeepAlive(request)) {
                closing = true;
            }
            if (inline != null && !(request instanceof Oversized)) {
                FullHttpResponse answer = answerInline(request, uri);
                if (answer != null) {
                    request.release();
                    // one buffer for status line, headers and body (Netty's encoder would write two)
                    ChannelFuture written = ctx.writeAndFlush(ServerHttpCodec.encode(answer, ctx.alloc()));
                    if (closing) {
                        written.addListener(ChannelFutureListener.CLOSE);
                        return false;
                    }
                    return true;
                }
            }
            Channel channel = ctx.channel();
            try {
                requests.execute(() -> serve(ctx, channel, request, uri, closeAfter));
            } catch (RejectedExecutionException e) {
                request.release();
                ctx.close();
            }
            return false;
        }

        private FullHttpResponse answerInline(FullHttpRequest request, URI uri) {
            try {
                return inline.answer(request, uri.getRawPath(), !closing);
            } catch (VirtualMachineError e) {
                Thread thread = Thread.currentThread();
                thread.getUncaughtExceptionHandler().uncaughtException(thread, e);
                throw e;
            } catch (RuntimeException e) {
                closing = true;
                return jsonError(500, "ServerException", "Internal error: fake-ecs could not answer "
                        + request.method() + " " + uri.getRawPath() + "; please report it with the request");
            }
        }

        private void serve(ChannelHandlerContext ctx, Channel channel, FullHttpRequest request, URI uri,
                boolean closeAfter) {
            NettyExchange exchange = new NettyExchange(channel, request, uri, closeAfter, idleTimeoutMillis);
            try {
                handler.handle(exchange);
            } catch (IOException | RuntimeException e) {
                channel.close();
            } finally {
                exchange.close();
                request.release();
                ctx.executor().execute(() -> next(ctx));
            }
        }

        /** The client will send nothing more: answer a request it left unfinished 400, and close. */
        private void endOfInput(ChannelHandlerContext ctx) {
            closing = true;
            if (timer.incomplete()) {
                timer.completed();
                ctx.writeAndFlush(jsonError(400, "SerializationException",
                        "The request ended before its Content-Length or before the end of its headers"))
                        .addListener(ChannelFutureListener.CLOSE);
            } else {
                ctx.close();
            }
        }

        private void fail(ChannelHandlerContext ctx, Throwable cause) {
            closing = true;
            queue.forEach(FullHttpRequest::release);
            queue.clear();
            boolean tooLong = cause instanceof TooLongFrameException;
            ctx.writeAndFlush(tooLong
                    ? jsonError(431, "RequestHeaderFieldsTooLarge", "The request line or headers are too large")
                    : jsonError(400, "BadRequest", "Malformed HTTP request"))
                    .addListener(ChannelFutureListener.CLOSE);
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            if (ctx.channel().isWritable() && !busy && !closing) {
                ctx.channel().config().setAutoRead(true);
            }
            ctx.fireChannelWritabilityChanged();
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof io.netty.channel.socket.ChannelInputShutdownEvent) {
                inputShutdown = true;
                // the decoder has passed on every complete request by now; answer those, then close
                ctx.channel().eventLoop().execute(() -> {
                    if (!busy && queue.isEmpty()) {
                        endOfInput(ctx);
                    }
                });
                return;
            }
            if (evt instanceof IdleStateEvent idle && idle.state() == IdleState.ALL_IDLE) {
                if (!busy || !ctx.channel().isWritable()) {
                    ctx.close();
                }
                return;
            }
            ctx.fireUserEventTriggered(evt);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            closing = true;
            queue.forEach(FullHttpRequest::release);
            queue.clear();
            ctx.fireChannelInactive();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    private static final String ROOT_TARGET = "/";
    private static final URI ROOT_URI = URI.create("http://fake-ecs/");

    /** The request target as a URI (origin form, absolute form, or a path such as {@code //}); null if malformed. */
    private static URI uriOf(String target) {
        if (ROOT_TARGET.equals(target)) {
            return ROOT_URI; // every AWS JSON and Query call: no parse
        }
        try {
            if (target.startsWith("/")) {
                return URI.create("http://fake-ecs" + target);
            }
            URI uri = URI.create(target);
            return uri.getRawPath() == null || uri.getRawPath().isEmpty() ? URI.create("http://fake-ecs/") : uri;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
