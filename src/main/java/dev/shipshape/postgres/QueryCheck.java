package dev.shipshape.postgres;

import dev.shipshape.runbook.SqlCheck;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
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
                    boolean bool = isBoolean(rs.getMetaData().getColumnType(1));
                    while (rs.next()) {
                        if (rows++ == 0) {
                            first = bool ? booleanText(rs.getObject(1)) : rs.getString(1);
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
        if (check.value() != null && (rows == 0 || !sameValue(check.value(), first))) {
            return new Outcome(false, got + " (expected value " + check.value() + ")");
        }
        return new Outcome(true, got);
    }

    /** Equal as text, or both boolean-like ({@code true}/{@code t}/{@code false}/{@code f}) and equal as booleans. */
    static boolean sameValue(String expected, String actual) {
        if (Objects.equals(expected, actual)) {
            return true;
        }
        Boolean e = asBoolean(expected);
        return e != null && e.equals(asBoolean(actual));
    }

    private static Boolean asBoolean(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "t" -> Boolean.TRUE;
            case "false", "f" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static boolean isBoolean(int sqlType) {
        return sqlType == Types.BOOLEAN || sqlType == Types.BIT;
    }

    /** PostgreSQL's boolean as the runbook writes it: {@code true}/{@code false}, not {@code t}/{@code f}. */
    private static String booleanText(Object value) {
        return value instanceof Boolean b ? b.toString() : value == null ? null : value.toString();
    }
}
