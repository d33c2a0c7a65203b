package dev.shipshape.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.shipshape.engine.Change.Note;
import dev.shipshape.engine.EventRecord;
import dev.shipshape.engine.NewRun;
import dev.shipshape.engine.StepRecord;
import dev.shipshape.plan.Phase;
import dev.shipshape.store.Store;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The feed over the embedded H2 store, with a second connection whose insert takes a seq and then commits late,
 * or rolls back, while the store goes on writing.
 */
class EventFeedOnTheStoreTest {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    @TempDir
    Path folder;

    private final AtomicLong nanos = new AtomicLong();
    private Store store;
    private Connection other;
    private EventFeed feed;
    private FeedCursor cursor;

    @BeforeEach
    void openTheStoreAndASecondConnection() throws SQLException {
        store = new AppKit(folder).store();
        Path file = folder.toAbsolutePath().normalize().resolve(".shipshape").resolve("store");
        other = DriverManager.getConnection("jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE;TRACE_LEVEL_FILE=0");
        other.setAutoCommit(false);
        feed = new EventFeed(EventSource.of(StoreAccess.of(store)), nanos::get, Duration.ofSeconds(2), 100);
        cursor = feed.after(null, 0);
        store.runs().create(new NewRun("r-1", "shop", "prod", "1.4.0", null, "deploy", "alice", null, null, T0,
                List.of("build"), List.of(StepRecord.pending("r-1", "build.compile", "build", Phase.MAIN, 1,
                "compile", "run", "mvn package", true)), null));
    }

    @AfterEach
    void closeBoth() throws SQLException {
        other.close();
        store.close();
    }

    private List<EventRecord> poll() {
        EventFeed.Batch batch = feed.next(cursor);
        cursor = batch.cursor();
        return batch.events();
    }

    private void insertUncommitted(String message) throws SQLException {
        try (PreparedStatement insert = other.prepareStatement(
                "INSERT INTO events (run_id, at, kind, subject, message) VALUES ('r-1', ?, 'note', NULL, ?)")) {
            insert.setLong(1, T0.toEpochMilli());
            insert.setString(2, message);
            insert.executeUpdate();
        }
    }

    private void note(String message, int second) {
        store.runs().record(new Note("r-1", T0.plusSeconds(second), "note", message));
    }

    @Test
    void aRunsReplayStartsJustBeforeItsFirstEventAndSendsAllOfItsOwn() {
        note("r-1 before", 1);
        store.runs().create(new NewRun("r-2", "shop", "prod", "1.5.0", null, "deploy", "alice", null, null, T0,
                List.of("build"), List.of(), null));
        store.runs().record(new Note("r-2", T0.plusSeconds(2), "note", "r-2 first"));
        note("r-1 between", 3);
        store.runs().record(new Note("r-2", T0.plusSeconds(4), "note", "r-2 second"));
        long first = store.runs().eventsAfter(0, "r-2", 1).getFirst().seq();

        FeedCursor replay = feed.fromStartOf("r-2");
        EventFeed.Batch batch = feed.next(replay);

        assertThat(replay.lastSeq()).isEqualTo(first - 1);
        assertThat(batch.events()).extracting(EventRecord::runId).containsOnly("r-2");
        assertThat(batch.events()).extracting(EventRecord::seq)
                .containsExactlyElementsOf(store.runs().eventsAfter(0, "r-2", 100).stream().map(EventRecord::seq)
                        .toList());
        assertThat(feed.fromStartOf("no-such-run").lastSeq()).isZero();
    }

    @Test
    void eventCommittedAfterALaterOneIsSentBeforeIt() throws SQLException {
        assertThat(poll()).extracting(EventRecord::seq, EventRecord::runId, EventRecord::at, EventRecord::kind,
                EventRecord::subject, EventRecord::message)
                .containsExactly(tuple(1L, "r-1", T0, "run.created", null, "deploy shop 1.4.0 to prod"));
        insertUncommitted("slow");
        note("fast", 2);

        assertThat(poll()).isEmpty();
        assertThat(cursor.nextSeq()).isEqualTo(2);
        other.commit();

        assertThat(poll()).extracting(EventRecord::seq, EventRecord::message)
                .containsExactly(tuple(2L, "slow"), tuple(3L, "fast"));
    }

    @Test
    void seqOfARolledBackInsertIsPassedOverAfterTheGracePeriod() throws SQLException {
        poll();
        insertUncommitted("rolled back");
        other.rollback();
        note("after", 2);

        assertThat(poll()).isEmpty();
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());

        assertThat(poll()).extracting(EventRecord::seq, EventRecord::message).containsExactly(tuple(3L, "after"));
        assertThat(cursor.pendingGap()).isEmpty();
    }
}
