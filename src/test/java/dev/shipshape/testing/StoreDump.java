package dev.shipshape.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Everything the embedded store of a project folder holds, as H2's {@code SCRIPT} writes it (schema and rows). */
public final class StoreDump {

    private StoreDump() {
    }

    public static String of(Path folder) throws SQLException {
        return sql(folder, "SCRIPT");
    }

    /** Runs one statement on the folder's embedded store (for tests that tamper with it) and commits. */
    public static void execute(Path folder, String statement) throws SQLException {
        try (Connection c = connect(folder); Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }

    private static String sql(Path folder, String query) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection c = connect(folder); Statement st = c.createStatement(); ResultSet rows = st.executeQuery(query)) {
            while (rows.next()) {
                out.append(rows.getString(1)).append('\n');
            }
        }
        return out.toString();
    }

    private static Connection connect(Path folder) throws SQLException {
        Path file = folder.toAbsolutePath().normalize().resolve(".shipshape").resolve("store");
        return DriverManager.getConnection("jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE;TRACE_LEVEL_FILE=0");
    }
}
