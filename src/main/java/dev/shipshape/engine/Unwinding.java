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

    /**
     * Undoes the stages that started, latest first. Rolled back only when at least one rollback step
     * succeeded; with nothing undone (no rollback steps, or nothing to roll back to on a first deploy)
     * the run failed, and the reason says so.
     */
    RunOutcome rollBack(String reason) {
        journal.run(RunStatus.ROLLING_BACK, reason);
        List<String> skipped = new ArrayList<>();
        int undone = 0;
        for (PlannedStage stage : toRollBack()) {
            if (stage.nothingToRollBackTo()) {
                skipped.add(skipFirstDeploy(stage));
                continue;
            }
            stages.set(stage.name(), State.RUNNING, "rolling back");
            for (PlannedStep step : stage.rollback()) {
                StepResult result = progress.step(step.id()) == State.SUCCEEDED ? null : run(step);
                if (result != null && !result.succeeded()) {
                    String why = "rollback step " + step.id() + " failed: " + result.message() + " (after: " + reason
                            + ")";
                    stages.set(stage.name(), State.FAILED, why);
                    return new RunOutcome(journal.runId(), RunStatus.ROLLBACK_FAILED, why);
                }
                undone++;
            }
            stages.set(stage.name(), State.ROLLED_BACK, null);
        }
        if (undone == 0) {
            return new RunOutcome(journal.runId(), RunStatus.FAILED, reason + "; nothing to undo: " + (skipped.isEmpty()
                    ? "no stage that ran has rollback steps" : String.join("; ", skipped)));
        }
        return new RunOutcome(journal.runId(), RunStatus.ROLLED_BACK, reason);
    }

    /** A first deploy has no earlier version: rollback steps that return to it are skipped, saying why. */
    private String skipFirstDeploy(PlannedStage stage) {
        String why = stage.name() + " has nothing to roll back to on a first deploy (no earlier version in "
                + plan.environment() + ")";
        stage.rollback().stream().filter(s -> !progress.step(s.id()).finished())
                .forEach(s -> journal.stepSkipped(s.id(), why));
        journal.note("rollback.skipped", why);
        return why;
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
