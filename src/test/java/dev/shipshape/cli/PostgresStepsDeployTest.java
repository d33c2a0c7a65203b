package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.testing.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A deployment whose stages back up, migrate, check with SQL, and restore on rollback. */
class PostgresStepsDeployTest {

    @TempDir
    Path folder;

    @Test
    void failedCheckAfterMigratingRollsBackByRestoringTheRunsBackup() throws Exception {
        PostgresServer server = PostgresServer.get();
        String url = server.createDatabase("steps");
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE users (id int PRIMARY KEY); INSERT INTO users VALUES (1), (2)");
        }
        Cli cli = new Cli(folder);
        cli.env.put("DB_PASSWORD", server.password());
        cli.write("db/migrations/V1__orders.sql", "CREATE TABLE orders (id int, user_id int);\n"
                + "INSERT INTO orders VALUES (1, 99);\n");
        cli.write("shipshape.yaml", """
                service: shop
                environments:
                  staging:
                    database:
                      url: %s
                      user: %s
                      password: ${secret:DB_PASSWORD}
                      migrations: db/migrations
                stages:
                  - name: database
                    steps:
                      - postgres.backup: before-migrate
                      - postgres.migrate:
                        expect_tables: {orders: [id, user_id]}
                      - postgres.query: SELECT o.id FROM orders o LEFT JOIN users u ON u.id = o.user_id WHERE u.id IS NULL
                        name: no orphaned orders
                        expect: {rows: 0}
                    rollback:
                      - postgres.restore: run
                """.formatted(url.substring(0, url.indexOf('?')), server.user()));
        Cli.Result r = cli.run("deploy", "--env", "staging", "--version", "v2");
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCode.ROLLED_BACK);
        assertThat(r.out()).contains("[FAIL] database/3  no orphaned orders", "1 row, first value 1 (expected 0 rows)",
                        "[ok]   database/rollback/1  restore the database from backup run")
                .doesNotContain(server.password());
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT to_regclass('orders') IS NULL, (SELECT count(*) FROM users)")) {
            rs.next();
            assertThat(rs.getBoolean(1)).isTrue();
            assertThat(rs.getInt(2)).isEqualTo(2);
        }
    }

    @Test
    void shopDbExampleMigratesChecksAndPassesItsRecoveryDrill() throws Exception {
        PostgresServer server = PostgresServer.get();
        String url = server.createDatabase("example");
        Path example = Path.of(System.getProperty("basedir", "."), "examples", "shop-db");
        for (String migration : java.util.List.of("V1__create_orders.sql", "V2__order_notes.sql",
                "V3__index_notes.sql")) {
            java.nio.file.Files.createDirectories(folder.resolve("db/migrations"));
            java.nio.file.Files.copy(example.resolve("db/migrations").resolve(migration),
                    folder.resolve("db/migrations").resolve(migration));
        }
        java.nio.file.Files.writeString(folder.resolve("shipshape.yaml"), java.nio.file.Files.readString(
                example.resolve("shipshape.yaml")).replace("jdbc:postgresql://127.0.0.1:5432/shop_staging",
                url.substring(0, url.indexOf('?'))).replace("user: shop", "user: " + server.user()));
        Cli cli = new Cli(folder);
        cli.env.put("DB_PASSWORD", server.password());

        Cli.Result deploy = cli.run("deploy", "--env", "staging", "--version", "2.4.0");
        Cli.Result backups = cli.run("db", "backups", "--env", "staging");
        cli.run("db", "backup", "--env", "staging", "--label", "after 2.4.0");
        Cli.Result drill = cli.run("db", "verify", "--env", "staging");

        assertThat(deploy.exitCode()).as(deploy.out() + deploy.err()).isZero();
        assertThat(deploy.out()).contains("[ok]   migrate/2  no orphaned notes");
        assertThat(backups.out().lines().filter(l -> l.startsWith("backup_")).toList()).as("one backup a deploy")
                .hasSize(1).allMatch(l -> l.contains("before migrating 3 migration(s)"));
        assertThat(drill.exitCode()).as(drill.out() + drill.err()).isZero();
        assertThat(drill.out()).contains("passed", "target 8h", "target 1h", "public.orders: 0 rows",
                "check ok: SELECT count(*) FROM orders WHERE total_cents < 0 -> 1 row, first value 0");
    }

    @Test
    void queryExpectingTrueMatchesPostgresBooleanTAndFalseIsStillAFailure() throws Exception {
        PostgresServer server = PostgresServer.get();
        String url = server.createDatabase("bool");
        Cli cli = new Cli(folder);
        cli.env.put("DB_PASSWORD", server.password());
        cli.write("shipshape.yaml", """
                service: shop
                environments:
                  staging:
                    database:
                      url: %s
                      user: %s
                      password: ${secret:DB_PASSWORD}
                stages:
                  - name: checks
                    steps:
                      - postgres.query: SELECT true
                        name: is true
                        expect: {value: true}
                      - postgres.query: SELECT 1 = 2
                        name: is false
                        expect: {value: false}
                      - postgres.query: SELECT 1 = 2
                        name: wrongly true
                        expect: {value: true}
                """.formatted(url.substring(0, url.indexOf('?')), server.user()));
        Cli.Result r = cli.run("deploy", "--env", "staging", "--version", "v1");
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCode.FAILED);
        assertThat(r.out()).contains("[ok]   checks/1  is true", "[ok]   checks/2  is false",
                "[FAIL] checks/3  wrongly true", "1 row, first value false (expected value true)");
    }
}
