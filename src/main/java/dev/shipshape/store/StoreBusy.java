package dev.shipshape.store;

import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import dev.shipshape.time.Sleeper;
import dev.shipshape.time.Ticks;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * An embedded store that another shipshape command is opening, serving or closing at this moment:
 * H2 says its lock file was just modified, the file is locked, or the process that served it went
 * away. Such a failure passes within moments, so the work is tried again, for a bounded time.
 */
final class StoreBusy {

    /** How long concurrent commands may keep one waiting before it gives up and says so. */
    static final Duration PATIENCE = Duration.ofSeconds(120);

    /** Connection closed, database already open, connection broken, database closed or closing, exclusive mode. */
    private static final Set<Integer> BUSY_CODES = Set.of(90007, 90020, 90067, 90098, 90121, 90135);
    /** Error opening database: only these reasons of it mean another process, not a broken file. */
    private static final String[] LOCK_REASONS = {"Lock file", "Locked by another process",
        "Another process was faster", "Concurrent update"};

    private StoreBusy() {
    }

    /** Whether {@code failure} came from another process holding or switching the embedded store. */
    static boolean isBusy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && busy(sql)) {
                return true;
            }
        }
        return false;
    }

    /** Runs {@code work}, again after a short random pause while it fails because the store is busy. */
    static <T> T patiently(Supplier<T> work) {
        long deadline = Ticks.SYSTEM.nanos() + PATIENCE.toNanos();
        for (long pause = 50; ; pause = Math.min(pause * 2, 1000)) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (!isBusy(e) || Ticks.SYSTEM.nanos() > deadline) {
                    throw e;
                }
            }
            sleep(pause / 2 + ThreadLocalRandom.current().nextLong(pause));
        }
    }

    private static boolean busy(SQLException sql) {
        if (BUSY_CODES.contains(sql.getErrorCode())) {
            return true;
        }
        String message = String.valueOf(sql.getMessage());
        for (String reason : LOCK_REASONS) {
            if (message.contains(reason)) {
                return true;
            }
        }
        return false;
    }

    private static void sleep(long millis) {
        try {
            Sleeper.SYSTEM.pause(Duration.ofMillis(millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShipshapeException(Code.STORE, "interrupted while waiting for the run store", e);
        }
    }
}
