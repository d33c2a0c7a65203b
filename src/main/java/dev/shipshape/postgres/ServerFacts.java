package dev.shipshape.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What a backup records about the server and schema it came from.
 *
 * @param serverVersion  e.g. {@code 15.8}
 * @param major          e.g. 15
 * @param schemaVersion  the latest applied migration in the history of Flyway ({@code 3}), Prisma
 *                       ({@code 20251202100000_add_user_roles}) or Supabase ({@code 20251202100000}); null without one
 */
public record ServerFacts(String serverVersion, int major, String schemaVersion) {

    public static ServerFacts of(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            String version;
            int number;
            try (ResultSet rs = st.executeQuery("SELECT current_setting('server_version'), "
                    + "current_setting('server_version_num')::int")) {
                rs.next();
                version = rs.getString(1).split(" ")[0];
                number = rs.getInt(2);
            }
            return new ServerFacts(version, number / 10000, schemaVersion(st));
        }
    }

    private static String schemaVersion(Statement st) throws SQLException {
        String flyway = latest(st, "flyway_schema_history", "SELECT version FROM flyway_schema_history WHERE success "
                + "AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1");
        if (flyway != null) {
            return flyway;
        }
        String prisma = latest(st, "_prisma_migrations", "SELECT migration_name FROM _prisma_migrations WHERE "
                + "finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name DESC LIMIT 1");
        return prisma != null ? prisma : latest(st, "supabase_migrations.schema_migrations", "SELECT max(version) "
                + "FROM supabase_migrations.schema_migrations");
    }

    private static String latest(Statement st, String table, String query) throws SQLException {
        try (ResultSet exists = st.executeQuery("SELECT to_regclass('" + table + "') IS NOT NULL")) {
            exists.next();
            if (!exists.getBoolean(1)) {
                return null;
            }
        }
        try (ResultSet rs = st.executeQuery(query)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
