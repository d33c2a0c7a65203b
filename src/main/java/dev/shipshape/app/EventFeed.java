package dev.shipshape.app;

import dev.shipshape.engine.EventRecord;
import dev.shipshape.time.Ticks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The events a follower of the store (a server's event stream) is sent next, none lost and none twice.
 *
 * <p>A seq is handed out when an event is inserted, but the event is visible only once its transaction commits,
 * and transactions commit in any order: seq 12 may be seen before seq 11. So a batch holds only the seqs that
 * follow the cursor without a gap. A gap is waited for until it has been seen for the grace period; then it is
 * taken as a rolled-back insert (or seqs a restarted database skipped) and passed over, together with every
 * other gap that was already there when it was first seen. An event that commits later than that is not sent.
 *
 * <p>Contiguity is judged on the events of every run, since one run's seqs have other runs' in between; a cursor
 * for one run skips the others' events as it passes them. The feed itself holds no state: each subscriber's is
 * its {@link FeedCursor}.
 */
public final class EventFeed {

    /** How long a gap is waited for: far longer than a store transaction takes to commit. */
    public static final Duration GRACE = Duration.ofSeconds(2);
    /** The most events read in one poll. */
    public static final int BATCH = 500;

    /**
     * What to send, and the cursor to poll with next.
     *
     * @param more whether more events may be waiting already, so the next poll need not wait
     */
    public record Batch(List<EventRecord> events, FeedCursor cursor, boolean more) {

        public Batch {
            events = List.copyOf(events);
        }
    }

    private final EventSource source;
    private final Ticks ticks;
    private final Duration grace;
    private final int batchSize;

    EventFeed(EventSource source, Ticks ticks, Duration grace, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("an event feed reads at least one event a poll, not " + batchSize);
        }
        this.source = source;
        this.ticks = ticks;
        this.grace = grace;
        this.batchSize = batchSize;
    }

    /**
     * A cursor that sends only what is written from now on: after the highest seq visible now (an event with a
     * lower seq whose transaction commits after this is taken as written before, and not sent).
     */
    public FeedCursor fromNow(String runId) {
        return new FeedCursor(runId, source.lastSeq(), null);
    }

    /**
     * A cursor that sends what follows the last event a subscriber saw (its {@code Last-Event-ID}; 0 for
     * everything). A seq above any written (a store that was replaced) starts from now instead.
     */
    public FeedCursor after(String runId, long lastSeen) {
        return new FeedCursor(runId, Math.clamp(lastSeen, 0, Math.max(0, source.lastSeq())), null);
    }

    /**
     * A cursor that sends a run's events from its first: it starts just before that event rather than at the
     * start of the store, so a replay does not read every earlier run's events.
     */
    public FeedCursor fromStartOf(String runId) {
        return new FeedCursor(runId, Math.max(0, source.firstSeqOf(runId) - 1), null);
    }

    /** The next events to send after the cursor, in order of seq (possibly none). */
    public Batch next(FeedCursor cursor) {
        List<EventRecord> read = source.after(cursor.lastSeq(), batchSize);
        long now = ticks.nanos();
        FeedCursor.Gap gap = cursor.gap();
        long passable = gap != null && gap.heldFor(now).compareTo(grace) >= 0 ? gap.seenUpTo() : cursor.lastSeq();
        long last = cursor.lastSeq();
        List<EventRecord> deliver = new ArrayList<>();
        boolean held = false;
        for (EventRecord event : read) {
            if (event.seq() != last + 1 && event.seq() > passable) {
                held = true;
                break;
            }
            last = event.seq();
            if (cursor.runId() == null || cursor.runId().equals(event.runId())) {
                deliver.add(event);
            }
        }
        FeedCursor.Gap next = !held ? null
                : gap != null && last < gap.seenUpTo() ? gap
                : new FeedCursor.Gap(read.getLast().seq(), now);
        return new Batch(deliver, new FeedCursor(cursor.runId(), last, next), !held && read.size() == batchSize);
    }

    /** How long the cursor's delivery has been held at a gap; zero when it is not held. */
    public Duration heldFor(FeedCursor cursor) {
        return cursor.pendingGap().map(g -> g.heldFor(ticks.nanos())).orElse(Duration.ZERO);
    }

    /** The cursor in words, for logs and a server's status: "after seq 10, waiting 1.2s for seq 11". */
    public String describe(FeedCursor cursor) {
        String where = (cursor.runId() == null ? "" : "run " + cursor.runId() + ", ") + "after seq " + cursor.lastSeq();
        return cursor.gap() == null ? where : where + ", waiting " + seconds(heldFor(cursor)) + " for seq "
                + cursor.nextSeq();
    }

    private static String seconds(Duration held) {
        return String.format(Locale.ROOT, "%.1fs", held.toMillis() / 1000.0);
    }
}
