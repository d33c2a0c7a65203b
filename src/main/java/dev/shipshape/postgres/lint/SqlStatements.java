package dev.shipshape.postgres.lint;

import java.util.List;

/** Statements of a piece of SQL, split as PostgreSQL would (quotes, dollar quotes and comments respected). */
public final class SqlStatements {

    /** A statement and the 1-based line of its SQL it starts on. */
    public record Located(int line, String text) {
    }

    private SqlStatements() {
    }

    /** The statements of {@code sql} with their lines; as {@link #of}. */
    public static List<Located> located(String where, String sql) {
        return SqlScript.parse(where, sql).statements().stream().map(s -> new Located(s.line(), s.text())).toList();
    }

    /**
     * The statements of {@code sql}, comments removed, in order.
     *
     * @param where names the SQL in a parse problem, e.g. the step
     * @throws dev.shipshape.ShipshapeException INVALID_INPUT when the SQL does not parse (an unclosed quote)
     */
    public static List<String> of(String where, String sql) {
        return SqlScript.parse(where, sql).statements().stream().map(SqlScript.Statement::text).toList();
    }
}
