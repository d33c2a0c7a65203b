package dev.shipshape.engine;

import dev.shipshape.plan.Plan;
import dev.shipshape.plan.PlannedStage;
import dev.shipshape.plan.PlannedStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The end of a run: undoing the stages that started, latest first, when a failure asks for it;
 * then the always-steps, whatever happened. Neither can be cancelled, and finished steps are not
 * run again when a run is resumed here. A step that was running when the run stopped follows the
 * same rule as a main step: re-run when idempotent, otherwise the run halts and asks.
 */
final class Unwinding {

    private final Plan plan;
    private final Journal journal;
    private final Attempts attempts;
    private final Cancellation cancel;
    private final Progress progress;
    private final StageLog stages;
    private final ResumeChoice choice;
    private final Conditions conditions;

    private final Repeating repeating;

    Unwinding(Plan plan, Journal journal, Attempts attempts, Cancellation cancel, Progress progress,
              StageLog stages, ResumeChoice choice, Conditions conditions, Repeating repeating) {
        this.repeating = repeating;
        this.plan = plan;
        this.journal = journal;
        this.attempts = attempts;
        this.cancel = cancel;
        this.progress = progress;
        this.stages = stages;
        this.choice = choice;
        this.conditions = conditions;
    }

    /**
     * Undoes the stages that started, latest first. Rolled back only when at least one rollback step
     * succeeded; with nothing undone (no rollback steps, or nothing to roll back to on a first deploy)
     * the run failed, and the reason says so.
     */
    RunOutcome rollBack(String reason) {
        journal.run(RunStatus.ROLLING_BACK, reason);
        List<String> skipped = new ArrayList<>();
        int undone = alreadyRolledBack();
        for (PlannedStage stage : toRollBack()) {
            if (stage.nothingToRollBackTo()) {
                skipped.add(skipFirstDeploy(stage));
                continue;
            }
            stages.set(stage.name(), State.RUNNING, "rolling back");
            for (PlannedStep step : stage.rollback()) {
                if (progress.step(step.id()) == State.SUCCEEDED) {
                    undone++;
                    continue;
                }
                if (skipped(step)) {
                    continue;
                }
                Conditions.Verdict verdict = decide(step);
                if (verdict.skip() != null) {
                    continue;
                }
                Optional<StepResult> decided = verdict.undecided() != null
                        ? Optional.of(conditions.undecided(step, verdict)) : interrupted(step, "rollback step");
                if (decided.isPresent() && decided.get().paused()) {
                    return halted(decided.get());
                }
                StepResult result = decided.orElseGet(() -> run(step));
                if (!result.succeeded()) {
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

    /** @return the outcome of the run, or a halt when an interrupted always-step needs a person */
    RunOutcome runAlways(RunOutcome outcome) {
        conditions.runEnded(outcome.status());
        for (PlannedStep planned : plan.always()) {
            PlannedStep step = RunOutcomeText.fill(planned, outcome.status());
            if (progress.step(step.id()).finished() || skipped(step)) {
                continue;
            }
            Conditions.Verdict verdict = decide(step);
            if (verdict.skip() != null) {
                continue;
            }
            if (verdict.undecided() != null) {
                conditions.undecided(step, verdict);
                continue;
            }
            Optional<StepResult> decided = interrupted(step, "always-step");
            if (decided.isPresent() && decided.get().paused()) {
                return halted(decided.get());
            }
            if (decided.isEmpty()) {
                run(step);
            }
        }
        return outcome;
    }

    /**
     * A step that was running when the run stopped. Empty: run it (again). Otherwise its result without
     * running it: failed when the person chose {@code --rollback}, paused when the run must halt and ask.
     */
    private Optional<StepResult> interrupted(PlannedStep step, String kind) {
        if (progress.step(step.id()) != State.RUNNING) {
            return Optional.empty();
        }
        String what = kind + " " + step.id() + " was running when the run stopped";
        if (step.step().idempotent() || choice == ResumeChoice.RERUN) {
            journal.note("step.rerun", what + (step.step().idempotent() ? "; it is idempotent, so it runs again"
                    : " and is not idempotent; re-running it as asked"));
            return Optional.empty();
        }
        if (choice == ResumeChoice.ROLLBACK) {
            StepResult failed = StepResult.failure(null, what + " and is not idempotent; treated as failed", null, 0);
            journal.stepDone(step.id(), State.FAILED, 0, failed, 0);
            progress.step(step.id(), State.FAILED);
            return Optional.of(failed);
        }
        return Optional.of(StepResult.pause(what + " and is not idempotent; check what it did, then run: shipshape"
                + " resume " + journal.runId() + " --rerun (or --rollback to count it as failed)", null));
    }

    /** A pending step's condition, decided; one that was false is recorded as skipped. */
    private Conditions.Verdict decide(PlannedStep step) {
        if (progress.step(step.id()) != State.PENDING) {
            return Conditions.Verdict.RUN;
        }
        Conditions.Verdict verdict = conditions.decide(step.id(), step.when());
        if (verdict.skip() != null) {
            journal.stepSkipped(step.id(), verdict.skip());
            progress.step(step.id(), State.SKIPPED);
        }
        return verdict;
    }

    /** A step the plan (or an earlier decision) leaves out: recorded as skipped once, with why. */
    private boolean skipped(PlannedStep step) {
        if (progress.step(step.id()) == State.SKIPPED) {
            return true;
        }
        if (!step.skipped()) {
            return false;
        }
        journal.stepSkipped(step.id(), step.skip());
        progress.step(step.id(), State.SKIPPED);
        return true;
    }

    private RunOutcome halted(StepResult paused) {
        return new RunOutcome(journal.runId(), RunStatus.HALTED, paused.message());
    }

    private StepResult run(PlannedStep step) {
        StepResult result = step.step().options().repeat() != null ? repeating.run(step, null, cancel, false)
                : attempts.run(step, null, cancel, false);
        progress.finished(step.id(), result);
        return result;
    }

    /** Stages a resumed run had already rolled back before it stopped. */
    private int alreadyRolledBack() {
        return (int) plan.stages().stream().filter(s -> progress.stage(s.name()) == State.ROLLED_BACK).count();
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
