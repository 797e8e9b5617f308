package dev.fakeecs.internal.client;

import dev.fakeecs.internal.protocol.ProtocolRouter;
import dev.fakeecs.internal.protocol.ProtocolResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * An {@link SdkHttpClient} that hands each request straight to an {@link ProtocolRouter}: no
 * sockets, no threads, the same bytes a real ECS endpoint would see. Thread-safe. The SDK does not
 * close an HTTP client it was given, and {@link #close()} here does nothing: the fake owns the handler.
 *
 * <pre>{@code
 * EcsClient ecs = EcsClient.builder()
 *         .httpClient(InProcessHttpClient.create(handler))
 *         .endpointOverride(URI.create("http://fake-ecs.local"))
 *         .region(Region.US_EAST_1)
 *         .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("fake", "fake")))
 *         .build();
 * }</pre>
 * {@link EcsClients#sync} does exactly this.
 */
public final class InProcessHttpClient implements SdkHttpClient {

    private final ProtocolRouter handler;

    private InProcessHttpClient(ProtocolRouter handler) {
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    /** A client that sends every request to {@code handler}. */
    public static InProcessHttpClient create(ProtocolRouter handler) {
        return new InProcessHttpClient(handler);
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                return execute(request);
            }

            @Override
            public void abort() {
                // the call runs to completion in the caller's thread; nothing to abort
            }
        };
    }

    private HttpExecuteResponse execute(HttpExecuteRequest request) throws IOException {
        int limit = handler.maxBodyBytes();
        byte[] body = readBody(request.contentStreamProvider().orElse(null), limit);
        ProtocolResponse response = body == null
                ? HttpHeaders.tooLarge(handler, request.httpRequest())
                : handler.handle(HttpHeaders.toProtocolRequest(request.httpRequest(), body));
        return HttpExecuteResponse.builder()
                .response(HttpHeaders.toSdkResponse(response))
                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(response.body())))
                .build();
    }

    /** The body, or {@code null} if it is longer than {@code limit}. */
    private static byte[] readBody(ContentStreamProvider provider, int limit) throws IOException {
        if (provider == null) {
            return new byte[0];
        }
        try (InputStream in = provider.newStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                if (out.size() > limit) {
                    return null;
                }
            }
            return out.toByteArray();
        }
    }

    @Override
    public String clientName() {
        return "FakeEcsInProcess";
    }

    @Override
    public void close() {
        // owned by the fake; nothing to release
    }
}
