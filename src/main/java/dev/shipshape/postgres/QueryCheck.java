package dev.shipshape.postgres;

import dev.shipshape.runbook.SqlCheck;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;

/**
 * Runs a {@link SqlCheck} in a READ ONLY transaction (so a check can never change data) and judges
 * the result: exact row count, first value, or just "it ran".
 */
public final class QueryCheck {

    /** The verdict with its reason, e.g. {@code 3 rows (expected 0)}. */
    public record Outcome(boolean passed, String reason) {
    }

    private QueryCheck() {
    }

    public static Outcome run(Connection connection, SqlCheck check) {
        try {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (Statement st = connection.createStatement()) {
                st.execute("SET TRANSACTION READ ONLY");
                try (ResultSet rs = st.executeQuery(check.sql())) {
                    int rows = 0;
                    String first = null;
                    while (rs.next()) {
                        if (rows++ == 0) {
                            first = rs.getString(1);
                        }
                    }
                    return judge(check, rows, first);
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            return new Outcome(false, "query failed: " + DatabaseAddress.firstLine(e.getMessage()));
        }
    }

    static Outcome judge(SqlCheck check, int rows, String first) {
        String got = rows + (rows == 1 ? " row" : " rows") + (rows > 0 ? ", first value " + first : "");
        if (check.rows() != null && check.rows() != rows) {
            return new Outcome(false, got + " (expected " + check.rows() + (check.rows() == 1 ? " row)" : " rows)"));
        }
        if (check.value() != null && (rows == 0 || !Objects.equals(check.value(), first))) {
            return new Outcome(false, got + " (expected value " + check.value() + ")");
        }
        return new Outcome(true, got);
    }
}
