package dev.shipshape.engine;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** How the engine waits between attempts of a step: in real time in the product, by hand in tests. */
public interface Sleeper {

    /**
     * Waits for {@code duration}, asking {@code stop} before each slice of at most 100 ms.
     *
     * @return true when the whole time passed, false when {@code stop} said to stop first
     */
    boolean sleep(Duration duration, BooleanSupplier stop);

    /** Real time, measured on the monotonic clock. */
    Sleeper SYSTEM = new ThreadSleeper();
}
