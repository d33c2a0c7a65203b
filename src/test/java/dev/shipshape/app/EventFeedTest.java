package dev.shipshape.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.engine.EventRecord;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** What a follower of the store is sent, over a fake table whose transactions commit out of order. */
class EventFeedTest {

    private final FakeEvents table = new FakeEvents();
    private final AtomicLong nanos = new AtomicLong(1_000);
    private final EventFeed feed = new EventFeed(table, nanos::get, Duration.ofSeconds(2), 100);
    private FeedCursor cursor = feed.after(null, 0);

    private List<String> poll() {
        EventFeed.Batch batch = feed.next(cursor);
        cursor = batch.cursor();
        return batch.events().stream().map(EventRecord::message).toList();
    }

    private void wait(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Test
    void eventsAreSentInOrderOnceEach() {
        table.append("r-1", "a");
        table.append("r-1", "b");

        assertThat(poll()).containsExactly("a", "b");
        assertThat(poll()).isEmpty();
        table.append("r-1", "c");
        assertThat(poll()).containsExactly("c");
        assertThat(cursor.lastSeq()).isEqualTo(3);
        assertThat(cursor.pendingGap()).isEmpty();
    }

    @Test
    void eventSeenBeforeAnEarlierOneCommitsWaitsForIt() {
        table.append("r-1", "a");
        long slow = table.insert("r-1", "slow");
        table.append("r-1", "fast");

        assertThat(poll()).containsExactly("a");
        assertThat(poll()).isEmpty();
        assertThat(cursor.nextSeq()).isEqualTo(slow);
        assertThat(cursor.pendingGap()).isPresent();
        wait(Duration.ofSeconds(1));
        table.commit(slow);

        assertThat(poll()).containsExactly("slow", "fast");
        assertThat(cursor.pendingGap()).isEmpty();
    }

    @Test
    void gapStillOpenAfterTheGracePeriodIsPassedOverAndItsLateEventNeverSent() {
        table.append("r-1", "a");
        long rolledBack = table.insert("r-1", "never");
        table.append("r-1", "b");

        assertThat(poll()).containsExactly("a");
        wait(Duration.ofMillis(1_999));
        assertThat(poll()).isEmpty();
        wait(Duration.ofMillis(1));
        assertThat(poll()).containsExactly("b");
        table.commit(rolledBack);
        table.append("r-1", "c");

        assertThat(poll()).containsExactly("c");
    }

    @Test
    void gapsThatWereAllThereWhenTheFirstWasSeenArePassedTogether() {
        table.append("r-1", "a");
        table.rollBack(table.insert("r-1", "lost"));
        table.append("r-1", "b");
        table.rollBack(table.insert("r-1", "lost too"));
        table.append("r-1", "c");

        assertThat(poll()).containsExactly("a");
        wait(Duration.ofSeconds(2));

        assertThat(poll()).containsExactly("b", "c");
    }

    @Test
    void gapSeenLaterWaitsItsOwnGracePeriod() {
        table.append("r-1", "a");
        table.rollBack(table.insert("r-1", "lost"));
        table.append("r-1", "b");
        assertThat(poll()).containsExactly("a");
        wait(Duration.ofSeconds(1));
        long slow = table.insert("r-1", "slow");
        table.append("r-1", "c");
        assertThat(poll()).isEmpty();
        wait(Duration.ofSeconds(1));

        assertThat(poll()).containsExactly("b");
        wait(Duration.ofMillis(1_500));
        assertThat(poll()).isEmpty();
        table.commit(slow);
        assertThat(poll()).containsExactly("slow", "c");
    }

    @Test
    void gapLeftWhenAnEarlierOneFillsHasBeenWaitedForSinceItWasFirstSeen() {
        table.append("r-1", "a");
        long slow = table.insert("r-1", "slow");
        table.append("r-1", "b");
        table.rollBack(table.insert("r-1", "lost"));
        table.append("r-1", "c");
        assertThat(poll()).containsExactly("a");
        wait(Duration.ofSeconds(1));
        table.commit(slow);
        assertThat(poll()).containsExactly("slow", "b");
        wait(Duration.ofSeconds(1));

        assertThat(poll()).containsExactly("c");
    }

    @Test
    void cursorOfOneRunSendsOnlyItsEventsButWaitsAtAGapInAnyRun() {
        cursor = feed.after("r-1", 0);
        table.append("r-1", "a");
        table.append("r-2", "other");
        long slow = table.insert("r-2", "other, slow");
        table.append("r-1", "b");

        assertThat(poll()).containsExactly("a");
        assertThat(cursor.lastSeq()).isEqualTo(2);
        table.commit(slow);
        assertThat(poll()).containsExactly("b");
    }

    @Test
    void fullBatchSaysMoreAreWaiting() {
        EventFeed small = new EventFeed(table, nanos::get, Duration.ofSeconds(2), 2);
        for (String message : List.of("a", "b", "c")) {
            table.append("r-1", message);
        }

        EventFeed.Batch first = small.next(small.after(null, 0));
        EventFeed.Batch second = small.next(first.cursor());

        assertThat(first.events()).extracting(EventRecord::message).containsExactly("a", "b");
        assertThat(first.more()).isTrue();
        assertThat(second.events()).extracting(EventRecord::message).containsExactly("c");
        assertThat(second.more()).isFalse();
    }

    @Test
    void subscriberResumesAfterTheLastEventItSawOrStartsFromNow() {
        for (String message : List.of("a", "b", "c")) {
            table.append("r-1", message);
        }
        FeedCursor fromNow = feed.fromNow(null);
        FeedCursor beyondTheStore = feed.after(null, 99);
        table.append("r-1", "d");

        cursor = feed.after(null, 2);
        assertThat(poll()).containsExactly("c", "d");
        cursor = fromNow;
        assertThat(poll()).containsExactly("d");
        cursor = beyondTheStore;
        assertThat(poll()).containsExactly("d");
    }

    @Test
    void cursorTellsWhereItStandsAndWhatItWaitsFor() {
        table.append("r-1", "a");
        table.insert("r-1", "slow");
        table.append("r-1", "b");
        poll();
        assertThat(feed.describe(cursor)).isEqualTo("after seq 1, waiting 0.0s for seq 2");
        wait(Duration.ofMillis(1_500));

        assertThat(feed.describe(cursor)).isEqualTo("after seq 1, waiting 1.5s for seq 2");
        assertThat(feed.heldFor(cursor)).isEqualTo(Duration.ofMillis(1_500));
        assertThat(feed.describe(feed.after("r-1", 1))).isEqualTo("run r-1, after seq 1");
        assertThat(feed.heldFor(feed.after("r-1", 1))).isZero();
    }

    @Test
    void emptyStoreSendsNothingAndHoldsNothing() {
        assertThat(poll()).isEmpty();
        assertThat(cursor.lastSeq()).isZero();
        assertThat(cursor.pendingGap()).isEmpty();
        assertThat(feed.fromNow(null).lastSeq()).isZero();
    }
}
