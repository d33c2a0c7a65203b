package dev.shipshape.postgres.trace;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A third session standing for the running application: it tries a read ({@code SELECT ... LIMIT 1},
 * whose planning also opens the table's indexes) and a write ({@code DELETE ... WHERE false}, which
 * takes the lock of every INSERT, UPDATE and DELETE without changing a row) on each table, giving up
 * after a short lock timeout. A try that gives up was blocked by the migrating session.
 */
final class Probe {

    /** The tables whose read or write had to wait. */
    record Blocked(Set<String> reads, Set<String> writes) {

        static Blocked none() {
            return new Blocked(Set.of(), Set.of());
        }

        boolean any() {
            return !reads.isEmpty() || !writes.isEmpty();
        }
    }

    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private final Connection session;

    Probe(Connection session) throws SQLException {
        this.session = session;
        session.setAutoCommit(true);
        try (Statement st = session.createStatement()) {
            st.execute("SET lock_timeout = '50ms'");
        }
    }

    Blocked tryEach(Collection<Catalog.Table> tables) throws SQLException {
        Set<String> reads = new TreeSet<>();
        Set<String> writes = new TreeSet<>();
        for (Catalog.Table table : tables) {
            if (waits("SELECT 1 FROM " + table.name() + " LIMIT 1")) {
                reads.add(table.name());
            }
            if (!table.materializedView() && waits("DELETE FROM " + table.name() + " WHERE false")) {
                writes.add(table.name());
            }
        }
        return new Blocked(reads, writes);
    }

    private boolean waits(String sql) throws SQLException {
        try (Statement st = session.createStatement()) {
            st.execute(sql);
            return false;
        } catch (SQLException e) {
            if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                return true;
            }
            if (List.of("42P01", "42809").contains(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }
}
