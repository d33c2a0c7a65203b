package dev.shipshape.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body as far as a step needs it: the first {@code keptBytes} (for expectations and
 * the output tail) and the total size. A health check that streams gigabytes cannot exhaust memory.
 *
 * @param kept the start of the body, at most the cap
 * @param size bytes of body in total
 */
record ReceivedBody(byte[] kept, long size) {

    /** Bodies are examined up to this size; longer ones are counted, not kept. */
    static final int MAX_KEPT_BYTES = 16 * 1024 * 1024;

    /** Keeps the first bytes and counts the rest; {@link #abort} closes the connection of a stalled body. */
    static final class Collector implements HttpResponse.BodySubscriber<ReceivedBody> {

        private final int cap = MAX_KEPT_BYTES;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final CompletableFuture<ReceivedBody> body = new CompletableFuture<>();
        private volatile Flow.Subscription subscription;
        private volatile boolean aborted;
        private long size;

        /** Stops reading: the client then closes the connection. */
        void abort() {
            aborted = true;
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }

        @Override
        public CompletionStage<ReceivedBody> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (aborted) {
                subscription.cancel();
            } else {
                subscription.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                int length = buffer.remaining();
                size += length;
                byte[] bytes = new byte[Math.min(length, cap - kept.size())];
                buffer.get(bytes);
                kept.writeBytes(bytes);
            }
        }

        @Override
        public void onError(Throwable error) {
            body.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            body.complete(new ReceivedBody(kept.toByteArray(), size));
        }
    }
}
