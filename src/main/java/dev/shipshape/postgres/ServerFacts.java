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
 * @param schemaVersion  the latest successful Flyway migration, or null when Flyway never ran there
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
        try (ResultSet exists = st.executeQuery("SELECT to_regclass('flyway_schema_history') IS NOT NULL")) {
            exists.next();
            if (!exists.getBoolean(1)) {
                return null;
            }
        }
        try (ResultSet rs = st.executeQuery("SELECT version FROM flyway_schema_history WHERE success AND version "
                + "IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
