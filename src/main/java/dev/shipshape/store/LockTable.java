package dev.shipshape.store;

import dev.shipshape.engine.EnvLock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code env_locks} table: a held lock is a row, a free lock is no row. Reads that decide
 * whether to take a lock use {@code FOR UPDATE}, so two processes cannot both decide to take it.
 */
final class LockTable {

    private static final String COLUMNS = "service, environment, run_id, holder, acquired_at, expires_at";
    private static final String READ = "SELECT " + COLUMNS + " FROM env_locks WHERE service = ? AND environment = ?";
    private static final String INSERT = "INSERT INTO env_locks (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)";
    private static final String TAKE_OVER = "UPDATE env_locks SET run_id = ?, holder = ?, acquired_at = ?, "
            + "expires_at = ? WHERE service = ? AND environment = ?";
    private static final String RENEW =
            "UPDATE env_locks SET expires_at = ? WHERE service = ? AND environment = ? AND run_id = ?";
    private static final String DELETE_ANY = "DELETE FROM env_locks WHERE service = ? AND environment = ?";
    private static final String DELETE_HELD = DELETE_ANY + " AND run_id = ?";

    private LockTable() {
    }

    static Optional<EnvLock> read(Connection connection, String service, String environment, boolean forUpdate)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(forUpdate ? READ + " FOR UPDATE" : READ)) {
            statement.setString(1, service);
            statement.setString(2, environment);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(lock(row)) : Optional.empty();
            }
        }
    }

    /** Writes {@code lock} as a new row; fails with a unique violation when another process was quicker. */
    static void insert(Connection connection, EnvLock lock) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            statement.setString(1, lock.service());
            statement.setString(2, lock.environment());
            statement.setString(3, lock.runId());
            statement.setString(4, lock.holder());
            statement.setLong(5, lock.acquiredAt().toEpochMilli());
            statement.setLong(6, lock.expiresAt().toEpochMilli());
            statement.executeUpdate();
        }
    }

    /** Replaces the row that was read {@code FOR UPDATE} in this transaction. */
    static void takeOver(Connection connection, EnvLock lock) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(TAKE_OVER)) {
            statement.setString(1, lock.runId());
            statement.setString(2, lock.holder());
            statement.setLong(3, lock.acquiredAt().toEpochMilli());
            statement.setLong(4, lock.expiresAt().toEpochMilli());
            statement.setString(5, lock.service());
            statement.setString(6, lock.environment());
            statement.executeUpdate();
        }
    }

    static boolean renew(Connection connection, String service, String environment, String runId, Instant expiresAt)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(RENEW)) {
            statement.setLong(1, expiresAt.toEpochMilli());
            statement.setString(2, service);
            statement.setString(3, environment);
            statement.setString(4, runId);
            return statement.executeUpdate() == 1;
        }
    }

    /** Deletes the lock if {@code runId} holds it, or whoever holds it when {@code runId} is null. */
    static boolean delete(Connection connection, String service, String environment, String runId)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(runId == null ? DELETE_ANY : DELETE_HELD)) {
            statement.setString(1, service);
            statement.setString(2, environment);
            if (runId != null) {
                statement.setString(3, runId);
            }
            return statement.executeUpdate() == 1;
        }
    }

    private static EnvLock lock(ResultSet row) throws SQLException {
        return new EnvLock(row.getString("service"), row.getString("environment"), row.getString("run_id"),
                row.getString("holder"), Columns.instant(row, "acquired_at"), Columns.instant(row, "expires_at"));
    }
}
