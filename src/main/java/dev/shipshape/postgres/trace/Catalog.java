package dev.shipshape.postgres.trace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** What the trace reads from the catalog: the user tables with their files, and a session's table locks. */
final class Catalog {

    /** A table and its current data file; a new {@code relfilenode} means the table was rewritten. */
    record Table(String name, long fileNode, char kind) {

        boolean materializedView() {
            return kind == 'm';
        }
    }

    /** A table lock a session holds, e.g. {@code ACCESS EXCLUSIVE} on {@code public.orders}. */
    record Lock(String mode, String table) {
    }

    /** Lock modes from weakest to strongest, as pg_locks names them. */
    private static final List<String> MODES = List.of("AccessShareLock", "RowShareLock", "RowExclusiveLock",
            "ShareUpdateExclusiveLock", "ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock");
    private static final String USER_TABLES = "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN "
            + "('r', 'p', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE "
            + "'pg_toast%'";

    private Catalog() {
    }

    /** User tables by oid. */
    static Map<Long, Table> tables(Connection c) throws SQLException {
        Map<Long, Table> out = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT c.oid, format('%I.%I', "
                + "n.nspname, c.relname), c.relfilenode, c.relkind FROM pg_class c " + USER_TABLES)) {
            while (rs.next()) {
                out.put(rs.getLong(1), new Table(rs.getString(2), rs.getLong(3), rs.getString(4).charAt(0)));
            }
        }
        return out;
    }

    /** Granted locks of backend {@code pid} on the tables of {@code existing}. */
    static Set<Lock> locks(Connection c, int pid, Map<Long, Table> existing) throws SQLException {
        return locks(c, pid, existing, "AND granted");
    }

    /** Locks backend {@code pid} holds or waits for on the tables of {@code existing}. */
    static Set<Lock> wanted(Connection c, int pid, Map<Long, Table> existing) throws SQLException {
        return locks(c, pid, existing, "");
    }

    private static Set<Lock> locks(Connection c, int pid, Map<Long, Table> existing, String granted)
            throws SQLException {
        Set<Lock> out = new java.util.HashSet<>();
        try (PreparedStatement st = c.prepareStatement("SELECT relation::bigint, mode FROM pg_locks WHERE pid = ? "
                + "AND locktype = 'relation' " + granted + " AND database = (SELECT oid FROM pg_database WHERE "
                + "datname = current_database())")) {
            st.setInt(1, pid);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Table table = existing.get(rs.getLong(1));
                    if (table != null) {
                        out.add(new Lock(rs.getString(2), table.name()));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Sequential scans this session's open transaction made so far, per table oid: a table rewrite,
     * a constraint check, an index build each read the table through one.
     */
    static Map<Long, Long> scans(Connection c) throws SQLException {
        Map<Long, Long> out = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT relid::bigint, seq_scan "
                + "FROM pg_stat_xact_user_tables WHERE seq_scan > 0")) {
            while (rs.next()) {
                out.put(rs.getLong(1), rs.getLong(2));
            }
        }
        return out;
    }

    static int pid(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** The strongest mode among {@code locks} in the lint's words ({@code ACCESS EXCLUSIVE}), or {@code none}. */
    static String strongest(Set<Lock> locks) {
        return locks.stream().map(Lock::mode).max(java.util.Comparator.comparingInt(MODES::indexOf))
                .map(Catalog::words).orElse("none");
    }

    /** The tables holding the strongest mode. */
    static List<String> holding(Set<Lock> locks, String strongest) {
        Set<String> tables = new TreeSet<>();
        locks.stream().filter(l -> words(l.mode()).equals(strongest)).forEach(l -> tables.add(l.table()));
        return List.copyOf(tables);
    }

    /** Tables whose data file changed between two readings. */
    static List<String> rewritten(Map<Long, Table> before, Map<Long, Table> after) {
        Set<String> out = new TreeSet<>();
        before.forEach((oid, table) -> {
            Table now = after.get(oid);
            if (now != null && table.fileNode() != 0 && now.fileNode() != table.fileNode()) {
                out.add(table.name());
            }
        });
        return List.copyOf(out);
    }

    /** {@code ShareRowExclusiveLock} becomes {@code SHARE ROW EXCLUSIVE}. */
    static String words(String mode) {
        return mode.replaceFirst("Lock$", "").replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(Locale.ROOT);
    }
}
