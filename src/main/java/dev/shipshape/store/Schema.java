package dev.shipshape.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the store's tables up to date; runs once per open, never per call. A store whose
 * migration history already ends, successfully, at {@link #LATEST} is left as it is without
 * starting Flyway: one query instead of loading and running the migration machinery each time.
 */
final class Schema {

    static final String MIGRATIONS = "classpath:dev/shipshape/store/migration";
    /** The newest migration in {@link #MIGRATIONS} ({@code V10__web_sessions.sql}); raise it with each new one. */
    static final int LATEST = 12;

    private static final String HISTORY = "SELECT \"version\", \"success\" FROM \"flyway_schema_history\"";

    private Schema() {
    }

    static void migrate(DataSource dataSource) {
        if (isCurrent(dataSource)) {
            return;
        }
        Flyway.configure()
                .dataSource(dataSource)
                .locations(MIGRATIONS)
                .load()
                .migrate();
    }

    /**
     * Whether every migration up to {@link #LATEST} was applied successfully and none newer: no
     * failed entry, highest version exactly {@code LATEST}. Anything else (no history table yet, a
     * version this build does not know) leaves the decision to Flyway.
     */
    static boolean isCurrent(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery(HISTORY)) {
                return endsAtLatest(rows);
            } finally {
                connection.rollback();
            }
        } catch (SQLException | NumberFormatException e) {
            return false;
        }
    }

    private static boolean endsAtLatest(ResultSet rows) throws SQLException {
        int highest = 0;
        while (rows.next()) {
            if (!rows.getBoolean(2)) {
                return false;
            }
            String version = rows.getString(1);
            if (version != null) {
                highest = Math.max(highest, Integer.parseInt(version));
            }
        }
        return highest == LATEST;
    }
}
