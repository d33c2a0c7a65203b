package dev.shipshape.engine;

/**
 * How one attempt of a step ended, with why in one line ({@code exit code 3 (expected 0)},
 * {@code status 503 (expected 200)}, {@code timed out after 5m}); never a secret value.
 */
public sealed interface StepOutcome {

    /** The line shown to people and recorded with the attempt. */
    String text();

    /** The step did what was expected. */
    record Succeeded(String text) implements StepOutcome {
    }

    /** The step ran and did not do what was expected: retried, then the stage's failure policy applies. */
    record Failed(String text) implements StepOutcome {
    }

    /** The attempt was stopped by its timeout or its stage's budget. */
    record TimedOut(String text) implements StepOutcome {
    }

    /** The attempt was stopped because the run was cancelled. */
    record Cancelled(String text) implements StepOutcome {
    }

    /** The step could not decide and asks a person: the run halts (no retry, no rollback) until resume says. */
    record Paused(String text) implements StepOutcome {
    }
}
