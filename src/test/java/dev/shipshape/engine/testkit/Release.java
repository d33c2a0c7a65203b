package dev.shipshape.engine.testkit;

import dev.shipshape.engine.StepContext;
import dev.shipshape.engine.StepResult;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds a blocked step until the test lets it go. The test waits for {@link #awaitStarted()} (the step is
 * running), does what it wants to happen meanwhile, then {@link #release()}s it. The step also stops, as
 * cancelled, when the engine tells it the run is being cancelled.
 */
public final class Release {

    private static final long LIMIT_SECONDS = 10;
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile Boolean cancelledWhenReleased;

    public void release() {
        released.countDown();
    }

    /** Waits until the step is running (a test that never gets there fails instead of hanging). */
    public void awaitStarted() throws InterruptedException {
        if (!started.await(LIMIT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("the blocked step never started");
        }
    }

    /** Whether the step was told the run is cancelled at the moment it was released; null if never released. */
    public Boolean cancelledWhenReleased() {
        return cancelledWhenReleased;
    }

    StepResult await(StepContext context) {
        started.countDown();
        try {
            for (int waited = 0; waited < LIMIT_SECONDS * 1000; waited++) {
                if (released.await(1, TimeUnit.MILLISECONDS)) {
                    cancelledWhenReleased = context.isCancelled();
                    return StepResult.success(0, "released", "", 0);
                }
                if (context.isCancelled()) {
                    return StepResult.cancelled("cancelled", "", 0);
                }
            }
            throw new AssertionError("the blocked step was never released nor cancelled");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return StepResult.cancelled("interrupted", "", 0);
        }
    }
}
