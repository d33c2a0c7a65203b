package dev.shipshape.engine;

import java.time.Instant;

/** A stage of a run as stored; {@code position} is its 1-based place in execution order. */
public record StageRecord(String runId, String stage, int position, State state, String reason,
                          Instant startedAt, Instant finishedAt) {
}
