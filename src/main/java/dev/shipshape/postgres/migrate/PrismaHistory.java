package dev.shipshape.postgres.migrate;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Prisma's {@code _prisma_migrations}: one row per attempt, keyed by {@code migration_name} (the folder's
 * name), with the SHA-256 of {@code migration.sql} as {@code checksum}. A row without {@code finished_at} is
 * a failed migration, one with {@code rolled_back_at} is ignored, as {@code prisma migrate status} does.
 */
final class PrismaHistory implements HistoryTable {

    private static final String TABLE = "_prisma_migrations";

    /** The key {@code prisma migrate deploy} locks, so that Prisma and Shipshape never apply at once. */
    @Override
    public long advisoryLock() {
        return 72707369L;
    }

    @Override
    public String table() {
        return TABLE;
    }

    @Override
    public List<Row> rows(Connection c) throws SQLException {
        List<Row> rows = new ArrayList<>();
        if (!HistoryTable.exists(c, TABLE)) {
            return rows;
        }
        try (Statement st = c.createStatement(); var rs = st.executeQuery("SELECT migration_name, checksum, "
                + "finished_at FROM _prisma_migrations WHERE rolled_back_at IS NULL ORDER BY started_at")) {
            while (rs.next()) {
                Timestamp finished = rs.getTimestamp(3);
                rows.add(new Row(rs.getString(1), rs.getString(2), finished == null ? null
                        : finished.toInstant().toString(), finished == null));
            }
        }
        return rows;
    }

    @Override
    public void create(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("""
                    CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
                        "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
                        "checksum"              VARCHAR(64) NOT NULL,
                        "finished_at"           TIMESTAMPTZ,
                        "migration_name"        VARCHAR(255) NOT NULL,
                        "logs"                  TEXT,
                        "rolled_back_at"        TIMESTAMPTZ,
                        "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
                        "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
                    )""");
        }
    }

    @Override
    public void record(Connection c, MigrationFolder.Migration migration, String checksum, List<String> statements,
                       Timestamp startedAt) throws SQLException {
        try (var st = c.prepareStatement("INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, "
                + "logs, rolled_back_at, started_at, applied_steps_count) VALUES (?, ?, clock_timestamp(), ?, NULL, "
                + "NULL, ?, 1)")) {
            st.setString(1, UUID.randomUUID().toString());
            st.setString(2, checksum);
            st.setString(3, migration.key());
            st.setTimestamp(4, startedAt);
            st.executeUpdate();
        }
    }
}
