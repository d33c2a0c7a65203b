package dev.shipshape.app;

import java.time.Duration;
import java.util.Optional;

/**
 * Where one subscriber of an {@link EventFeed} stands: a value the server keeps between polls and hands back.
 *
 * @param runId   only this run's events are delivered, or every run's when null
 * @param lastSeq every event up to this seq was delivered (or was not this run's, or was given up as never
 *                to come); the next batch starts after it
 * @param gap     the missing seq delivery is held at, or null when it is not held
 */
public record FeedCursor(String runId, long lastSeq, Gap gap) {

    /**
     * Delivery is held because seq {@code lastSeq + 1} is missing while later ones are visible: it may belong to
     * a transaction that has not committed yet, or to one rolled back (then it never comes).
     *
     * @param seenUpTo    the highest seq visible when the gap was first seen: every seq up to it that was not
     *                    visible was already missing then
     * @param seenAtNanos when that was, in {@link dev.shipshape.time.Ticks} nanoseconds
     */
    public record Gap(long seenUpTo, long seenAtNanos) {

        /** How long the gap has been waited for. */
        public Duration heldFor(long nowNanos) {
            return Duration.ofNanos(nowNanos - seenAtNanos);
        }
    }

    /** The gap delivery is held at, if any. */
    public Optional<Gap> pendingGap() {
        return Optional.ofNullable(gap);
    }

    /** The first seq not delivered yet, which the cursor waits for while a gap is held. */
    public long nextSeq() {
        return lastSeq + 1;
    }
}
