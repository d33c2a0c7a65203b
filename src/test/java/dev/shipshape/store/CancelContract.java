package dev.shipshape.store;

import static dev.shipshape.store.SampleRuns.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.shipshape.ShipshapeException;
import dev.shipshape.engine.Change.RunChanged;
import dev.shipshape.engine.EventRecord;
import dev.shipshape.engine.RunStatus;
import dev.shipshape.engine.RunStore;
import org.junit.jupiter.api.Test;

/** Asking a running run to stop, from this process or another one. */
interface CancelContract {

    RunStore store();

    @Test
    default void cancelRequestIsPendingUntilTheRunIsRecordedFinal() {
        store().create(SampleRuns.deploy("r-1"));
        assertThat(store().cancelRequest("r-1")).isEmpty();

        store().requestCancel("r-1", "bob", "wrong version", T0.plusSeconds(5));
        assertThat(store().cancelRequest("r-1")).contains("bob: wrong version");
        store().record(new RunChanged("r-1", T0.plusSeconds(6), RunStatus.ROLLING_BACK, "cancelled by bob"));
        assertThat(store().cancelRequest("r-1")).contains("bob: wrong version");

        store().record(new RunChanged("r-1", T0.plusSeconds(9), RunStatus.ROLLED_BACK, "cancelled by bob"));
        assertThat(store().cancelRequest("r-1")).isEmpty();
        assertThat(store().events("r-1")).filteredOn(e -> e.kind().equals("run.cancel_requested"))
                .extracting(EventRecord::message, EventRecord::at)
                .containsExactly(tuple("bob: wrong version", T0.plusSeconds(5)));
    }

    @Test
    default void haltingARunClearsItsCancelRequest() {
        store().create(SampleRuns.deploy("r-1"));
        store().requestCancel("r-1", "bob", "stop", T0.plusSeconds(5));

        store().record(new RunChanged("r-1", T0.plusSeconds(6), RunStatus.HALTED, "cancelled"));

        assertThat(store().cancelRequest("r-1")).isEmpty();
        assertThat(store().run("r-1").orElseThrow().finishedAt()).isNull();
    }

    @Test
    default void cancellingAnUnknownRunIsNotFound() {
        assertThatThrownBy(() -> store().requestCancel("nope", "bob", "stop", T0))
                .isInstanceOfSatisfying(ShipshapeException.class,
                        e -> assertThat(e.code()).isEqualTo(ShipshapeException.Code.NOT_FOUND));
        assertThat(store().cancelRequest("nope")).isEmpty();
        assertThat(store().events("nope")).isEmpty();
    }
}
