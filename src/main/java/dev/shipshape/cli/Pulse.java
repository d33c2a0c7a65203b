package dev.shipshape.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Calls a beat at a steady interval on its own thread until stopped. */
final class Pulse {

    private final CountDownLatch stopped = new CountDownLatch(1);

    private Pulse() {
    }

    /** The first beat comes one interval from now. */
    static Pulse every(Duration interval, Runnable beat) {
        Pulse pulse = new Pulse();
        Thread.ofVirtual().name("shipshape-heartbeat").start(() -> pulse.beat(interval, beat));
        return pulse;
    }

    private void beat(Duration interval, Runnable beat) {
        try {
            while (!stopped.await(interval.toMillis(), TimeUnit.MILLISECONDS)) {
                beat.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** No beat starts after this; one under way may still finish. */
    void stop() {
        stopped.countDown();
    }
}
