package dev.shipshape.steps.shell;

import dev.shipshape.engine.StepContext;
import dev.shipshape.processes.Spawned;
import dev.shipshape.time.Ticks;
import java.time.Duration;

/** How waiting for a command ended. */
enum Ending {
    EXITED, TIMED_OUT, CANCELLED, INTERRUPTED;

    /** Cancellation is checked this often, well within the second the engine allows. */
    private static final Duration POLL = Duration.ofMillis(100);

    /** Stands in for "no time limit". */
    private static final Duration FOREVER = Duration.ofDays(3650);

    /** Waits for the process to exit, the attempt's time to run out, or the run to be cancelled. */
    static Ending await(Spawned process, StepContext context) {
        Duration timeout = context.timeout() == null ? FOREVER : context.timeout();
        long deadline = Ticks.SYSTEM.nanos() + timeout.toNanos();
        try {
            while (true) {
                long left = Math.max(deadline - Ticks.SYSTEM.nanos(), 0);
                if (process.waitFor(Duration.ofNanos(Math.min(POLL.toNanos(), left)))) {
                    return EXITED;
                }
                if (context.isCancelled()) {
                    return CANCELLED;
                }
                if (Ticks.SYSTEM.nanos() - deadline >= 0) {
                    return TIMED_OUT;
                }
            }
        } catch (InterruptedException e) {
            // Cleared here so that killing the tree can still wait; the executor sets it again.
            return INTERRUPTED;
        }
    }
}
