package dev.fakeecs.internal.client;

import dev.fakeecs.internal.protocol.ProtocolRouter;
import dev.fakeecs.internal.protocol.ProtocolResponse;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpResponseHandler;

/**
 * An {@link SdkAsyncHttpClient} that hands each request straight to an {@link ProtocolRouter}:
 * it collects the published request body, answers in the thread that completed the upload, and
 * publishes the response body as one {@code ByteBuffer}. Thread-safe; {@link #close()} does nothing
 * (the fake owns the handler).
 *
 * <pre>{@code
 * EcsAsyncClient ecs = EcsAsyncClient.builder()
 *         .httpClient(InProcessAsyncHttpClient.create(handler))
 *         .endpointOverride(URI.create("http://fake-ecs.local"))
 *         .region(Region.US_EAST_1)
 *         .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("fake", "fake")))
 *         .build();
 * }</pre>
 * {@link EcsClients#async} does exactly this.
 */
public final class InProcessAsyncHttpClient implements SdkAsyncHttpClient {

    private final ProtocolRouter handler;

    private InProcessAsyncHttpClient(ProtocolRouter handler) {
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    /** A client that sends every request to {@code handler}. */
    public static InProcessAsyncHttpClient create(ProtocolRouter handler) {
        return new InProcessAsyncHttpClient(handler);
    }

    @Override
    public CompletableFuture<Void> execute(AsyncExecuteRequest request) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        SdkAsyncHttpResponseHandler responses = request.responseHandler();
        try {
            request.requestContentPublisher().subscribe(new BodyCollector(handler.maxBodyBytes(),
                    body -> respond(request, body, done),
                    error -> fail(responses, done, error)));
        } catch (RuntimeException e) {
            fail(responses, done, e);
        }
        return done;
    }

    private void respond(AsyncExecuteRequest request, byte[] body, CompletableFuture<Void> done) {
        SdkAsyncHttpResponseHandler responses = request.responseHandler();
        try {
            ProtocolResponse response = body == null
                    ? HttpHeaders.tooLarge(handler, request.request())
                    : handler.handle(HttpHeaders.toProtocolRequest(request.request(), body));
            responses.onHeaders(HttpHeaders.toSdkResponse(response));
            responses.onStream(new SingleBufferPublisher(response.body(), () -> done.complete(null)));
        } catch (RuntimeException e) {
            fail(responses, done, e);
        }
    }

    private static void fail(SdkAsyncHttpResponseHandler responses, CompletableFuture<Void> done, Throwable error) {
        try {
            responses.onError(error);
        } finally {
            done.completeExceptionally(error);
        }
    }

    @Override
    public String clientName() {
        return "FakeEcsInProcessAsync";
    }

    @Override
    public void close() {
        // owned by the fake; nothing to release
    }
}
