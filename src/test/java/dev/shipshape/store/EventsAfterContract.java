package dev.shipshape.store;

import static dev.shipshape.store.SampleRuns.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.shipshape.engine.Change.Note;
import dev.shipshape.engine.EventRecord;
import dev.shipshape.engine.RunStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading what was written after a seq, as a follower of the store (a server's event stream) does. */
interface EventsAfterContract {

    RunStore store();

    /** Two runs whose events interleave: r-1 created, r-2 created, then notes a, b (r-1), c (r-2), d (r-1). */
    private List<EventRecord> twoRunsInterleaved() {
        store().create(SampleRuns.deploy("r-1"));
        store().create(SampleRuns.deploy("r-2", "cart", "test", "2.0.0", T0.plusSeconds(1)));
        store().record(new Note("r-1", T0.plusSeconds(2), "note", "a"));
        store().record(new Note("r-1", T0.plusSeconds(3), "note", "b"));
        store().record(new Note("r-2", T0.plusSeconds(4), "note", "c"));
        store().record(new Note("r-1", T0.plusSeconds(5), "note", "d"));
        return store().eventsAfter(0, null, 100);
    }

    @Test
    default void eventsOfEveryRunComeInTheOrderTheyWereWritten() {
        List<EventRecord> all = twoRunsInterleaved();

        assertThat(all).extracting(EventRecord::runId, EventRecord::kind, EventRecord::message).containsExactly(
                tuple("r-1", "run.created", "deploy shop 1.4.0 to prod"),
                tuple("r-2", "run.created", "deploy cart 2.0.0 to test"),
                tuple("r-1", "note", "a"), tuple("r-1", "note", "b"), tuple("r-2", "note", "c"),
                tuple("r-1", "note", "d"));
        assertThat(all).extracting(EventRecord::seq).isSorted().doesNotHaveDuplicates();
        assertThat(all.get(4).at()).isEqualTo(T0.plusSeconds(4));
    }

    @Test
    default void eventsAfterASeqAreOnlyTheLaterOnesUpToTheLimit() {
        List<EventRecord> all = twoRunsInterleaved();

        assertThat(store().eventsAfter(all.get(1).seq(), null, 2)).containsExactly(all.get(2), all.get(3));
        assertThat(store().eventsAfter(all.get(3).seq(), null, 100)).containsExactly(all.get(4), all.get(5));
        assertThat(store().eventsAfter(all.getLast().seq(), null, 100)).isEmpty();
        assertThat(store().eventsAfter(0, null, 0)).isEmpty();
    }

    @Test
    default void eventsAfterASeqCanBeThoseOfOneRun() {
        List<EventRecord> all = twoRunsInterleaved();

        assertThat(store().eventsAfter(0, "r-2", 100)).containsExactly(all.get(1), all.get(4));
        assertThat(store().eventsAfter(all.get(1).seq(), "r-1", 2)).containsExactly(all.get(2), all.get(3));
        assertThat(store().eventsAfter(0, "no-such-run", 100)).isEmpty();
    }

    @Test
    default void lastEventSeqIsZeroWithoutEventsAndTheNewestSeqOtherwise() {
        assertThat(store().lastEventSeq()).isZero();
        assertThat(store().eventsAfter(0, null, 100)).isEmpty();

        List<EventRecord> all = twoRunsInterleaved();

        assertThat(store().lastEventSeq()).isEqualTo(all.getLast().seq());
    }
}
