package dev.shipshape.store;

import static dev.shipshape.store.SampleRuns.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.engine.Change.ProcessStarted;
import dev.shipshape.engine.Change.RunChanged;
import dev.shipshape.engine.Change.StepChanged;
import dev.shipshape.engine.RunStatus;
import dev.shipshape.engine.RunStore;
import dev.shipshape.engine.State;
import dev.shipshape.engine.StepProcess;
import org.junit.jupiter.api.Test;

/** Step processes: recorded per step (its latest attempt), found while the step and its run are unfinished. */
interface ProcessContract {

    RunStore store();

    private void running(String runId, String stepId, long group) {
        store().record(new StepChanged(runId, T0.plusSeconds(1), stepId, State.RUNNING, 1, null, null, 0, null,
                "started"));
        store().record(new ProcessStarted(runId, T0.plusSeconds(2), stepId, "host-a", group));
    }

    @Test
    default void theLatestProcessOfAStepStillRecordedAsRunningIsFoundByItsEnvironment() {
        store().create(SampleRuns.deploy("r-1"));
        running("r-1", "build.compile", 100);
        store().record(new ProcessStarted("r-1", T0.plusSeconds(3), "build.compile", "host-a", 200));

        assertThat(store().runningProcesses("shop", "prod"))
                .containsExactly(new StepProcess("r-1", "build.compile", "host-a", 200));
        assertThat(store().runningProcesses("shop", "staging")).isEmpty();
        assertThat(store().events("r-1")).anyMatch(e -> e.kind().equals("step.process")
                && e.message().equals("process group 200 on host-a"));
    }

    @Test
    default void aFinishedStepOrAFinishedRunHasNoRunningProcess() {
        store().create(SampleRuns.deploy("r-1"));
        running("r-1", "build.compile", 100);
        store().record(new StepChanged("r-1", T0.plusSeconds(4), "build.compile", State.SUCCEEDED, 1, 0, "", 0, 5L,
                "exit code 0"));
        store().create(SampleRuns.deploy("r-2"));
        running("r-2", "build.compile", 300);
        store().record(new RunChanged("r-2", T0.plusSeconds(5), RunStatus.FAILED, "cancelled"));

        assertThat(store().runningProcesses("shop", "prod")).isEmpty();
    }
}
