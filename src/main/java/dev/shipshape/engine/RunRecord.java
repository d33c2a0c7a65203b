package dev.shipshape.engine;

import java.time.Instant;

/** A run as stored. {@code finishedAt} is null until the run has a final outcome. */
public record RunRecord(String runId, String service, String environment, String version, String previousVersion,
                        String procedure, String startedBy, String runbookPath, String runbookText,
                        RunStatus status, String reason, Instant createdAt, Instant finishedAt) {
}
