package dev.shipshape.engine;

import java.time.Instant;
import java.util.List;

/**
 * Everything written when a run is created: the run row, one row per stage and per planned step
 * (all pending), in one transaction.
 *
 * @param runbookText the runbook as it was when the run started (secret references, never values),
 *                    so that resume re-plans exactly the same run
 * @param procedureName the runbook procedure a {@code procedure} run runs, else null
 */
public record NewRun(String runId, String service, String environment, String version, String previousVersion,
                     String procedure, String startedBy, String runbookPath, String runbookText, Instant createdAt,
                     List<String> stages, List<StepRecord> steps, String procedureName) {
    public NewRun {
        stages = List.copyOf(stages);
        steps = List.copyOf(steps);
    }

    /** A deployment or rollback run: no named procedure. */
    public NewRun(String runId, String service, String environment, String version, String previousVersion,
                  String procedure, String startedBy, String runbookPath, String runbookText, Instant createdAt,
                  List<String> stages, List<StepRecord> steps) {
        this(runId, service, environment, version, previousVersion, procedure, startedBy, runbookPath, runbookText,
                createdAt, stages, steps, null);
    }
}
