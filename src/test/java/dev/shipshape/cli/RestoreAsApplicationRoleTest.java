package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.testing.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restores as an application role that is not a superuser but has CREATEDB and owns its
 * database, as on managed PostgreSQL: the backup holds an extension only a superuser may create
 * (adminpack is untrusted), so pg_restore fails for that role, and the database must stay as it was.
 */
class RestoreAsApplicationRoleTest {

    private static final String EXTENSION_REFUSED = "EXTENSION adminpack (permission denied to create extension "
            + "\"adminpack\"; Must be superuser to create this extension.)";
    @TempDir
    Path folder;
    private PostgresServer server;
    private Cli cli;
    private String role;
    private String database;

    @BeforeEach
    void applicationDatabase() throws Exception {
        server = PostgresServer.get();
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        role = "app_" + id;
        database = "shop_" + id;
        asSuperuser(server.superuserUrl(), "CREATE ROLE " + role + " LOGIN CREATEDB NOSUPERUSER",
                "CREATE DATABASE " + database + " OWNER " + role);
        asApp("CREATE TABLE orders (id int PRIMARY KEY, total int)",
                "INSERT INTO orders SELECT g, g FROM generate_series(1, 100) g");
        cli = new Cli(folder);
        cli.env.put("DB_PASSWORD", "unused-the-cluster-trusts-loopback");
        cli.write("shipshape.yaml", """
                service: shop
                environments:
                  staging:
                    database:
                      url: jdbc:postgresql://%s:%d/%s
                      user: %s
                      password: ${secret:DB_PASSWORD}
                      migrations: db/migrations
                      on_migration_failure: restore
                      backup:
                        keep: 5
                stages:
                  - name: database
                    steps:
                      - postgres.backup: before-trim
                      - postgres.migrate: db/migrations
                      - postgres.query: SELECT count(*) FROM orders
                        name: all orders are there
                        expect: {value: 100}
                    rollback:
                      - postgres.restore: run
                """.formatted(server.host(), server.port(), database, role));
    }

    private void withUntrustedExtension() throws Exception {
        asSuperuser(server.superuserUrl().replace("/postgres?", "/" + database + "?"), "CREATE EXTENSION adminpack");
    }

    @Test
    void failedRestoreLeavesTheDatabaseAsItWasAndNamesTheExtensionItCouldNotCreate() throws Exception {
        withUntrustedExtension();
        assertThat(cli.run("db", "backup", "--env", "staging").exitCode()).isZero();
        asApp("DELETE FROM orders WHERE id > 60");

        Cli.Result r = cli.run("db", "restore", "--env", "staging", "--backup", "latest", "--yes");

        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(r.err().lines().filter(l -> l.startsWith("shipshape: ")).toList()).singleElement().asString()
                .contains("1 object(s) could not be restored: " + EXTENSION_REFUSED,
                        "have a superuser run CREATE EXTENSION adminpack in template1",
                        database + " was left as it was")
                .doesNotContain("Exception");
        assertThat(count("SELECT count(*) FROM orders")).isEqualTo(60);
        assertThat(count("SELECT count(*) FROM pg_extension WHERE extname = 'adminpack'")).isEqualTo(1);
        assertThat(databasesLike(database + "_%")).isEmpty();
    }

    @Test
    void restoreAsTheApplicationRoleReplacesTheDataAndLeavesNoOtherDatabase() throws Exception {
        assertThat(cli.run("db", "backup", "--env", "staging").exitCode()).isZero();
        asApp("DELETE FROM orders WHERE id > 60", "CREATE TABLE junk (x int)");
        try (Connection idle = DriverManager.getConnection(databaseUrl(role))) {
            Cli.Result r = cli.run("db", "restore", "--env", "staging", "--backup", "latest", "--yes");

            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).startsWith("restored backup_").doesNotContain("kept");
            assertThat(idle.isValid(2)).as("the other session was ended").isFalse();
        }
        assertThat(count("SELECT count(*) FROM orders")).isEqualTo(100);
        assertThat(count("SELECT count(*) FROM pg_tables WHERE tablename = 'junk'")).isZero();
        assertThat(databasesLike(database + "_%")).isEmpty();
        assertThat(ownerOf(database)).isEqualTo(role);
    }

    @Test
    void recoveryDrillAsTheApplicationRoleNamesTheSameObject() throws Exception {
        withUntrustedExtension();
        assertThat(cli.run("db", "backup", "--env", "staging").exitCode()).isZero();

        Cli.Result r = cli.run("db", "verify", "--env", "staging", "--backup", "latest");

        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(r.err()).contains("as " + role + " failed with exit code 1: 1 object(s) could not be restored: "
                + EXTENSION_REFUSED, "have a superuser run CREATE EXTENSION adminpack in template1");
        assertThat(databasesLike("shipshape_drill_%")).isEmpty();
    }

    @Test
    void automaticRollbackWhoseRestoreFailsLeavesTheDatabaseAsTheRunLeftIt() throws Exception {
        withUntrustedExtension();
        cli.write("db/migrations/V1__trim.sql", "DELETE FROM orders WHERE id > 50;\n");

        Cli.Result r = cli.run("deploy", "--env", "staging", "--version", "v2");

        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCode.ROLLBACK_FAILED);
        assertThat(r.out()).contains("[FAIL] database/3  all orders are there",
                "1 object(s) could not be restored: " + EXTENSION_REFUSED, database + " was left as it was");
        assertThat(count("SELECT count(*) FROM orders")).isEqualTo(50);
        assertThat(databasesLike(database + "_%")).isEmpty();
    }

    @Test
    void failedMigrationWhoseRestoreFailsSaysBothAndLeavesTheDatabaseAsItWas() throws Exception {
        withUntrustedExtension();
        cli.write("db/migrations/V1__broken.sql", "DELETE FROM orders;\nINSERT INTO orders VALUES (1, 1), (1, 2);\n");

        Cli.Result r = cli.run("db", "migrate", "--env", "staging");

        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(r.err()).contains("V1__broken.sql", "; restoring backup backup_",
                "1 object(s) could not be restored: " + EXTENSION_REFUSED, database + " was left as it was");
        assertThat(count("SELECT count(*) FROM orders")).isEqualTo(100);
        assertThat(databasesLike(database + "_%")).isEmpty();
    }

    private String databaseUrl(String user) {
        return "jdbc:postgresql://" + server.host() + ":" + server.port() + "/" + database + "?user=" + user;
    }

    private void asApp(String... statements) throws Exception {
        asSuperuser(databaseUrl(role), statements);
    }

    private static void asSuperuser(String url, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    private long count(String query) throws Exception {
        try (Connection c = DriverManager.getConnection(databaseUrl(role)); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String ownerOf(String name) throws Exception {
        try (Connection c = DriverManager.getConnection(server.superuserUrl()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = '"
                     + name + "'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private List<String> databasesLike(String pattern) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(server.superuserUrl()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '"
                     + pattern.replace("_", "\\_").replace("\\_%", "\\_%") + "'")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
