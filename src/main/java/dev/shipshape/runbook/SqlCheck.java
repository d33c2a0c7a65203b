package dev.shipshape.runbook;

import java.util.function.UnaryOperator;

/**
 * A read-only query and what its result must be. With neither {@code rows} nor {@code value}
 * the query only has to run.
 *
 * @param sql   the query
 * @param rows  the exact number of rows expected (0 = "no rows"), or null
 * @param value the expected first column of the first row, as text, or null
 */
public record SqlCheck(String sql, Integer rows, String value) {

    SqlCheck mapStrings(UnaryOperator<String> f) {
        return new SqlCheck(f.apply(sql), rows, value == null ? null : f.apply(value));
    }
}
