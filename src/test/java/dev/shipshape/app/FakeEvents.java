package dev.shipshape.app;

import dev.shipshape.engine.EventRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An event source that behaves like the store's table: {@link #insert} hands out the next seq at once, but the
 * event is visible only after {@link #commit}, in whatever order the commits come; {@link #rollBack} loses it.
 */
final class FakeEvents implements EventSource {

    private static final Instant AT = Instant.parse("2026-12-06T10:00:00Z");

    private final Map<Long, EventRecord> inserted = new TreeMap<>();
    private final TreeMap<Long, EventRecord> committed = new TreeMap<>();
    private long seq;

    /** Inserts an event in a transaction that has not committed yet; returns its seq. */
    long insert(String runId, String message) {
        seq++;
        inserted.put(seq, new EventRecord(seq, runId, AT.plusSeconds(seq), "note", null, message));
        return seq;
    }

    void commit(long seq) {
        committed.put(seq, inserted.remove(seq));
    }

    void rollBack(long seq) {
        inserted.remove(seq);
    }

    /** Inserts and commits at once. */
    long append(String runId, String message) {
        long appended = insert(runId, message);
        commit(appended);
        return appended;
    }

    @Override
    public List<EventRecord> after(long seq, int limit) {
        return committed.tailMap(seq, false).values().stream().limit(limit).toList();
    }

    @Override
    public long lastSeq() {
        return committed.isEmpty() ? 0 : committed.lastKey();
    }
}
