package dev.shipshape.engine;

import java.time.Instant;

/** A run as stored. {@code finishedAt} is null until the run has a final outcome. */
public record RunRecord(String runId, String service, String environment, String version, String previousVersion,
                        String procedure, String startedBy, String runbookPath, String runbookText,
                        RunStatus status, String reason, Instant createdAt, Instant finishedAt) {

    /** Refuses to go on with a run that already has a final outcome; a new run is needed. */
    public RunRecord requireUnfinished() {
        if (status.isFinal()) {
            throw new dev.shipshape.ShipshapeException(dev.shipshape.ShipshapeException.Code.INVALID_INPUT, "run "
                    + runId + " already ended: " + status.label() + "; start a new one with: shipshape deploy");
        }
        return this;
    }
}
