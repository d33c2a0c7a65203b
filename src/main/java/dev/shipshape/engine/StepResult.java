package dev.shipshape.engine;

/**
 * The outcome of one attempt of a step.
 *
 * @param succeeded  whether the step did what was expected
 * @param exitCode   process exit code, or null for kinds without one
 * @param message    why, in one line: {@code exit code 3 (expected 0)}, {@code status 503 (expected 200)},
 *                   {@code timed out after 5m}; never contains secret values
 * @param outputTail the last part of the output, redacted
 * @param outputSize bytes of output in total, before truncation
 * @param timedOut   the attempt was stopped by its timeout
 * @param cancelled  the attempt was stopped because the run was cancelled
 * @param paused     the step could not decide and asks a person: the run halts (no retry, no rollback)
 *                   until {@code resume} says what to do
 */
public record StepResult(boolean succeeded, Integer exitCode, String message, String outputTail, long outputSize,
                         boolean timedOut, boolean cancelled, boolean paused) {

    public StepResult(boolean succeeded, Integer exitCode, String message, String outputTail, long outputSize,
                      boolean timedOut, boolean cancelled) {
        this(succeeded, exitCode, message, outputTail, outputSize, timedOut, cancelled, false);
    }

    /** Not a success, not a failure: a person decides (e.g. an inconclusive analysis set to pause). */
    public static StepResult pause(String message, String outputTail) {
        return new StepResult(false, null, message, outputTail, outputTail == null ? 0 : outputTail.length(), false,
                false, true);
    }

    public static StepResult success(Integer exitCode, String message, String outputTail, long outputSize) {
        return new StepResult(true, exitCode, message, outputTail, outputSize, false, false);
    }

    public static StepResult failure(Integer exitCode, String message, String outputTail, long outputSize) {
        return new StepResult(false, exitCode, message, outputTail, outputSize, false, false);
    }

    /** The attempt was stopped by its time limit (whatever it started was killed). */
    public static StepResult timedOut(String message, String outputTail, long outputSize) {
        return new StepResult(false, null, message, outputTail, outputSize, true, false);
    }

    /** The attempt was stopped because the run is being cancelled. */
    public static StepResult cancelled(String message, String outputTail, long outputSize) {
        return new StepResult(false, null, message, outputTail, outputSize, false, true);
    }
}
