package dev.shipshape.postgres.migrate;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * Supabase's {@code supabase_migrations.schema_migrations(version, name, statements)}: one row per applied
 * migration, keyed by the file's version (its leading digits), with the statements it ran. It keeps no
 * checksum and no time, as the Supabase CLI writes it.
 */
final class SupabaseHistory implements HistoryTable {

    private static final String TABLE = "supabase_migrations.schema_migrations";

    /** The Supabase CLI takes no lock; Shipshape's appliers serialise on a key of their own. */
    @Override
    public long advisoryLock() {
        return 0x5348_4950_5342L;
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
        try (Statement st = c.createStatement(); var rs = st.executeQuery("SELECT version FROM " + TABLE
                + " ORDER BY version")) {
            while (rs.next()) {
                rows.add(new Row(rs.getString(1), null, null, false));
            }
        }
        return rows;
    }

    @Override
    public void create(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS supabase_migrations");
            st.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (version text NOT NULL PRIMARY KEY)");
            st.execute("ALTER TABLE " + TABLE + " ADD COLUMN IF NOT EXISTS statements text[]");
            st.execute("ALTER TABLE " + TABLE + " ADD COLUMN IF NOT EXISTS name text");
        }
    }

    @Override
    public void record(Connection c, MigrationFolder.Migration migration, String checksum, List<String> statements,
                       Timestamp startedAt) throws SQLException {
        try (var st = c.prepareStatement("INSERT INTO " + TABLE + " (version, name, statements) VALUES (?, ?, ?)")) {
            st.setString(1, migration.version());
            st.setString(2, migration.name());
            st.setArray(3, c.createArrayOf("text", statements.toArray()));
            st.executeUpdate();
        }
    }
}
