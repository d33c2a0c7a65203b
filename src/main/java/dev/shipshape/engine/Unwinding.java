package dev.shipshape.engine;

import dev.shipshape.plan.Plan;
import dev.shipshape.plan.PlannedStage;
import dev.shipshape.plan.PlannedStep;
import java.util.ArrayList;
import java.util.List;

/**
 * The end of a run: undoing the stages that started, latest first, when a failure asks for it;
 * then the always-steps, whatever happened. Neither can be cancelled, and finished steps are not
 * run again when a run is resumed here.
 */
final class Unwinding {

    private final Plan plan;
    private final Journal journal;
    private final Attempts attempts;
    private final Cancellation cancel;
    private final Progress progress;
    private final StageLog stages;

    Unwinding(Plan plan, Journal journal, Attempts attempts, Cancellation cancel, Progress progress,
              StageLog stages) {
        this.plan = plan;
        this.journal = journal;
        this.attempts = attempts;
        this.cancel = cancel;
        this.progress = progress;
        this.stages = stages;
    }

    RunOutcome rollBack(String reason) {
        journal.run(RunStatus.ROLLING_BACK, reason);
        for (PlannedStage stage : toRollBack()) {
            stages.set(stage.name(), State.RUNNING, "rolling back");
            for (PlannedStep step : stage.rollback()) {
                if (progress.step(step.id()) == State.SUCCEEDED) {
                    continue;
                }
                StepResult result = run(step);
                if (!result.succeeded()) {
                    String why = "rollback step " + step.id() + " failed: " + result.message() + " (after: " + reason
                            + ")";
                    stages.set(stage.name(), State.FAILED, why);
                    return new RunOutcome(journal.runId(), RunStatus.ROLLBACK_FAILED, why);
                }
            }
            stages.set(stage.name(), State.ROLLED_BACK, null);
        }
        return new RunOutcome(journal.runId(), RunStatus.ROLLED_BACK, reason);
    }

    void runAlways() {
        for (PlannedStep step : plan.always()) {
            if (!progress.step(step.id()).finished()) {
                run(step);
            }
        }
    }

    private StepResult run(PlannedStep step) {
        StepResult result = attempts.run(step, null, cancel, false);
        progress.step(step.id(), result.succeeded() ? State.SUCCEEDED : State.FAILED);
        return result;
    }

    /** Stages that started (succeeded, or failed part-way) and have rollback steps, latest first. */
    private List<PlannedStage> toRollBack() {
        List<PlannedStage> started = new ArrayList<>();
        for (PlannedStage stage : plan.stages()) {
            State state = progress.stage(stage.name());
            boolean begun = state == State.SUCCEEDED || state == State.FAILED || state == State.RUNNING;
            if (begun && !stage.rollback().isEmpty()) {
                started.addFirst(stage);
            }
        }
        return started;
    }
}
