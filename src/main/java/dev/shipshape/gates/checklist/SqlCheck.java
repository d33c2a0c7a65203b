package dev.shipshape.gates.checklist;

import dev.shipshape.runbook.gates.ChecklistItem;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A SQL query against a JDBC URL whose first value must be true or a non-zero number, e.g.
 * {@code SELECT count(*) = 0 FROM pending_migrations}. Reasons never include the URL (it may hold
 * a password).
 */
final class SqlCheck {

    private SqlCheck() {
    }

    static ItemResult check(ChecklistItem.Sql item) {
        if (item.database().isBlank()) {
            return ItemResult.fail(item.name(), "sql", "no database URL; is the variable it is read from set?");
        }
        int seconds = (int) Math.max(1, item.timeout().toSeconds());
        DriverManager.setLoginTimeout(seconds);
        try (Connection connection = DriverManager.getConnection(item.database());
             Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(seconds);
            try (ResultSet row = statement.executeQuery(item.query())) {
                if (!row.next()) {
                    return ItemResult.fail(item.name(), "sql", "the query returned no rows");
                }
                Object value = row.getObject(1);
                boolean ok = value instanceof Boolean b ? b : value instanceof Number n && n.doubleValue() != 0;
                return new ItemResult(item.name(), "sql", ok, "the query returned " + value);
            }
        } catch (SQLException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines()
                    .findFirst().orElse("");
            return ItemResult.fail(item.name(), "sql", "query failed: " + withoutPasswords(message));
        }
    }

    /** Drivers quote the URL in some errors ("No suitable driver found for jdbc:...?password=..."). */
    static String withoutPasswords(String message) {
        return message.replaceAll("(?i)(password=)[^&;\\s]*", "$1***");
    }
}
