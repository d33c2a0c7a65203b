package dev.shipshape.engine;

/**
 * The outcome of one attempt of a step, with what it printed.
 *
 * @param exitCode   process exit code, or null for kinds without one
 * @param outputTail the last part of the output, redacted
 * @param outputSize bytes of output in total, before truncation
 * @param json       the step's answer when it was JSON (an http or health step's last response body, redacted),
 *                   kept for later steps' conditions; null when there is none
 */
public record StepResult(StepOutcome outcome, Integer exitCode, String outputTail, long outputSize, String json) {

    /** The most of a JSON answer a run keeps for conditions; a longer one is not kept. */
    public static final int JSON_LIMIT = 64 * 1024;

    public StepResult(StepOutcome outcome, Integer exitCode, String outputTail, long outputSize) {
        this(outcome, exitCode, outputTail, outputSize, null);
    }

    /** The same result with the step's JSON answer kept, when it is one and not over {@link #JSON_LIMIT}. */
    public StepResult withJson(String answer) {
        boolean kept = answer != null && answer.length() <= JSON_LIMIT && Json.isDocument(answer);
        return new StepResult(outcome, exitCode, outputTail, outputSize, kept ? answer : null);
    }

    /** The same result saying {@code text} instead (a repeating step's last result, with how many ran). */
    public StepResult withMessage(String text) {
        StepOutcome said = switch (outcome) {
            case StepOutcome.Succeeded s -> new StepOutcome.Succeeded(text);
            case StepOutcome.Failed f -> new StepOutcome.Failed(text);
            case StepOutcome.TimedOut t -> new StepOutcome.TimedOut(text);
            case StepOutcome.Cancelled c -> new StepOutcome.Cancelled(text);
            case StepOutcome.Paused p -> new StepOutcome.Paused(text);
        };
        return new StepResult(said, exitCode, outputTail, outputSize, json);
    }

    public static StepResult success(Integer exitCode, String message, String outputTail, long outputSize) {
        return new StepResult(new StepOutcome.Succeeded(message), exitCode, outputTail, outputSize);
    }

    public static StepResult failure(Integer exitCode, String reason, String outputTail, long outputSize) {
        return new StepResult(new StepOutcome.Failed(reason), exitCode, outputTail, outputSize);
    }

    /** Stopped by its timeout or its stage's budget; a killed process has no exit code to keep. */
    public static StepResult timedOut(String reason, String outputTail, long outputSize) {
        return new StepResult(new StepOutcome.TimedOut(reason), null, outputTail, outputSize);
    }

    public static StepResult cancelled(String reason, String outputTail, long outputSize) {
        return new StepResult(new StepOutcome.Cancelled(reason), null, outputTail, outputSize);
    }

    /** Not a success, not a failure: a person decides (e.g. an inconclusive analysis set to pause). */
    public static StepResult pause(String question, String outputTail) {
        return new StepResult(new StepOutcome.Paused(question), null, outputTail,
                outputTail == null ? 0 : outputTail.length());
    }

    /** Why, in one line; never contains secret values. */
    public String message() {
        return outcome.text();
    }

    public boolean succeeded() {
        return outcome instanceof StepOutcome.Succeeded;
    }

    public boolean timedOut() {
        return outcome instanceof StepOutcome.TimedOut;
    }

    public boolean cancelled() {
        return outcome instanceof StepOutcome.Cancelled;
    }

    public boolean paused() {
        return outcome instanceof StepOutcome.Paused;
    }
}
