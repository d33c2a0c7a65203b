package dev.shipshape.store;

import dev.shipshape.engine.LiveVersion;
import dev.shipshape.rollback.RollbackRecord;
import dev.shipshape.rollback.RollbackRecords;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code live_versions} history: appended in the same transaction as what made a version live
 * (a deploy's success, a rollback's record); the newest row of a target is what is live.
 */
final class LiveTable {

    private static final String COLUMNS = "service, environment, version, run_id, how, since";
    private static final String DEPLOYED = "INSERT INTO live_versions (" + COLUMNS + ") SELECT service, environment,"
            + " version, run_id, '" + LiveVersion.DEPLOYED + "', ? FROM runs WHERE run_id = ? AND procedure = 'deploy'"
            + " AND version IS NOT NULL AND NOT EXISTS (SELECT 1 FROM live_versions WHERE run_id = ?)";
    private static final String INSERT = "INSERT INTO live_versions (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)";
    private static final String RESTORED = "INSERT INTO live_versions (" + COLUMNS + ") SELECT l.service,"
            + " l.environment, l.version, ?, ?, ? FROM live_versions l JOIN db_backups b ON b.backup_id = ?"
            + " WHERE l.service = ? AND l.environment = ? AND l.since <= b.started_at ORDER BY l.seq DESC LIMIT 1";
    private static final String CURRENT = "SELECT " + COLUMNS + " FROM live_versions WHERE service = ? AND"
            + " environment = ? ORDER BY seq DESC LIMIT 1";
    /** Outcomes of rollbacks that returned the environment to their target. */
    private static final Set<String> RETURNED = Set.of("succeeded", "rolled_back");

    private LiveTable() {
    }

    /**
     * A deploy run succeeded, or its verification passed and only monitoring is left: its version is live, once (a
     * rollback run's success is recorded by its record).
     */
    static void deployed(Connection connection, String runId, Instant at) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(DEPLOYED)) {
            Columns.setInstant(statement, 1, at);
            statement.setString(2, runId);
            statement.setString(3, runId);
            statement.executeUpdate();
        }
    }

    /** A rollback that returned the environment to its target (any type: a database one restores its data) makes it live. */
    static void rolledBack(Connection connection, RollbackRecord r) throws SQLException {
        if (r.to() == null || !RETURNED.contains(r.outcome())) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            statement.setString(1, r.service());
            statement.setString(2, r.environment());
            statement.setString(3, r.to());
            statement.setString(4, r.runId());
            statement.setString(5, RollbackRecords.AUTOMATIC.equals(r.by()) ? LiveVersion.ROLLED_BACK_AUTOMATICALLY
                    : LiveVersion.ROLLED_BACK);
            Columns.setInstant(statement, 6, r.at().plusMillis(r.durationMillis()));
            statement.executeUpdate();
        }
    }

    /**
     * A database restore returns the environment to the version that was live when the backup was taken
     * (nothing changes when none was).
     */
    static void restored(Connection connection, String service, String environment, String backupId, String runId,
                         Instant at) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(RESTORED)) {
            statement.setString(1, runId);
            statement.setString(2, LiveVersion.RESTORED + " " + backupId);
            Columns.setInstant(statement, 3, at);
            statement.setString(4, backupId);
            statement.setString(5, service);
            statement.setString(6, environment);
            statement.executeUpdate();
        }
    }

    static Optional<LiveVersion> current(Connection connection, String service, String environment)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(CURRENT)) {
            statement.setString(1, service);
            statement.setString(2, environment);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(new LiveVersion(row.getString("service"), row.getString("environment"),
                        row.getString("version"), row.getString("run_id"), row.getString("how"),
                        Columns.instant(row, "since"))) : Optional.empty();
            }
        }
    }
}
