package dev.shipshape.engine;

import dev.shipshape.plan.PlannedStep;
import dev.shipshape.runbook.Durations;
import dev.shipshape.runbook.Placeholders;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Runs a step until it succeeds or its retries are used up, recording each attempt, waiting with
 * a doubling backoff between attempts, and never giving an attempt more time than its stage has left.
 */
final class Attempts {

    private final StepExecutor executor;
    private final Journal journal;
    private final Secrets secrets;
    private final Path workdir;

    Attempts(StepExecutor executor, Journal journal, Secrets secrets, Path workdir) {
        this.executor = executor;
        this.journal = journal;
        this.secrets = secrets;
        this.workdir = workdir;
    }

    /**
     * @param deadline    when the stage's budget runs out, or null
     * @param cancellable whether cancellation stops this step (rollback steps are not cancellable)
     */
    StepResult run(PlannedStep step, Instant deadline, Cancellation cancel, boolean cancellable) {
        var options = step.step().options();
        StepResult result = null;
        for (int attempt = 1; attempt <= options.retries() + 1; attempt++) {
            if (attempt > 1 && !waitBeforeRetry(step, attempt, result, cancel, cancellable)) {
                return result;
            }
            result = once(step, attempt, deadline, cancel, cancellable);
            if (result.succeeded() || result.cancelled() || result.timedOut() && pastDeadline(deadline)) {
                return result;
            }
        }
        return result;
    }

    private StepResult once(PlannedStep step, int attempt, Instant deadline, Cancellation cancel, boolean cancellable) {
        journal.stepRunning(step.id(), attempt);
        long started = System.nanoTime();
        StepResult result = unresolvable(step);
        if (result == null) {
            Duration timeout = timeout(step, deadline);
            result = timeout.isNegative() || timeout.isZero()
                    ? StepResult.failure(null, "stage " + step.stage() + " ran out of its time budget", null, 0)
                    : executor.execute(step, context(step, timeout, cancel, cancellable));
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        journal.stepDone(step.id(), result.succeeded() ? State.SUCCEEDED : State.FAILED, attempt, result, millis);
        return result;
    }

    private StepContext context(PlannedStep step, Duration timeout, Cancellation cancel, boolean cancellable) {
        return new StepContext(journal.runId(), workdir, timeout, secrets,
                line -> journal.output(step.id(), line), () -> cancellable && cancel.requested());
    }

    /** A step that needs {@code ${previous_version}} when no version ever succeeded here cannot run. */
    private static StepResult unresolvable(PlannedStep step) {
        boolean[] missing = {false};
        step.step().mapStrings(text -> {
            missing[0] |= Placeholders.find(text).stream()
                    .anyMatch(p -> p.kind() == Placeholders.Kind.PREVIOUS_VERSION);
            return text;
        });
        return missing[0] ? StepResult.failure(null, "${previous_version} is unknown: no earlier version succeeded"
                + " in this environment", null, 0) : null;
    }

    private Duration timeout(PlannedStep step, Instant deadline) {
        Duration own = step.step().options().timeout() != null ? step.step().options().timeout()
                : step.step().defaultTimeout();
        if (deadline == null) {
            return own;
        }
        Duration left = Duration.between(journal.clock().instant(), deadline);
        return left.compareTo(own) < 0 ? left : own;
    }

    private boolean pastDeadline(Instant deadline) {
        return deadline != null && !journal.clock().instant().isBefore(deadline);
    }

    private boolean waitBeforeRetry(PlannedStep step, int attempt, StepResult last, Cancellation cancel,
                                    boolean cancellable) {
        Duration wait = step.step().options().backoff().multipliedBy(1L << Math.min(attempt - 2, 16));
        journal.note("step.retry", step.id() + ": attempt " + attempt + " of " + (step.step().options().retries() + 1)
                + " in " + Durations.format(wait) + " after: " + last.message());
        long until = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < until) {
            if (cancellable && cancel.requested()) {
                return false;
            }
            sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
        }
        return true;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
