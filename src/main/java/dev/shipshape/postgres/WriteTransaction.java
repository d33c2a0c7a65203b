package dev.shipshape.postgres;

import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs statements in one READ WRITE transaction: all of them commit, or none does. Each statement's
 * count is what PostgreSQL reports: rows changed by INSERT, UPDATE, DELETE, or rows returned by a query
 * (such as {@code SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE ...}).
 */
public final class WriteTransaction {

    /** What one statement did: {@code rows} changed or returned; {@code returned} for a query's rows. */
    public record Count(String statement, long rows, boolean returned) {

        /** {@code 3 rows affected}, {@code 1 row returned}. */
        public String text() {
            return rows + (rows == 1 ? " row " : " rows ") + (returned ? "returned" : "affected");
        }
    }

    private WriteTransaction() {
    }

    /**
     * @param timeout the longest each statement may run (PostgreSQL's {@code statement_timeout})
     * @throws ShipshapeException FAILED when a statement fails: the transaction is rolled back, nothing changed
     */
    public static List<Count> run(DatabaseAddress address, List<String> statements, Duration timeout) {
        try (Connection c = address.connect()) {
            c.setAutoCommit(false);
            List<Count> counts = new ArrayList<>();
            try (Statement st = c.createStatement()) {
                st.execute("SET TRANSACTION READ WRITE");
                st.execute("SET LOCAL statement_timeout = " + Math.max(1, timeout.toMillis()));
                for (int i = 0; i < statements.size(); i++) {
                    counts.add(count(st, statements.get(i), i + 1, statements.size()));
                }
                c.commit();
            } catch (SQLException | ShipshapeException e) {
                c.rollback();
                throw e;
            }
            return counts;
        } catch (SQLException e) {
            throw new ShipshapeException(Code.FAILED, "cannot write to " + address + ": " + e.getMessage());
        }
    }

    private static Count count(Statement st, String sql, int index, int of) {
        try {
            if (st.execute(sql)) {
                long rows = 0;
                try (ResultSet rs = st.getResultSet()) {
                    while (rs.next()) {
                        rows++;
                    }
                }
                return new Count(sql, rows, true);
            }
            return new Count(sql, Math.max(0, st.getLargeUpdateCount()), false);
        } catch (SQLException e) {
            throw new ShipshapeException(Code.FAILED, "statement " + index + " of " + of + " failed, nothing was "
                    + "changed (rolled back): " + e.getMessage().strip());
        }
    }
}
