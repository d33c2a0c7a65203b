package dev.shipshape.rollback;

import java.time.Instant;
import java.util.List;

/**
 * What a rollback did, for the record: who, when, why, from which version to which, what type,
 * which steps with what outcome, and how long it took.
 *
 * @param by        the person, or {@code shipshape (automatic)} for a rollback a deployment started itself
 * @param type      full, application or database
 * @param steps     each step as {@code id state}, e.g. {@code deploy/rollback/1 succeeded}
 * @param outcome   the run's final status: succeeded, rolled_back, failed, rollback_failed
 */
public record RollbackRecord(String runId, String service, String environment, String by, Instant at, String reason,
                             String from, String to, String type, List<String> steps, String outcome,
                             long durationMillis) {

    public RollbackRecord {
        steps = List.copyOf(steps);
    }
}
