package dev.shipshape.store;

import dev.shipshape.postgres.DatabaseAction;
import dev.shipshape.postgres.PostgresRecords;
import dev.shipshape.postgres.BackupManifest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@link PostgresRecords} over the {@code db_backups} and {@code db_actions} tables. */
final class JdbcPostgresRecords implements PostgresRecords {

    private static final String UNFINISHED = "('RUNNING', 'HALTED', 'ROLLING_BACK')";
    private final Database database;

    JdbcPostgresRecords(Database database) {
        this.database = database;
    }

    @Override
    public void backupStarted(String id, String service, String environment, String runId, Instant at) {
        update("record a backup", "INSERT INTO db_backups (backup_id, service, environment, run_id, status, "
                + "started_at) VALUES (?, ?, ?, ?, 'RUNNING', ?)", id, service, environment, runId, at.toEpochMilli());
    }

    @Override
    public void backupValid(BackupManifest m) {
        update("mark a backup valid", "UPDATE db_backups SET status = 'VALID', database_name = ?, server_version = ?, "
                + "schema_version = ?, file_name = ?, size_bytes = ?, sha256 = ?, duration_ms = ? WHERE backup_id = ?",
                m.database(), m.serverVersion(), m.schemaVersion(), m.file(), m.sizeBytes(), m.sha256(),
                m.durationMs(), m.id());
    }

    @Override
    public void backupFailed(String id, String reason) {
        update("record a failed backup", "UPDATE db_backups SET status = 'FAILED', reason = ? WHERE backup_id = ?",
                reason, id);
    }

    @Override
    public void backupDeleted(String id) {
        update("record a deleted backup", "UPDATE db_backups SET status = 'DELETED' WHERE backup_id = ?", id);
    }

    @Override
    public Set<String> heldByUnfinishedRuns(String service, String environment) {
        return database.transaction("read backups held by runs", c -> {
            Set<String> ids = new HashSet<>();
            try (PreparedStatement st = c.prepareStatement("SELECT b.backup_id FROM db_backups b JOIN runs r ON "
                    + "r.run_id = b.run_id WHERE b.service = ? AND b.environment = ? AND r.status IN " + UNFINISHED)) {
                st.setString(1, service);
                st.setString(2, environment);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            return ids;
        });
    }

    @Override
    public void action(DatabaseAction a) {
        database.transaction("record a database action", c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO db_actions (service, environment, kind,"
                    + " target, done_by, reason, outcome, run_id, done_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                Object[] values = {a.service(), a.environment(), a.kind(), a.target(), a.by(), a.reason(), a.outcome(),
                        a.runId(), a.at().toEpochMilli()};
                for (int i = 0; i < values.length; i++) {
                    st.setObject(i + 1, values[i]);
                }
                st.executeUpdate();
            }
            if (a.kind().equals("restore") && a.outcome() != null && a.outcome().startsWith("restored")) {
                LiveTable.restored(c, a.service(), a.environment(), a.target(), a.runId(), a.at());
            }
            return null;
        });
    }

    @Override
    public List<DatabaseAction> actions(String service, String environment) {
        return database.transaction("read database actions", c -> {
            List<DatabaseAction> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT kind, target, done_by, reason, outcome, run_id, "
                    + "done_at FROM db_actions WHERE service = ? AND environment = ? ORDER BY action_id")) {
                st.setString(1, service);
                st.setString(2, environment);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(new DatabaseAction(service, environment, rs.getString(1), rs.getString(2),
                                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                                Instant.ofEpochMilli(rs.getLong(7))));
                    }
                }
            }
            return out;
        });
    }

    /** Backup status by id, for tests and the CLI: VALID, FAILED, RUNNING, DELETED. */
    String status(String id) {
        return database.transaction("read a backup", c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT status FROM db_backups WHERE backup_id = ?")) {
                st.setString(1, id);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    private void update(String what, String sql, Object... values) {
        database.transaction(what, c -> {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    st.setObject(i + 1, values[i]);
                }
                return st.executeUpdate();
            }
        });
    }
}
