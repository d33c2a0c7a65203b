package dev.shipshape.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Cancel requests live on the run row: another process writes one, the engine polls it between
 * steps, and recording the run as halted or final clears it (see {@link RunTable}).
 */
final class CancelRequests {

    private static final String REQUEST =
            "UPDATE runs SET cancel_by = ?, cancel_reason = ?, cancel_at = ? WHERE run_id = ?";
    /** A request left on a finished run stops nothing, so it is not reported as pending. */
    private static final String PENDING = "SELECT cancel_by, cancel_reason FROM runs WHERE run_id = ? "
            + "AND cancel_at IS NOT NULL AND status NOT IN ('SUCCEEDED', 'FAILED', 'ROLLED_BACK', 'ROLLBACK_FAILED')";

    private CancelRequests() {
    }

    /** @return whether the run exists */
    static boolean request(Connection connection, String runId, String by, String reason, Instant at)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(REQUEST)) {
            statement.setString(1, by);
            statement.setString(2, reason);
            statement.setLong(3, at.toEpochMilli());
            statement.setString(4, runId);
            return statement.executeUpdate() == 1;
        }
    }

    static Optional<String> pending(Connection connection, String runId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(PENDING)) {
            statement.setString(1, runId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(text(row.getString(1), row.getString(2))) : Optional.empty();
            }
        }
    }

    /** How a request reads in the event log and in {@code cancelRequest}: "by: reason". */
    static String text(String by, String reason) {
        return reason == null || reason.isBlank() ? by : by + ": " + reason;
    }
}
