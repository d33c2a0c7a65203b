package dev.shipshape.engine;

import java.time.Clock;

/**
 * Records changes of one run: first durably in the store, then to the listener. The engine
 * never goes on before the store has the change.
 */
final class Journal {

    private final String runId;
    private final RunStore store;
    private final RunListener listener;
    private final Clock clock;

    Journal(String runId, RunStore store, RunListener listener, Clock clock) {
        this.runId = runId;
        this.store = store;
        this.listener = listener;
        this.clock = clock;
    }

    void run(RunStatus status, String reason) {
        record(new Change.RunChanged(runId, clock.instant(), status, reason));
    }

    void stage(String stage, State state, String reason) {
        record(new Change.StageChanged(runId, clock.instant(), stage, state, reason));
    }

    void stepRunning(String stepId, int attempt) {
        record(new Change.StepChanged(runId, clock.instant(), stepId, State.RUNNING, attempt, null, null, 0, null,
                attempt == 1 ? "started" : "attempt " + attempt));
    }

    void stepDone(String stepId, State state, int attempt, StepResult result, long millis) {
        record(new Change.StepChanged(runId, clock.instant(), stepId, state, attempt, result.exitCode(),
                result.outputTail(), result.outputSize(), millis, result.message(), result.json()));
    }

    void stepProcess(String stepId, long group) {
        record(new Change.ProcessStarted(runId, clock.instant(), stepId, ProcessIdentity.host(), group));
    }

    void stepSkipped(String stepId, String why) {
        record(new Change.StepChanged(runId, clock.instant(), stepId, State.SKIPPED, 0, null, null, 0, null, why));
    }

    void note(String kind, String message) {
        record(new Change.Note(runId, clock.instant(), kind, message));
    }

    void output(String stepId, String line) {
        listener.output(stepId, line);
    }

    /** Keeps a running attempt's output in the store as it comes (for {@code logs --follow}). */
    LiveOutput liveOutput(String stepId, int attempt) {
        return LiveOutput.start(store, runId, stepId, attempt);
    }

    String runId() {
        return runId;
    }

    Clock clock() {
        return clock;
    }

    private void record(Change change) {
        store.record(change);
        listener.changed(change);
    }
}
