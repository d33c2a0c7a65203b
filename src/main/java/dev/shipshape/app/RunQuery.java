package dev.shipshape.app;

import dev.shipshape.ShipshapeException;
import dev.shipshape.engine.RunSelection;
import dev.shipshape.engine.RunStatus;
import java.time.Instant;
import java.util.Arrays;

/**
 * Which runs to list, newest first; every filter null for any.
 *
 * @param status    a run status as shown: {@code running}, {@code halted}, {@code succeeded}, {@code rolled_back}, ...
 * @param procedure a run's kind ({@code deploy}, {@code rollback}, {@code procedure}) or the name of the runbook
 *                  procedure it ran
 * @param since     started at or after this instant
 * @param until     started before this instant
 * @param limit     at most this many, 1 to {@value #MAX_LIMIT}; null for {@value #DEFAULT_LIMIT}
 * @param after     the {@link RunPage#nextCursor()} of the page before; null for the first page
 */
public record RunQuery(String service, String environment, String status, String procedure, Instant since,
                       Instant until, Integer limit, String after) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 500;

    /** The newest runs, up to {@code limit}. */
    public static RunQuery newest(int limit) {
        return new RunQuery(null, null, null, null, null, null, limit, null);
    }

    /** This query for the page after {@code cursor}. */
    public RunQuery after(String cursor) {
        return new RunQuery(service, environment, status, procedure, since, until, limit, cursor);
    }

    /** @throws ShipshapeException INVALID_INPUT for a status that is none, an empty period or a limit out of range */
    RunSelection selection() {
        if (since != null && until != null && !since.isBefore(until)) {
            throw invalid("since " + since + " is not before until " + until + "; no run can start in between;"
                    + " give a since earlier than until");
        }
        return new RunSelection(service, environment, status == null ? null : status(status), procedure, since, until);
    }

    int pageSize() {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw invalid("limit " + size + " is out of range; give 1 to " + MAX_LIMIT + " and page on with the"
                    + " next cursor");
        }
        return size;
    }

    private static RunStatus status(String label) {
        return RunStatus.ofLabel(label).orElseThrow(() -> invalid("status '" + label + "' is not a run status; one of: "
                        + String.join(", ", Arrays.stream(RunStatus.values()).map(RunStatus::label).toList())));
    }

    private static ShipshapeException invalid(String message) {
        return new ShipshapeException(ShipshapeException.Code.INVALID_INPUT, message);
    }
}
