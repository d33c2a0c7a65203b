package dev.shipshape.engine;

import java.time.Instant;

/**
 * A run as stored. {@code finishedAt} is null until the run has a final outcome.
 *
 * @param procedure     what kind of run: {@code deploy}, {@code rollback} or {@code procedure}
 * @param procedureName the runbook procedure a {@code procedure} run runs, else null
 */
public record RunRecord(String runId, String service, String environment, String version, String previousVersion,
                        String procedure, String startedBy, String runbookPath, String runbookText,
                        RunStatus status, String reason, Instant createdAt, Instant finishedAt,
                        String procedureName) {

    /** A deployment or rollback run: no named procedure. */
    public RunRecord(String runId, String service, String environment, String version, String previousVersion,
                     String procedure, String startedBy, String runbookPath, String runbookText,
                     RunStatus status, String reason, Instant createdAt, Instant finishedAt) {
        this(runId, service, environment, version, previousVersion, procedure, startedBy, runbookPath, runbookText,
                status, reason, createdAt, finishedAt, null);
    }

    /** Whether this run ran one of the runbook's named procedures. */
    public boolean isProcedure() {
        return procedureName != null;
    }

    /** What the run did, in words: {@code procedure pool-exhausted}, {@code deploy}. */
    public String kindLabel() {
        return isProcedure() ? "procedure " + procedureName : procedure;
    }

    /** Refuses to go on with a run that already has a final outcome; a new run is needed. */
    public RunRecord requireUnfinished() {
        if (status.isFinal()) {
            throw new dev.shipshape.ShipshapeException(dev.shipshape.ShipshapeException.Code.INVALID_INPUT, "run "
                    + runId + " already ended: " + status.label() + "; start a new one with: shipshape deploy");
        }
        return this;
    }
}
