package dev.shipshape.rollback;

import dev.shipshape.engine.RunRecord;
import dev.shipshape.engine.State;
import dev.shipshape.engine.StepRecord;
import dev.shipshape.plan.Phase;
import java.time.Duration;
import java.util.List;

/** Builds rollback records from finished runs (pure), whether a person asked or a deployment rolled back. */
public final class RollbackRecords {

    public static final String AUTOMATIC = "shipshape (automatic)";

    private RollbackRecords() {
    }

    /** A {@code rollback} run: every step it ran. */
    public static RollbackRecord ofRollbackRun(RunRecord run, List<StepRecord> steps, String type, String reason) {
        return of(run, run.startedBy(), reason, run.version(), run.previousVersion(), type,
                steps.stream().filter(s -> s.state() != State.PENDING).toList());
    }

    /** A deployment that rolled back by itself: its rollback steps, from the new version back to the previous. */
    public static RollbackRecord ofDeployment(RunRecord run, List<StepRecord> steps) {
        return of(run, AUTOMATIC, run.reason(), run.version(), run.previousVersion(), "full",
                steps.stream().filter(s -> s.phase() == Phase.ROLLBACK && s.state() != State.PENDING).toList());
    }

    private static RollbackRecord of(RunRecord run, String by, String reason, String from, String to, String type,
                                     List<StepRecord> steps) {
        long millis = run.finishedAt() == null ? 0 : Duration.between(run.createdAt(), run.finishedAt()).toMillis();
        return new RollbackRecord(run.runId(), run.service(), run.environment(), by, run.createdAt(), reason, from,
                to, type, steps.stream().map(s -> s.stepId() + " " + s.state().label()).toList(),
                run.status().label(), millis);
    }
}
