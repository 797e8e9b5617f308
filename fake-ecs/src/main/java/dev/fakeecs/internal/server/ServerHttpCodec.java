package dev.fakeecs.internal.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.DefaultByteBufHolder;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.CombinedChannelDuplexHandler;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpStatusClass;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/**
 * Netty's {@code HttpServerCodec}, the same request decoder and method-aware response encoder (a HEAD answer
 * carries no body), plus one more outbound message: an {@link Encoded} answer, whose bytes (status line,
 * headers, body) were written in one buffer by {@link #encode} and pass straight on. Netty's encoder writes a
 * body above 128 bytes as a second buffer and joins the two writes with a promise combiner; the API calls
 * answered on the event loop skip that.
 *
 * <pre>{@code
 * pipeline.addLast("codec", new ServerHttpCodec(new HttpDecoderConfig().setMaxHeaderSize(65536)));
 * ctx.writeAndFlush(ServerHttpCodec.encode(response, ctx.alloc()));   // or the FullHttpResponse itself
 * }</pre>
 */
final class ServerHttpCodec extends CombinedChannelDuplexHandler<HttpRequestDecoder, HttpResponseEncoder> {

    private static final byte[] HEADER_SEPARATOR = {':', ' '};
    private static final byte[] CRLF = {'\r', '\n'};

    /** The methods of the requests decoded and not yet answered, oldest first (as HttpServerCodec keeps them). */
    private final Queue<HttpMethod> methods = new ArrayDeque<>();

    ServerHttpCodec(HttpDecoderConfig config) {
        init(new Decoder(config), new Encoder());
    }

    /** An answer already encoded as HTTP/1.1 bytes (reference counted: released with its buffer if never written). */
    static final class Encoded extends DefaultByteBufHolder {
        private Encoded(ByteBuf bytes) {
            super(bytes);
        }
    }

    /**
     * The response as the bytes Netty's encoder would write for it in answer to a POST (status line, each header as
     * {@code name: value}, a blank line, the body), or the response itself when the encoder would change it: a
     * status without a body (1xx, 204, 304) or a chunked one. Releases the response when it encodes it.
     */
    static Object encode(FullHttpResponse response, ByteBufAllocator alloc) {
        HttpStatusClass kind = response.status().codeClass();
        int code = response.status().code();
        if (kind == HttpStatusClass.INFORMATIONAL || code == 204 || code == 304
                || response.headers().contains(HttpHeaderNames.TRANSFER_ENCODING)) {
            return response;
        }
        ByteBuf content = response.content();
        ByteBuf out = alloc.ioBuffer(256 + content.readableBytes());
        try {
            ByteBufUtil.writeAscii(out, response.protocolVersion().text());
            out.writeByte(' ');
            ByteBufUtil.writeAscii(out, response.status().codeAsText());
            out.writeByte(' ');
            ByteBufUtil.writeAscii(out, response.status().reasonPhrase());
            out.writeBytes(CRLF);
            Iterator<Map.Entry<CharSequence, CharSequence>> headers = response.headers().iteratorCharSequence();
            while (headers.hasNext()) {
                Map.Entry<CharSequence, CharSequence> header = headers.next();
                ByteBufUtil.writeAscii(out, header.getKey());
                out.writeBytes(HEADER_SEPARATOR);
                ByteBufUtil.writeAscii(out, header.getValue());
                out.writeBytes(CRLF);
            }
            out.writeBytes(CRLF);
            out.writeBytes(content, content.readerIndex(), content.readableBytes());
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
        response.release();
        return new Encoded(out);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof Encoded encoded) {
            methods.poll(); // this answer's request, as the encoder takes one for every response
            ctx.write(encoded.content(), promise);
            return;
        }
        super.write(ctx, msg, promise);
    }

    /** Notes each decoded request's method for its answer. */
    private final class Decoder extends HttpRequestDecoder {
        Decoder(HttpDecoderConfig config) {
            super(config);
        }

        @Override
        protected void decode(ChannelHandlerContext ctx, io.netty.buffer.ByteBuf buffer, List<Object> out) throws Exception {
            int oldSize = out.size();
            super.decode(ctx, buffer, out);
            int size = out.size();
            for (int i = oldSize; i < size; i++) {
                Object decoded = out.get(i);
                if (decoded instanceof HttpRequest request) {
                    methods.add(request.method());
                }
            }
        }
    }

    /** Writes no body in answer to HEAD; drops a chunked header from a successful CONNECT answer. */
    private final class Encoder extends HttpResponseEncoder {
        private HttpMethod method;

        @Override
        protected void sanitizeHeadersBeforeEncode(HttpResponse msg, boolean isAlwaysEmpty) {
            if (!isAlwaysEmpty && HttpMethod.CONNECT.equals(method) && msg.status().codeClass() == HttpStatusClass.SUCCESS) {
                msg.headers().remove(HttpHeaderNames.TRANSFER_ENCODING);
                return;
            }
            super.sanitizeHeadersBeforeEncode(msg, isAlwaysEmpty);
        }

        @Override
        protected boolean isContentAlwaysEmpty(HttpResponse msg) {
            method = methods.poll();
            return HttpMethod.HEAD.equals(method) || super.isContentAlwaysEmpty(msg);
        }
    }
}
