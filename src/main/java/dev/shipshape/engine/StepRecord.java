package dev.shipshape.engine;

import dev.shipshape.plan.Phase;
import java.time.Instant;

/**
 * A step of a run as stored.
 *
 * @param position   1-based place in the run's whole plan (main steps, then rollback, then always)
 * @param summary    what the step does, with secrets masked (for {@code show} and {@code plan})
 * @param idempotent whether resume may re-run it after an interruption
 * @param json       its latest attempt's JSON answer (redacted), for later steps' conditions, or null
 */
public record StepRecord(String runId, String stepId, String stage, Phase phase, int position, String name,
                         String kind, String summary, boolean idempotent, State state, int attempts,
                         Integer exitCode, String outputTail, long outputSize, Long durationMillis, String message,
                         Instant startedAt, Instant finishedAt, String json) {

    public StepRecord(String runId, String stepId, String stage, Phase phase, int position, String name,
                      String kind, String summary, boolean idempotent, State state, int attempts,
                      Integer exitCode, String outputTail, long outputSize, Long durationMillis, String message,
                      Instant startedAt, Instant finishedAt) {
        this(runId, stepId, stage, phase, position, name, kind, summary, idempotent, state, attempts, exitCode,
                outputTail, outputSize, durationMillis, message, startedAt, finishedAt, null);
    }

    /** A step as planned: pending, never attempted. */
    public static StepRecord pending(String runId, String stepId, String stage, Phase phase, int position,
                                     String name, String kind, String summary, boolean idempotent) {
        return new StepRecord(runId, stepId, stage, phase, position, name, kind, summary, idempotent,
                State.PENDING, 0, null, null, 0, null, null, null, null);
    }
}
