package dev.shipshape.engine;

import java.time.Clock;
import java.time.Duration;

/**
 * How the engine runs: its clock, who holds locks, and the lock lease.
 *
 * @param holder      who takes environment locks, {@code host:pid}
 * @param lease       how long a lock stays valid without renewal (a crashed run frees it after this)
 * @param cancelPoll  how often the store is asked for cancel requests from other processes
 */
public record EngineSettings(Clock clock, String holder, Duration lease, Duration cancelPoll) {

    public static EngineSettings defaults() {
        return new EngineSettings(Clock.systemUTC(), ProcessIdentity.holder(), Duration.ofSeconds(30),
                Duration.ofMillis(500));
    }
}
