package dev.shipshape.engine;

import java.time.Instant;
import java.util.Comparator;

/**
 * A place in the runs listed newest first: by start, then by run id, both descending. A page of runs goes on
 * after the position of its last run, so runs started meanwhile (all newer) neither shift nor repeat it.
 */
public record RunPosition(Instant startedAt, String runId) {

    /** Newest first: the order of every run listing. */
    public static final Comparator<RunRecord> NEWEST_FIRST = Comparator.comparing(RunRecord::createdAt)
            .thenComparing(RunRecord::runId).reversed();

    public static RunPosition of(RunRecord run) {
        return new RunPosition(run.createdAt(), run.runId());
    }

    /** Whether the run comes after this position, newest first (it belongs to a later page). */
    public boolean precedes(RunRecord run) {
        int byStart = run.createdAt().compareTo(startedAt);
        return byStart < 0 || byStart == 0 && run.runId().compareTo(runId) < 0;
    }
}
