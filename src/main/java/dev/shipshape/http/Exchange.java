package dev.shipshape.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** How one HTTP exchange ended: a complete answer, no answer (and why), or cancelled. */
public sealed interface Exchange {

    /**
     * A complete response, body included.
     *
     * @param kept    the start of the body (at most {@link ReceivedBody#MAX_KEPT_BYTES})
     * @param size    bytes of body in total
     * @param latency from sending to the last byte of the body
     */
    record Answered(int status, byte[] kept, long size, Duration latency) implements Exchange {

        public String text() {
            return new String(kept, StandardCharsets.UTF_8);
        }
    }

    /**
     * No complete answer.
     *
     * @param reason   one readable line naming the URL (as the caller gave it, so it may need redacting)
     * @param why      the same without the URL, for callers that name the server themselves
     * @param timedOut whether the exchange ran out of time (rather than, say, a refused connection)
     */
    record Failed(String reason, String why, boolean timedOut) implements Exchange {

        static Failed timedOut(Deadline deadline) {
            return new Failed(deadline.timedOut(), deadline.timedOut(), true);
        }
    }

    /** The caller's cancellation (or an interrupt) stopped the exchange. */
    record Cancelled() implements Exchange {
    }
}
