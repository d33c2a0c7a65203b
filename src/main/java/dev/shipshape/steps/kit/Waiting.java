package dev.shipshape.steps.kit;

import dev.shipshape.engine.StepContext;
import dev.shipshape.time.Sleeper;
import dev.shipshape.time.Ticks;
import java.time.Duration;

/** Waiting that stops within 100 ms of a cancel, and never past the attempt's deadline. */
public final class Waiting {

    private Waiting() {
    }

    /** Sleeps until {@code until} (nanoTime); false when cancelled or when the deadline comes first. */
    public static boolean until(long until, long deadline, StepContext context) {
        while (true) {
            long now = Ticks.SYSTEM.nanos();
            if (context.isCancelled() || now - deadline >= 0) {
                return false;
            }
            if (now - until >= 0) {
                return true;
            }
            try {
                Sleeper.SYSTEM.pause(Duration.ofMillis(Math.max(1, Math.min(100, (Math.min(until, deadline) - now) / 1_000_000))));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
