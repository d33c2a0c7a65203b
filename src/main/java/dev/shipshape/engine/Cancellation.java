package dev.shipshape.engine;

import dev.shipshape.time.Ticks;
import java.time.Duration;

/**
 * Whether a run should stop: asked locally (Ctrl-C), from another process through the store
 * ({@code shipshape cancel}), or because the lease was lost. Store polls are rate-limited.
 */
final class Cancellation {

    private final RunStore store;
    private final String runId;
    private final Duration pollEvery;
    private final Lease lease;
    private final CancelSignal signal;
    private volatile String reason;
    private long lastPollNanos = Ticks.SYSTEM.nanos() - Long.MAX_VALUE / 2;

    Cancellation(RunStore store, String runId, Duration pollEvery, Lease lease, CancelSignal signal) {
        this.store = store;
        this.runId = runId;
        this.pollEvery = pollEvery;
        this.lease = lease;
        this.signal = signal;
    }

    void request(String why) {
        if (reason == null) {
            reason = why;
        }
    }

    boolean requested() {
        if (reason != null) {
            return true;
        }
        if (signal.reason() != null) {
            request(signal.reason());
            return true;
        }
        if (lease.lost()) {
            request("the environment lock was taken away (shipshape unlock)");
            return true;
        }
        pollStore();
        return reason != null;
    }

    String reason() {
        return reason;
    }

    private synchronized void pollStore() {
        long now = Ticks.SYSTEM.nanos();
        if (now - lastPollNanos < pollEvery.toNanos()) {
            return;
        }
        lastPollNanos = now;
        try {
            store.cancelRequest(runId).ifPresent(r -> request("cancelled by " + r));
        } catch (RuntimeException storeUnavailable) {
            // The next poll asks again; a cancel is never lost, only seen a little later.
        }
    }
}
