package dev.shipshape.engine.testkit;

import dev.shipshape.time.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * Waits without waiting: records each wait the engine asks for and moves the manual clock on by it.
 * A stop already asked for (a cancel) ends the wait before the clock moves, as the real sleeper would.
 */
public final class ManualSleeper implements Sleeper {

    private final ManualClock clock;
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    public ManualSleeper(ManualClock clock) {
        this.clock = clock;
    }

    @Override
    public boolean sleep(Duration duration, BooleanSupplier stop) {
        waits.add(duration);
        if (stop.getAsBoolean()) {
            return false;
        }
        clock.advance(duration);
        return true;
    }

    /** Every wait asked for, in order. */
    public List<Duration> waits() {
        return List.copyOf(waits);
    }
}
