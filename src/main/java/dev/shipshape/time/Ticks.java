package dev.shipshape.time;

/**
 * Monotonic time, for measuring how long something took or whether a deadline passed: unlike the
 * wall clock it never jumps. {@link #SYSTEM} reads the JVM's monotonic clock.
 */
public interface Ticks {

    /** Nanoseconds from an arbitrary origin; only differences mean something. */
    long nanos();

    /** The JVM's monotonic clock. */
    Ticks SYSTEM = System::nanoTime;
}
