package dev.fakeecs.internal.client;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/** Publishes one response body as a single {@link ByteBuffer}, then completes; runs {@code onDone} once. */
final class SingleBufferPublisher implements Publisher<ByteBuffer> {

    private final byte[] body;
    private final Runnable onDone;
    private final AtomicBoolean subscribed = new AtomicBoolean();

    SingleBufferPublisher(byte[] body, Runnable onDone) {
        this.body = body;
        this.onDone = onDone;
    }

    @Override
    public void subscribe(Subscriber<? super ByteBuffer> subscriber) {
        if (!subscribed.compareAndSet(false, true)) {
            subscriber.onSubscribe(new Subscription() {
                @Override
                public void request(long n) {
                }

                @Override
                public void cancel() {
                }
            });
            subscriber.onError(new IllegalStateException("the response body can be subscribed to only once"));
            return;
        }
        AtomicBoolean finished = new AtomicBoolean();
        subscriber.onSubscribe(new Subscription() {
            @Override
            public void request(long n) {
                if (!finished.compareAndSet(false, true)) {
                    return;
                }
                if (n <= 0) {
                    subscriber.onError(new IllegalArgumentException("§3.9: request(" + n + ") must be positive"));
                } else {
                    if (body.length > 0) {
                        subscriber.onNext(ByteBuffer.wrap(body).asReadOnlyBuffer());
                    }
                    subscriber.onComplete();
                }
                onDone.run();
            }

            @Override
            public void cancel() {
                if (finished.compareAndSet(false, true)) {
                    onDone.run();
                }
            }
        });
    }
}
