package dev.shipshape.http;

import dev.shipshape.runbook.Durations;
import dev.shipshape.time.Ticks;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * When an HTTP exchange must be over, body included, and the budget it was given (for messages:
 * "timed out after 8s").
 *
 * @param atNanos {@link Ticks#SYSTEM} nanoseconds at which time is up
 * @param budget  the time the exchange was given
 */
public record Deadline(long atNanos, Duration budget) {

    /** Time is up {@code budget} from now. */
    public static Deadline in(Duration budget) {
        return new Deadline(Ticks.SYSTEM.nanos() + budget.toNanos(), budget);
    }

    /** A deadline {@code budget} from now, or this one if it comes first: a poll may not outlive its step. */
    public Deadline atMost(Duration budget) {
        Duration left = left();
        return budget.compareTo(left) <= 0 ? in(budget) : new Deadline(atNanos, roughly(left));
    }

    /** To the nearest second from a second on (messages say "5s", not "4s961ms"), else to the millisecond. */
    private static Duration roughly(Duration d) {
        return d.compareTo(Duration.ofSeconds(1)) < 0 ? d.truncatedTo(ChronoUnit.MILLIS)
                : Duration.ofSeconds(d.plusMillis(500).toSeconds());
    }

    public Duration left() {
        return Duration.ofNanos(Math.max(0, atNanos - Ticks.SYSTEM.nanos()));
    }

    public boolean passed() {
        return Ticks.SYSTEM.nanos() - atNanos >= 0;
    }

    /** "timed out after 8s", with the budget it was given. */
    public String timedOut() {
        return "timed out after " + Durations.format(budget);
    }
}
