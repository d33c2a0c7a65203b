package dev.shipshape.engine;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The output of one running attempt as it comes, written to the store every quarter second while
 * there is news, so that {@code logs --follow} in another process sees it before the step ends. The
 * lines arrive redacted; the same bounded tail as the step's result is kept.
 */
final class LiveOutput implements AutoCloseable {

    static final Duration EVERY = Duration.ofMillis(250);

    private final RunStore store;
    private final String runId;
    private final String stepId;
    private final int attempt;
    private final OutputTail tail = new OutputTail(OutputTail.DEFAULT_LIMIT);
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread writer;
    private volatile boolean news;

    private LiveOutput(RunStore store, String runId, String stepId, int attempt) {
        this.store = store;
        this.runId = runId;
        this.stepId = stepId;
        this.attempt = attempt;
        this.writer = Thread.ofVirtual().name("output-" + stepId).unstarted(this::keep);
    }

    /** Starts writing what comes in; {@link #close()} stops it. */
    static LiveOutput start(RunStore store, String runId, String stepId, int attempt) {
        LiveOutput live = new LiveOutput(store, runId, stepId, attempt);
        live.writer.start();
        return live;
    }

    /** One line of output, already redacted. */
    void line(String line) {
        tail.appendLine(line);
        news = true;
    }

    private void keep() {
        try {
            // Waits on a latch, not by sleeping: an interrupt may close the store's file under a write.
            while (!closed.await(EVERY.toMillis(), TimeUnit.MILLISECONDS)) {
                write();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write() {
        if (!news) {
            return;
        }
        news = false;
        try {
            store.stepOutput(runId, stepId, attempt, tail.text(), tail.size());
        } catch (RuntimeException e) {
            // A store hiccup: the next write carries the whole tail again, and the result keeps it anyway.
            news = true;
        }
    }

    /** Stops writing, waiting for a write under way; the attempt's result then records the output. */
    @Override
    public void close() {
        closed.countDown();
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
