package dev.shipshape.time;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * How Shipshape waits: in real time in the product ({@link #SYSTEM}, handed down by the composition
 * root), by hand in tests. The engine waits between attempts of a step through it, a killed process
 * tree is given its grace period through it.
 */
public interface Sleeper {

    /**
     * Waits for {@code duration}, asking {@code stop} before each slice of at most 100 ms.
     *
     * @return true when the whole time passed, false when {@code stop} said to stop first
     */
    boolean sleep(Duration duration, BooleanSupplier stop);

    /**
     * Waits for {@code duration} unless this thread is interrupted first.
     *
     * @throws InterruptedException when it was (the interrupt flag is then cleared, as by {@link Thread#sleep})
     */
    default void pause(Duration duration) throws InterruptedException {
        if (!sleep(duration, () -> Thread.currentThread().isInterrupted())) {
            Thread.interrupted();
            throw new InterruptedException("interrupted while waiting " + duration);
        }
    }

    /** Real time, measured on the monotonic clock. */
    Sleeper SYSTEM = new ThreadSleeper();
}
