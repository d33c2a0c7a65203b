package dev.shipshape.engine;

import dev.shipshape.time.Sleeper;
import dev.shipshape.plan.PlannedStep;
import dev.shipshape.runbook.Durations;
import dev.shipshape.time.Ticks;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Runs a step until it succeeds or its retries are used up, recording each attempt, waiting with
 * a doubling backoff between attempts, and never giving an attempt more time than its stage has left.
 */
final class Attempts {

    private final StepExecutor executor;
    private final Journal journal;
    private final Secrets secrets;
    private final Path workdir;
    private final Sleeper sleeper;

    Attempts(StepExecutor executor, Journal journal, Secrets secrets, Path workdir, Sleeper sleeper) {
        this.executor = executor;
        this.journal = journal;
        this.secrets = secrets;
        this.workdir = workdir;
        this.sleeper = sleeper;
    }

    /** How the engine waits (between attempts, and between a repeating step's repetitions). */
    Sleeper sleeper() {
        return sleeper;
    }

    /**
     * @param budget      the stage's time budget, or null
     * @param cancellable whether cancellation stops this step (rollback steps are not cancellable)
     */
    StepResult run(PlannedStep step, StageBudget budget, Cancellation cancel, boolean cancellable) {
        var options = step.step().options();
        StepResult result = null;
        for (int attempt = 1; attempt <= options.retries() + 1; attempt++) {
            if (attempt > 1 && !waitBeforeRetry(step, attempt, result, cancel, cancellable)) {
                return result;
            }
            result = once(step, attempt, budget, cancel, cancellable);
            if (result.succeeded() || result.cancelled() || result.paused() || result.timedOut() && pastDeadline(budget)) {
                return result;
            }
        }
        return result;
    }

    private StepResult once(PlannedStep step, int attempt, StageBudget budget, Cancellation cancel,
                            boolean cancellable) {
        journal.stepRunning(step.id(), attempt);
        long started = Ticks.SYSTEM.nanos();
        StepResult result = unresolvable(step);
        if (result == null) {
            Duration own = ownTimeout(step);
            Duration timeout = budget == null ? own : min(own, Duration.between(journal.clock().instant(),
                    budget.deadline()));
            result = timeout.isNegative() || timeout.isZero()
                    ? StepResult.failure(null, budget.usedUp(), null, 0)
                    : executeLive(step, attempt, timeout, cancel, cancellable);
            if (result.timedOut() && timeout.compareTo(own) < 0) {
                result = StepResult.timedOut(budget.usedUp() + "; killed the process tree",
                        result.outputTail(), result.outputSize());
            }
        }
        long millis = (Ticks.SYSTEM.nanos() - started) / 1_000_000;
        journal.stepDone(step.id(), result.succeeded() ? State.SUCCEEDED : State.FAILED, attempt, result, millis);
        return result;
    }

    /**
     * An executor that throws instead of returning a result fails the step, not the run: the run
     * then rolls back per its policy instead of staying "running", and the message is redacted
     * because exceptions may quote revealed values (a URL with a token, say).
     */
    private StepResult executeGuarded(PlannedStep step, StepContext context) {
        try {
            return executor.execute(step, context);
        } catch (RuntimeException e) {
            String what = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            return StepResult.failure(null, secrets.redact("the step could not run: " + what), null, 0);
        }
    }

    /** Runs the attempt with its output kept in the store as it comes. */
    private StepResult executeLive(PlannedStep step, int attempt, Duration timeout, Cancellation cancel,
                                   boolean cancellable) {
        try (LiveOutput live = journal.liveOutput(step.id(), attempt)) {
            return executeGuarded(step, context(step, timeout, cancel, cancellable, live));
        }
    }

    private StepContext context(PlannedStep step, Duration timeout, Cancellation cancel, boolean cancellable,
                                LiveOutput live) {
        return new StepContext(journal.runId(), workdir, timeout, secrets, line -> {
            live.line(line);
            journal.output(step.id(), line);
        }, () -> cancellable && cancel.requested(), group -> journal.stepProcess(step.id(), group));
    }

    /** A step that needs {@code ${previous_version}} when no version ever succeeded here cannot run. */
    private static StepResult unresolvable(PlannedStep step) {
        return step.needsPreviousVersion() ? StepResult.failure(null, "${previous_version} is unknown: no earlier version succeeded"
                + " in this environment", null, 0) : null;
    }

    private static Duration ownTimeout(PlannedStep step) {
        return step.step().options().timeout() != null ? step.step().options().timeout()
                : step.step().defaultTimeout();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private boolean pastDeadline(StageBudget budget) {
        return budget != null && !journal.clock().instant().isBefore(budget.deadline());
    }

    private boolean waitBeforeRetry(PlannedStep step, int attempt, StepResult last, Cancellation cancel,
                                    boolean cancellable) {
        Duration wait = step.step().options().backoff().multipliedBy(1L << Math.min(attempt - 2, 16));
        journal.note("step.retry", step.id() + ": attempt " + attempt + " of " + (step.step().options().retries() + 1)
                + " in " + Durations.format(wait) + " after: " + last.message());
        return sleeper.sleep(wait, () -> cancellable && cancel.requested());
    }
}
