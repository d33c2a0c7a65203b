package dev.shipshape.engine;

import java.time.Instant;

/**
 * One line of a run's append-only event log.
 *
 * @param seq     order of writing, increasing
 * @param kind    {@code run.running}, {@code stage.succeeded}, {@code step.failed}, {@code lock.acquired} ...
 * @param subject the stage or step id it is about, or null for the run
 */
public record EventRecord(long seq, String runId, Instant at, String kind, String subject, String message) {
}
