package dev.shipshape.postgres.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipshape.ShipshapeException;
import dev.shipshape.engine.Secrets;
import dev.shipshape.postgres.DatabaseAddress;
import dev.shipshape.runbook.DatabaseSettings;
import dev.shipshape.testing.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The swap's failure paths against a real PostgreSQL, as a role with CREATEDB that owns its database. */
class DatabaseSwapTest {

    private PostgresServer server;
    private String role;
    private String database;
    private DatabaseAddress target;

    @BeforeEach
    void ownedDatabase() throws Exception {
        server = PostgresServer.get();
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        role = "swap_" + id;
        database = "swap_db_" + id;
        run(server.superuserUrl(), "CREATE ROLE " + role + " LOGIN CREATEDB NOSUPERUSER",
                "CREATE DATABASE " + database + " OWNER " + role);
        run(url(database, role), "CREATE TABLE orders (id int)", "INSERT INTO orders VALUES (1), (2), (3)");
        target = DatabaseAddress.of(new DatabaseSettings("jdbc:postgresql://" + server.host() + ":" + server.port()
                + "/" + database, role, null, null, null, null, null), Secrets.NONE);
    }

    @Test
    void whenTheRestoredCopyCannotTakeTheNameTheOldDatabaseIsPutBack() throws Exception {
        DatabaseSwap swap = DatabaseSwap.prepare(target, "t1");
        try (Connection holding = DriverManager.getConnection(url(swap.restoring().database(), role))) {
            assertThatThrownBy(swap::swapIn).isInstanceOf(ShipshapeException.class)
                    .hasMessageContaining("renaming the restored copy " + database + "_restoring_t1 to " + database
                            + " failed: could not rename")
                    .hasMessageContaining(database + " was put back as it was");
        }
        assertThat(count(database)).isEqualTo(3);
        assertThat(databasesStartingWith(database + "_")).isEmpty();
    }

    @Test
    void aSessionTheRoleMayNotEndLeavesTheTargetAsItWasAndDropsTheCopy() throws Exception {
        DatabaseSwap swap = DatabaseSwap.prepare(target, "t2");
        try (Connection superuser = DriverManager.getConnection(server.superuserUrl().replace("/postgres?",
                "/" + database + "?"))) {
            assertThatThrownBy(swap::swapIn).isInstanceOf(ShipshapeException.class)
                    .hasMessageContaining("could not rename " + database + " to " + database + "_replaced_t2")
                    .hasMessageContaining("(sessions of " + server.user() + " could not be ended)")
                    .hasMessageContaining(database + " was left as it was");
            assertThat(superuser.isValid(2)).isTrue();
        }
        assertThat(count(database)).isEqualTo(3);
        assertThat(databasesStartingWith(database + "_")).isEmpty();
    }

    private String url(String db, String user) {
        return "jdbc:postgresql://" + server.host() + ":" + server.port() + "/" + db + "?user=" + user;
    }

    private static void run(String url, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    private long count(String db) throws Exception {
        try (Connection c = DriverManager.getConnection(url(db, role)); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM orders")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<String> databasesStartingWith(String prefix) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(server.superuserUrl()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT datname FROM pg_database")) {
            while (rs.next()) {
                if (rs.getString(1).startsWith(prefix)) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
