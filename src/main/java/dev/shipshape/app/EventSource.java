package dev.shipshape.app;

import dev.shipshape.engine.EventRecord;
import java.util.List;

/** Where an {@link EventFeed} reads the events of every run: the store, or a fake in tests. */
public interface EventSource {

    /** The events of every run with a seq above {@code seq}, in order of seq, at most {@code limit}. */
    List<EventRecord> after(long seq, int limit);

    /** The highest seq written so far, 0 when there is none. */
    long lastSeq();

    /**
     * The lowest seq of a run's events visible now, or 0 when it has none (or the source cannot tell): a run's
     * events are written one after the other, so none of its events with a lower seq can still commit.
     */
    default long firstSeqOf(String runId) {
        return 0;
    }

    /** The store's events; none while there is no store (nothing is created to read it). */
    static EventSource of(StoreAccess store) {
        return new EventSource() {
            @Override
            public List<EventRecord> after(long seq, int limit) {
                return store.readIfExists(s -> s.runs().eventsAfter(seq, null, limit)).orElse(List.of());
            }

            @Override
            public long lastSeq() {
                return store.readIfExists(s -> s.runs().lastEventSeq()).orElse(0L);
            }

            @Override
            public long firstSeqOf(String runId) {
                return store.readIfExists(s -> s.runs().eventsAfter(0, runId, 1)).orElse(List.of()).stream()
                        .mapToLong(EventRecord::seq).findFirst().orElse(0L);
            }
        };
    }
}
