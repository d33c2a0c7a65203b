package dev.shipshape.postgres.migrate;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

/** A migration tool's own history table, read and written the way the tool does. */
interface HistoryTable {

    /** One row: the tool's key of the migration, its checksum when the tool keeps one, and whether it finished. */
    record Row(String key, String checksum, String installedOn, boolean failed) {
    }

    /** The table as PostgreSQL names it, e.g. {@code _prisma_migrations}. */
    String table();

    /** The session advisory lock that serialises appliers of this history (the tool's own, where it takes one). */
    long advisoryLock();

    /** The rows that count (rolled-back ones do not), oldest first; empty when the table does not exist yet. */
    List<Row> rows(Connection c) throws SQLException;

    /** Creates the table (and its schema) as the tool would, when it does not exist. */
    void create(Connection c) throws SQLException;

    /**
     * Records an applied migration in the transaction that applied it.
     *
     * @param checksum   SHA-256 of the file, lower-case hex
     * @param statements the statements the file ran, in order
     * @param startedAt  when its first statement started
     */
    void record(Connection c, MigrationFolder.Migration migration, String checksum, List<String> statements,
                Timestamp startedAt) throws SQLException;

    /** Whether a table named {@code qualified} exists on the connection's search path. */
    static boolean exists(Connection c, String qualified) throws SQLException {
        try (var st = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            st.setString(1, qualified);
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
