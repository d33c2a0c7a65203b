package dev.shipshape.engine;

import dev.shipshape.plan.Plan;
import dev.shipshape.plan.PlannedStage;
import dev.shipshape.plan.PlannedStep;
import dev.shipshape.runbook.OnFailure;
import dev.shipshape.runbook.OnInterrupted;
import java.util.Optional;

/**
 * Drives one run of a plan from wherever it stands: the stages in order, then (through
 * {@link Unwinding}) rollback when a stage failed and asks for it, and the always-steps. Finished
 * steps are never run again, so the same code starts a run and resumes one.
 */
final class Execution {

    /** Why the main phase stopped: null reason means every stage succeeded. */
    private record Stop(RunStatus next, String reason) {
    }

    /** Starts the watch of a stage (its secrets already bound by the engine). */
    interface Watches {
        StageWatch.Watching start(String runId, PlannedStage stage);
    }

    private final Plan plan;
    private final Journal journal;
    private final Attempts attempts;
    private final Cancellation cancel;
    private final Progress progress;
    private final ResumeChoice choice;
    private final Watches watch;
    private final StageLog stageLog;
    private final Unwinding unwinding;
    private final Conditions conditions;
    private final Repeating repeating;
    private final Monitoring monitoring;

    Execution(Plan plan, Journal journal, Attempts attempts, Cancellation cancel, Progress progress,
              ResumeChoice choice, Watches watch, Monitoring.Lock lock) {
        this.plan = plan;
        this.journal = journal;
        this.attempts = attempts;
        this.cancel = cancel;
        this.progress = progress;
        this.choice = choice;
        this.watch = watch;
        this.stageLog = new StageLog(journal, progress);
        this.conditions = new Conditions(plan, journal, progress);
        this.repeating = new Repeating(attempts, journal, progress, conditions);
        this.unwinding = new Unwinding(plan, journal, attempts, cancel, progress, stageLog, choice, conditions,
                repeating);
        this.monitoring = new Monitoring(plan, journal, progress, lock);
    }

    /** Runs from the given status (RUNNING, HALTED or ROLLING_BACK) to an outcome. */
    RunOutcome from(RunStatus status, String pendingReason) {
        Stop stop = status == RunStatus.ROLLING_BACK ? new Stop(RunStatus.ROLLING_BACK, pendingReason) : stages();
        if (stop.next() == RunStatus.HALTED) {
            journal.run(RunStatus.HALTED, stop.reason());
            return new RunOutcome(journal.runId(), RunStatus.HALTED, stop.reason());
        }
        RunOutcome outcome = switch (stop.next()) {
            case ROLLING_BACK -> unwinding.rollBack(stop.reason());
            default -> new RunOutcome(journal.runId(), stop.next(), stop.reason());
        };
        if (outcome.status() != RunStatus.HALTED) {
            outcome = unwinding.runAlways(outcome);
        }
        journal.run(outcome.status(), outcome.reason());
        return outcome;
    }

    private Stop stages() {
        String failed = null;
        for (PlannedStage stage : plan.stages()) {
            State state = progress.stage(stage.name());
            if (state.finished()) {
                failed = state == State.FAILED && failed == null ? stage.name() + " failed earlier" : failed;
                continue;
            }
            Optional<String> unmet = stage.skipped() ? Optional.of(stage.skip()) : unmetNeed(stage);
            if (unmet.isPresent()) {
                skip(stage, unmet.get());
                continue;
            }
            Conditions.Verdict verdict = state == State.PENDING ? conditions.decide(stage.name(), stage.when())
                    : Conditions.Verdict.RUN;
            if (verdict.skip() != null) {
                skip(stage, verdict.skip());
                continue;
            }
            Stop stop = verdict.undecided() != null
                    ? failed(stage, null, StepResult.failure(null, stage.name() + ": " + verdict.undecided(), null, 0))
                    : stage(stage);
            if (stop == null) {
                continue;
            }
            if (stop.next() != RunStatus.RUNNING) {
                return stop;
            }
            failed = failed == null ? stop.reason() : failed;
        }
        return failed == null ? new Stop(RunStatus.SUCCEEDED, null) : new Stop(RunStatus.FAILED, failed);
    }

    /** Runs one stage under its watch; null when it succeeded, else what the run does next (RUNNING = go on). */
    private Stop stage(PlannedStage stage) {
        setStage(stage.name(), State.RUNNING, null);
        StageWatch.Watching watching = watch.start(journal.runId(), stage);
        Stop bySteps = null;
        Optional<String> refused;
        try {
            bySteps = steps(stage);
        } finally {
            refused = watching.stop();
        }
        refused.ifPresent(why -> journal.note("stage.watch", stage.name() + ": " + why));
        Stop stop = stop(stage, bySteps, refused);
        if (stop == null) {
            setStage(stage.name(), State.SUCCEEDED, null);
        }
        return stop;
    }

    /** A stage whose steps passed still fails when its watch saw too much (e.g. downtime). */
    private Stop stop(PlannedStage stage, Stop byStepsOrNull, Optional<String> refused) {
        if (byStepsOrNull != null || refused.isEmpty()) {
            return byStepsOrNull;
        }
        return failed(stage, null, StepResult.failure(null, refused.get(), null, 0));
    }

    private Stop steps(PlannedStage stage) {
        StageBudget budget = StageBudget.of(stage.name(), stage.timeout(), journal.clock().instant());
        for (PlannedStep step : stage.steps()) {
            State state = progress.step(step.id());
            boolean stillRepeating = progress.repetitions(step.id()).unfinished();
            if (!stillRepeating && (state == State.SUCCEEDED || state == State.SKIPPED
                    || state == State.FAILED && progress.wasHandedOn(step.id()))) {
                continue;
            }
            if (step.skipped()) {
                skip(step, step.skip());
                continue;
            }
            Conditions.Verdict verdict = state == State.PENDING ? conditions.decide(step.id(), step.when())
                    : Conditions.Verdict.RUN;
            if (verdict.skip() != null) {
                skip(step, verdict.skip());
                continue;
            }
            if (verdict.undecided() != null) {
                return failed(stage, step, conditions.undecided(step, verdict));
            }
            if (stillRepeating && state.finished()) {
                journal.note("step.rerun", step.id() + " was repeating when the run stopped; its repetitions go on");
            }
            if (state == State.FAILED && choice == ResumeChoice.ROLLBACK) {
                // Only a paused step is left failed in an unfinished stage: a person chose to roll back.
                return failed(stage, step, StepResult.failure(null, "a person chose to roll back after a pause",
                        null, 0));
            }
            if (state == State.RUNNING && !step.step().idempotent()) {
                Optional<Stop> decided = interrupted(stage, step);
                if (decided.isPresent()) {
                    return decided.get();
                }
            } else if (state == State.RUNNING) {
                journal.note("step.rerun", step.id() + " was running when the run stopped; it is idempotent, so it"
                        + " runs again");
            }
            monitoring.before(step);
            StepResult result = step.step().options().repeat() != null ? repeating.run(step, budget, cancel, true)
                    : attempts.run(step, budget, cancel, true);
            progress.finished(step.id(), result);
            if (monitoring.active() && result.cancelled()) {
                return monitoringEnded(stage);
            }
            if (result.paused()) {
                return paused(stage, step, result);
            }
            if (!result.succeeded() && !conditions.handOn(step, result)) {
                return failed(stage, step, result);
            }
        }
        return null;
    }

    /** The deployment stays live: the monitor steps left are skipped, and the run succeeded, saying why it ended. */
    private Stop monitoringEnded(PlannedStage stage) {
        String reason = monitoring.ended(cancel.reason() == null ? "cancelled" : cancel.reason());
        for (PlannedStage s : plan.stages()) {
            s.steps().stream().filter(step -> !progress.step(step.id()).finished()).forEach(step -> skip(step, reason));
            if (!progress.stage(s.name()).finished() && !s.name().equals(stage.name())) {
                setStage(s.name(), State.SKIPPED, reason);
            }
        }
        setStage(stage.name(), State.SUCCEEDED, reason);
        return new Stop(RunStatus.SUCCEEDED, "live; " + reason);
    }

    private Optional<Stop> interrupted(PlannedStage stage, PlannedStep step) {
        String what = step.id() + " was running when the run stopped and is not idempotent";
        if (choice == ResumeChoice.RERUN) {
            journal.note("step.rerun", what + "; re-running it as asked");
            return Optional.empty();
        }
        if (choice == ResumeChoice.ROLLBACK || plan.onInterrupted() == OnInterrupted.ROLLBACK) {
            StepResult result = StepResult.failure(null, what + "; treated as failed", null, 0);
            journal.stepDone(step.id(), State.FAILED, 0, result, 0);
            progress.step(step.id(), State.FAILED);
            setStage(stage.name(), State.FAILED, result.message());
            return Optional.of(new Stop(RunStatus.ROLLING_BACK, result.message()));
        }
        return Optional.of(new Stop(RunStatus.HALTED, what + "; check what it did, then run: shipshape resume "
                + journal.runId() + " --rerun (or --rollback)"));
    }

    /** A step asked a person: halt; resume re-runs it, {@code --rollback} rolls back. */
    private Stop paused(PlannedStage stage, PlannedStep step, StepResult result) {
        if (choice == ResumeChoice.ROLLBACK) {
            return failed(stage, step, result);
        }
        return new Stop(RunStatus.HALTED, step.id() + " paused: " + result.message() + "; decide with: shipshape resume "
                + journal.runId() + " --rerun (measure again) or --rollback");
    }

    private Stop failed(PlannedStage stage, PlannedStep step, StepResult result) {
        String reason = result.cancelled() && cancel.reason() != null
                ? cancel.reason() : step == null ? result.message() : step.id() + " failed: " + result.message();
        setStage(stage.name(), State.FAILED, reason);
        OnFailure policy = stage.onFailure();
        if (result.cancelled() && policy == OnFailure.CONTINUE) {
            policy = OnFailure.STOP;
        }
        if (policy == OnFailure.ROLLBACK && monitoring.active()) {
            Optional<String> refused = monitoring.retakeToRollBack();
            if (refused.isPresent()) {
                return new Stop(RunStatus.FAILED, reason + "; not rolled back, as the environment is no longer free: "
                        + refused.get());
            }
        }
        return switch (policy) {
            case ROLLBACK -> new Stop(RunStatus.ROLLING_BACK, reason);
            case STOP -> new Stop(RunStatus.FAILED, reason);
            case CONTINUE -> new Stop(RunStatus.RUNNING, reason);
        };
    }

    private Optional<String> unmetNeed(PlannedStage stage) {
        return stage.needs().stream().filter(n -> progress.stage(n) != State.SUCCEEDED).findFirst()
                .map(n -> "needs " + n + ", which " + progress.stage(n).label().replace('_', ' '));
    }

    private void skip(PlannedStep step, String why) {
        journal.stepSkipped(step.id(), why);
        progress.step(step.id(), State.SKIPPED);
    }

    private void skip(PlannedStage stage, String why) {
        stage.steps().forEach(s -> journal.stepSkipped(s.id(), why));
        setStage(stage.name(), State.SKIPPED, why);
    }

    private void setStage(String name, State state, String reason) {
        stageLog.set(name, state, reason);
    }
}
