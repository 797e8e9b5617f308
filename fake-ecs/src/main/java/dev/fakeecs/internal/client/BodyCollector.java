package dev.fakeecs.internal.client;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Collects a request body published as {@code ByteBuffer}s; hands over the bytes, or {@code null}
 * if they passed the size limit (and then cancels the upload).
 */
final class BodyCollector implements Subscriber<ByteBuffer> {

    private final int limit;
    private final Consumer<byte[]> onBody;
    private final Consumer<Throwable> onError;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private Subscription subscription;
    private boolean done;

    BodyCollector(int limit, Consumer<byte[]> onBody, Consumer<Throwable> onError) {
        this.limit = limit;
        this.onBody = onBody;
        this.onError = onError;
    }

    @Override
    public void onSubscribe(Subscription s) {
        this.subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(ByteBuffer buffer) {
        if (done) {
            return;
        }
        ByteBuffer copy = buffer.duplicate();
        byte[] chunk = new byte[copy.remaining()];
        copy.get(chunk);
        bytes.write(chunk, 0, chunk.length);
        if (bytes.size() > limit) {
            done = true;
            subscription.cancel();
            onBody.accept(null);
        }
    }

    @Override
    public void onError(Throwable t) {
        if (!done) {
            done = true;
            onError.accept(t);
        }
    }

    @Override
    public void onComplete() {
        if (!done) {
            done = true;
            onBody.accept(bytes.toByteArray());
        }
    }
}
