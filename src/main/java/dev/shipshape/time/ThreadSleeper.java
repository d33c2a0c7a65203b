package dev.shipshape.time;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits in real time with {@link Thread#sleep}, in slices of at most 100 ms so that a stop is seen soon. */
final class ThreadSleeper implements Sleeper {

    private static final long SLICE_MILLIS = 100;

    @Override
    public boolean sleep(Duration duration, BooleanSupplier stop) {
        long until = Ticks.SYSTEM.nanos() + duration.toNanos();
        while (Ticks.SYSTEM.nanos() < until) {
            if (stop.getAsBoolean()) {
                return false;
            }
            pause(Math.min(SLICE_MILLIS, Math.max(1, (until - Ticks.SYSTEM.nanos()) / 1_000_000)));
        }
        return true;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
