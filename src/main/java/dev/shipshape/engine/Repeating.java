package dev.shipshape.engine;

import dev.shipshape.plan.PlannedStep;
import dev.shipshape.runbook.Durations;
import dev.shipshape.runbook.Repeat;
import dev.shipshape.runbook.condition.Evaluation;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Runs a step with {@code repeat:}: each repetition (with its own retries) is noted before it starts, the wait until
 * the next one goes through the engine's sleeper and stops on cancellation, and {@code until} is decided after each
 * repetition over the step's own latest outcome and answer. A resumed run continues from the recorded repetitions:
 * the next is due {@code every} after the latest started (a repetition the stop interrupted counts as one). The
 * step's final record says how many ran, over how long (first to latest start), and took the whole time.
 */
final class Repeating {

    private final Attempts attempts;
    private final Journal journal;
    private final Progress progress;
    private final Conditions conditions;

    Repeating(Attempts attempts, Journal journal, Progress progress, Conditions conditions) {
        this.attempts = attempts;
        this.journal = journal;
        this.progress = progress;
        this.conditions = conditions;
    }

    /**
     * Runs the step's repetitions from where they stand to the step's result.
     *
     * @param cancellable whether cancellation stops the repetitions (not those of rollback and always-steps)
     */
    StepResult run(PlannedStep step, StageBudget budget, Cancellation cancel, boolean cancellable) {
        Repeat repeat = step.step().options().repeat();
        String id = step.id();
        while (true) {
            Repetitions done = progress.repetitions(id);
            if (done.count() > 0) {
                Instant due = done.last().plus(repeat.every());
                if (!repeat.another(done.count(), done.first(), due)) {
                    return over(step, done, boundReached(step, repeat, done));
                }
                if (!waitUntil(due, cancel, cancellable)) {
                    return over(step, done, StepResult.cancelled("cancelled while waiting for repetition "
                            + (done.count() + 1), null, 0));
                }
            }
            Instant now = journal.clock().instant();
            int number = done.count() + 1;
            journal.note(Repetitions.STARTED, id + " repetition " + number + " (" + repeat.describe() + ")");
            progress.repetitionStarted(id, now);
            StepResult result = attempts.run(step, budget, cancel, cancellable);
            progress.finished(id, result);
            if (result.cancelled() || result.paused()) {
                return result;
            }
            Repetitions latest = progress.repetitions(id);
            if (repeat.until() != null) {
                if (held(step, repeat)) {
                    return over(step, latest, new StepResult(new StepOutcome.Succeeded("until held after repetition "
                            + number), result.exitCode(), result.outputTail(), result.outputSize(), result.json()));
                }
            } else if (!result.succeeded()) {
                return over(step, latest, result);
            }
            if (repeat.times() != null && number >= repeat.times() || !repeat.another(number, latest.first(),
                    latest.last().plus(repeat.every()))) {
                return over(step, latest, repeat.until() != null ? boundReached(step, repeat, latest) : result);
            }
        }
    }

    /** Waits through the engine's sleeper until {@code due}; false when the run was cancelled first. */
    private boolean waitUntil(Instant due, Cancellation cancel, boolean cancellable) {
        Duration wait = Duration.between(journal.clock().instant(), due);
        return wait.isNegative() || wait.isZero()
                || attempts.sleeper().sleep(wait, () -> cancellable && cancel.requested());
    }

    private boolean held(PlannedStep step, Repeat repeat) {
        return switch (repeat.until().evaluate(conditions.facts())) {
            case Evaluation.Decided d when d.holds() -> true;
            case Evaluation.Decided d -> {
                journal.note("step.when", step.id() + ": repeats on, until" + repeat.until().wasFalse(d.shown())
                        .substring("when".length()));
                yield false;
            }
            case Evaluation.Undecided u -> {
                journal.note("step.when", step.id() + ": repeats on, until cannot be decided yet: " + u.why());
                yield false;
            }
        };
    }

    /** What ends repetitions that ran out: without until the last result stands; with it the step failed. */
    private StepResult boundReached(PlannedStep step, Repeat repeat, Repetitions done) {
        if (repeat.until() == null) {
            Integer exit = progress.exitCode(step.id());
            StepResult recorded = progress.step(step.id()) == State.SUCCEEDED
                    ? StepResult.success(exit, "the last repetition succeeded", null, 0)
                    : StepResult.failure(exit, "the last repetition failed", null, 0);
            return recorded.withJson(progress.json(step.id()));
        }
        return StepResult.failure(null, "until " + repeat.until().source().strip() + " did not hold after "
                + done.count() + " repetitions", null, 0);
    }

    /** Records the end of the repetitions and the step's final state, saying how many ran. */
    private StepResult over(PlannedStep step, Repetitions done, StepResult result) {
        String span = done.count() < 2 ? "" : " over " + Durations.format(Duration.between(done.first(), done.last())
                .truncatedTo(ChronoUnit.SECONDS));
        String message = "repeated " + done.count() + (done.count() == 1 ? " time" : " times") + span + ": "
                + result.message();
        journal.note(Repetitions.OVER, step.id() + " " + message);
        progress.repetitionsOver(step.id());
        StepResult last = result.withMessage(message);
        long took = done.first() == null ? 0 : Duration.between(done.first(), journal.clock().instant()).toMillis();
        journal.stepDone(step.id(), last.succeeded() ? State.SUCCEEDED : State.FAILED, 1, last, took);
        progress.finished(step.id(), last);
        return last;
    }
}
