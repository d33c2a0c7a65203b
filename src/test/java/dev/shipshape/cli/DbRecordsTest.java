package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.testing.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the db commands record, read back with {@code db history}; directory backups; production safety. */
class DbRecordsTest {

    @TempDir
    Path folder;
    private Cli cli;
    private String url;

    @BeforeEach
    void database() throws Exception {
        PostgresServer server = PostgresServer.get();
        url = server.createDatabase("records");
        cli = new Cli(folder);
        cli.env.put("DB_PASSWORD", server.password());
        cli.env.put("SHIPSHAPE_USER", "ana");
        sql("CREATE TABLE orders (id int PRIMARY KEY, total int); INSERT INTO orders SELECT g, g FROM "
                + "generate_series(1, 500) g");
        String database = """
                    database:
                      url: %s
                      user: %s
                      password: ${secret:DB_PASSWORD}
                      migrations: db/migrations
                """.formatted(url.substring(0, url.indexOf('?')), server.user());
        cli.write("shipshape.yaml", "service: shop\nenvironments:\n  staging:\n" + database + "  production:\n"
                + database + "stages:\n  - name: noop\n    steps:\n      - run: \"true\"\n");
    }

    @Test
    void directoryBackupWithTwoJobsRestoresTheData() throws Exception {
        Cli.Result backup = cli.run("db", "backup", "--env", "staging", "--format", "directory", "--jobs", "2");
        sql("DELETE FROM orders WHERE id > 10");
        Cli.Result restore = cli.run("db", "restore", "--env", "staging", "--backup", "latest", "--yes", "--jobs",
                "2");

        assertThat(backup.exitCode()).as(backup.err()).isZero();
        assertThat(backup.out()).contains(".dir\n");
        assertThat(Files.isDirectory(folder.resolve(backup.out().lines().toList().get(1).strip()))).isTrue();
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(restore.err()).contains("with 2 jobs");
        assertThat(count("SELECT count(*) FROM orders")).isEqualTo(500);
    }

    @Test
    void unknownBackupFormatIsAUsageError() {
        Cli.Result r = cli.run("db", "backup", "--env", "staging", "--format", "tar");

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).isEqualTo("shipshape: --format tar is not a backup format; use custom or directory\n");
    }

    @Test
    void terminateClosesTheSessionAndIsRecordedWithWhoAndWhy() throws Exception {
        try (Connection idle = DriverManager.getConnection(url); Statement st = idle.createStatement()) {
            idle.setAutoCommit(false);
            st.execute("SELECT count(*) FROM orders");
            long pid = count("SELECT pid FROM pg_stat_activity WHERE state = 'idle in transaction'");

            Cli.Result t = cli.run("db", "terminate", String.valueOf(pid), "--env", "staging", "--reason",
                    "idle in transaction for hours", "--yes");

            assertThat(t.exitCode()).as(t.err()).isZero();
            assertThat(t.out()).isEqualTo("terminated backend " + pid + " (recorded: idle in transaction for hours)\n");
            assertThat(idle.isValid(2)).isFalse();
            assertThat(cli.run("db", "history", "--env", "staging").out()).matches("(?s)\\S+Z  terminate " + pid
                    + "  by ana: idle in transaction for hours -> terminated backend " + pid + "\n");
        }
    }

    @Test
    void terminateWithoutConfirmationLeavesTheBackendAlone() throws Exception {
        try (Connection idle = DriverManager.getConnection(url)) {
            long pid = count("SELECT max(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> "
                    + "pg_backend_pid()");
            Cli.Result t = cli.run("db", "terminate", String.valueOf(pid), "--env", "staging", "--reason", "x");

            assertThat(t.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(t.err()).isEqualTo("shipshape: not confirmed; backend " + pid + " was left alone (pass --yes)\n");
            assertThat(idle.isValid(2)).isTrue();
            assertThat(cli.run("db", "history", "--env", "staging").out())
                    .isEqualTo("nothing recorded for the database of staging\n");
        }
    }

    @Test
    void unsafeMigrationIsBlockedInProductionAndNothingIsApplied() throws Exception {
        cli.write("db/migrations/V1__retype.sql", "ALTER TABLE orders ALTER COLUMN total TYPE bigint;\n");

        Cli.Result r = cli.run("db", "migrate", "--env", "production");

        assertThat(r.exitCode()).isEqualTo(ExitCode.BLOCKED);
        assertThat(r.err()).isEqualTo("shipshape: 1 unsafe statement(s) in pending migrations block production "
                + "(first: V1__retype.sql:1 changing a column's type rewrites the table and its indexes under ACCESS EXCLUSIVE "
                + "(blocks reads and writes)); use the safer alternative from 'shipshape db lint', or add "
                + "'-- shipshape:allow-unsafe: REASON' to the migration file\n");
        assertThat(count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'orders' AND "
                + "data_type = 'bigint'")).isZero();
    }

    @Test
    void allowedUnsafeMigrationRunsInProductionAndTheAllowanceIsRecorded() throws Exception {
        cli.write("db/migrations/V1__retype.sql", "-- shipshape:allow-unsafe: orders has 500 rows, rewrite takes ms\n"
                + "ALTER TABLE orders ALTER COLUMN total TYPE bigint;\n");

        Cli.Result r = cli.run("db", "migrate", "--env", "production");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("applied 1\n");
        assertThat(r.err()).contains("unsafe statement allowed at V1__retype.sql:2: orders has 500 rows, rewrite "
                + "takes ms");
        assertThat(count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'orders' AND "
                + "data_type = 'bigint'")).isEqualTo(1);
        String history = cli.run("db", "history", "--env", "production").out();
        assertThat(history).contains(
                "  allow_unsafe V1__retype.sql:2  by ana: orders has 500 rows, rewrite takes ms -> ALTER TABLE orders "
                        + "ALTER COLUMN total TYPE bigint\n", "  migrate 1  by ana -> applied\n");
        assertThat(history.indexOf("  migrate 1 ")).as("newest first").isLessThan(history.indexOf("  allow_unsafe "));
    }

    private void sql(String statements) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute(statements);
        }
    }

    private long count(String query) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
