package dev.shipshape.schedules;

import java.time.Instant;
import java.util.Optional;

/**
 * What the store keeps per schedule ({@code service}, {@code dr-drill@staging}): the due time last handled, so that
 * {@code schedule run-due} never runs one due time twice, even from two crons at once.
 */
public interface ScheduleLedger {

    /**
     * @param due    the due time last handled (or when the schedule was first seen, for one that never ran)
     * @param runId  the run started for it, or null (first seen, or it could not start)
     * @param note   why no run was started, or null
     */
    record Last(Instant due, String runId, String note) {
    }

    Optional<Last> last(String service, String schedule);

    /** Records a schedule seen for the first time at {@code seen}; false when another process recorded it first. */
    boolean firstSeen(String service, String schedule, Instant seen);

    /** Moves a schedule from {@code expected} to the due time {@code due}; false when another process moved it first. */
    boolean claim(String service, String schedule, Instant expected, Instant due);

    /** Records what became of the claimed due time: the run started, or why none was. */
    void handled(String service, String schedule, String runId, String note);
}
