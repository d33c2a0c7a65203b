package dev.shipshape.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.shipshape.engine.RunRecord;
import java.time.Duration;
import java.time.Instant;

/**
 * A run as listed for machines ({@code runs --output json}, {@code GET /api/v1/runs}): the run's fields without its
 * stages and steps; the status in lower case, instants in ISO-8601, fields without a value left out.
 *
 * @param procedure      the kind of run: {@code deploy}, {@code rollback} or {@code procedure}
 * @param procedureName  the runbook procedure a {@code procedure} run ran
 * @param durationMillis from start to the final outcome; left out while the run goes on
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunSummary(String id, String service, String environment, String version, String previousVersion,
                         String procedure, String procedureName, String startedBy, String status, String reason,
                         Instant createdAt, Instant finishedAt, Long durationMillis) {

    public static RunSummary of(RunRecord r) {
        Long duration = r.finishedAt() == null ? null : Duration.between(r.createdAt(), r.finishedAt()).toMillis();
        return new RunSummary(r.runId(), r.service(), r.environment(), r.version(), r.previousVersion(), r.procedure(),
                r.procedureName(), r.startedBy(), r.status().label(), r.reason(), r.createdAt(), r.finishedAt(),
                duration);
    }
}
