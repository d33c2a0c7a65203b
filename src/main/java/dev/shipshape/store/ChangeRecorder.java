package dev.shipshape.store;

import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import dev.shipshape.engine.Change;
import dev.shipshape.engine.Change.Note;
import dev.shipshape.engine.Change.ProcessStarted;
import dev.shipshape.engine.Change.RunChanged;
import dev.shipshape.engine.Change.StageChanged;
import dev.shipshape.engine.Change.StepChanged;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Writes what a {@link Change} says: the new state, then its event, inside the caller's
 * transaction. The hot path of a run, called a few times per step, so it is two statements and
 * no look-ups; whether the run exists is learnt from the update count.
 */
final class ChangeRecorder {

    private ChangeRecorder() {
    }

    static void record(Connection connection, Change change) throws SQLException {
        switch (change) {
            case RunChanged run -> runChanged(connection, run);
            case StageChanged stage -> stageChanged(connection, stage);
            case StepChanged step -> stepChanged(connection, step);
            case ProcessStarted started -> processStarted(connection, started);
            case Note note -> {
                if (!EventLog.appendIfRunExists(connection, note.runId(), note.at(), note.kind(), note.message())) {
                    throw noRun(note.runId());
                }
            }
        }
    }

    private static void runChanged(Connection connection, RunChanged change) throws SQLException {
        if (!RunTable.setStatus(connection, change.runId(), change.status(), change.reason(), change.at())) {
            throw noRun(change.runId());
        }
        EventLog.append(connection, change.runId(), change.at(), "run." + change.status().label(), null,
                change.reason());
        if (change.status() == dev.shipshape.engine.RunStatus.SUCCEEDED
                || change.status() == dev.shipshape.engine.RunStatus.MONITORING) {
            LiveTable.deployed(connection, change.runId(), change.at());
        }
    }

    private static void stageChanged(Connection connection, StageChanged change) throws SQLException {
        if (!StageTable.update(connection, change)) {
            throw missing(connection, change.runId(), "stage", change.stage());
        }
        EventLog.append(connection, change.runId(), change.at(), "stage." + change.state().label(), change.stage(),
                change.reason());
    }

    private static void stepChanged(Connection connection, StepChanged change) throws SQLException {
        if (!StepTable.update(connection, change)) {
            throw missing(connection, change.runId(), "step", change.stepId());
        }
        EventLog.append(connection, change.runId(), change.at(), "step." + change.state().label(), change.stepId(),
                change.message());
    }

    private static void processStarted(Connection connection, ProcessStarted change) throws SQLException {
        if (!RunTable.exists(connection, change.runId())) {
            throw noRun(change.runId());
        }
        ProcessTable.record(connection, change);
        EventLog.append(connection, change.runId(), change.at(), "step.process", change.stepId(),
                "process group " + change.group() + " on " + change.host());
    }

    /** Only on the failure path: tell a missing run apart from a missing stage or step. */
    private static ShipshapeException missing(Connection connection, String runId, String what, String name)
            throws SQLException {
        if (!RunTable.exists(connection, runId)) {
            return noRun(runId);
        }
        return new ShipshapeException(Code.NOT_FOUND, "run " + runId + " has no " + what + " '" + name + "'");
    }

    static ShipshapeException noRun(String runId) {
        return new ShipshapeException(Code.NOT_FOUND, "no run " + runId + " in the store; check the run id");
    }
}
