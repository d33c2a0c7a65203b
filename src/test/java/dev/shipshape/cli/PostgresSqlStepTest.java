package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.testing.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code postgres.sql}: writes in one transaction, rows per statement, shown in plan, refused in production. */
class PostgresSqlStepTest {

    @TempDir
    Path folder;
    PostgresServer server;
    String url;
    Cli cli;

    @BeforeEach
    void database() throws Exception {
        server = PostgresServer.get();
        url = server.createDatabase("sqlstep");
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE sessions (id int PRIMARY KEY, user_id int, revoked boolean DEFAULT false);"
                    + "INSERT INTO sessions (id, user_id) VALUES (1, 7), (2, 7), (3, 8)");
        }
        cli = new Cli(folder);
        cli.env.put("DB_PASSWORD", server.password());
    }

    private void runbook(String steps) throws Exception {
        String database = """
                    database:
                      url: %s
                      user: %s
                      password: ${secret:DB_PASSWORD}
                """.formatted(url.substring(0, url.indexOf('?')), server.user());
        cli.write("shipshape.yaml", "service: shop\nenvironments:\n  staging:\n" + database.indent(2)
                + "  production:\n" + database.indent(2) + "stages:\n  - name: sessions\n    steps:\n" + steps);
    }

    @Test
    void reportsRowsAffectedPerStatementInTheRunAndInShow() throws Exception {
        runbook("""
                      - postgres.sql: |
                          UPDATE sessions SET revoked = true WHERE user_id = 7;
                          DELETE FROM sessions WHERE user_id = 8;
                        name: invalidate sessions
                """);
        Cli.Result r = cli.run("deploy", "--env", "staging", "--version", "v1");
        Cli.Result show = cli.run("show", r.out().replaceAll("(?s).*run (\\S+) succeeded.*", "$1"));

        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("[ok]   sessions/1  invalidate sessions",
                "1. UPDATE sessions SET revoked = true WHERE user_id = 7 -> 2 rows affected");
        assertThat(show.out()).contains("committed 2 statements: 2 rows affected, 1 row affected",
                "1. UPDATE sessions SET revoked = true WHERE user_id = 7 -> 2 rows affected",
                "2. DELETE FROM sessions WHERE user_id = 8 -> 1 row affected");
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FILTER (WHERE revoked), count(*) FROM sessions")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(2);
            assertThat(rs.getInt(2)).isEqualTo(2);
        }
    }

    @Test
    void aFailingStatementLeavesEveryEarlierOneUndone() throws Exception {
        runbook("""
                      - postgres.sql: |
                          UPDATE sessions SET revoked = true;
                          UPDATE no_such_table SET x = 1;
                """);
        Cli.Result r = cli.run("deploy", "--env", "staging", "--version", "v1");

        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCode.FAILED);
        assertThat(r.out()).contains("statement 2 of 2 failed, nothing was changed (rolled back)",
                "relation \"no_such_table\" does not exist");
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM sessions WHERE revoked")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void planShowsTheStatementsAndWhichWouldBeRefusedInProduction() throws Exception {
        runbook("""
                      - postgres.sql: "UPDATE sessions SET revoked = true; SELECT 1"
                """);
        Cli.Result r = cli.run("plan", "--env", "production", "--version", "v1");

        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("in one read-write transaction", "1. UPDATE sessions SET revoked = true",
                "2. SELECT 1", "refused unless the run is started with --confirm-sql",
                "shipshape.yaml:16:9 stages[0].steps[0].postgres.sql");
    }

    @Test
    void productionRefusesAnUnconfirmedWriteAtItsPlaceAndTouchesNothing() throws Exception {
        runbook("""
                      - postgres.sql: UPDATE sessions SET revoked = true
                """);
        Cli.Result r = cli.run("deploy", "--env", "production", "--version", "v1");

        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("shipshape.yaml:16:9: stages[0].steps[0].postgres.sql: writes to the database"
                + " of production environment 'production' without confirmation", "--confirm-sql", "safe: true")
                .doesNotContain("Exception");
        assertThat(revoked()).isZero();
    }

    @Test
    void productionRunsAWriteMarkedSafeOrConfirmedWithTheFlag() throws Exception {
        runbook("""
                      - postgres.sql: UPDATE sessions SET revoked = true WHERE user_id = 8
                        safe: true
                """);
        Cli.Result safe = cli.run("deploy", "--env", "production", "--version", "v1");
        assertThat(safe.exitCode()).as(safe.out() + safe.err()).isZero();
        assertThat(revoked()).isEqualTo(1);

        runbook("""
                      - postgres.sql: SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE false
                """);
        Cli.Result confirmed = cli.run("deploy", "--env", "production", "--version", "v2", "--confirm-sql");
        assertThat(confirmed.exitCode()).as(confirmed.out() + confirmed.err()).isZero();
        assertThat(confirmed.out()).contains("1. SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE false"
                + " -> 0 rows returned");
    }

    @Test
    void aProcedureInProductionRunsOnlyWhenConfirmed() throws Exception {
        runbook("      - run: \"true\"\nprocedures:\n  revoke-sessions:\n    description: sign out a user\n"
                + "    steps:\n      - postgres.sql: UPDATE sessions SET revoked = true WHERE user_id = 7\n");
        Cli.Result refused = cli.run("run", "revoke-sessions", "--env", "production");
        assertThat(refused.exitCode()).as(refused.out() + refused.err()).isEqualTo(ExitCode.USAGE);
        assertThat(refused.err()).contains("shipshape.yaml:21:9: procedures.revoke-sessions.steps[0].postgres.sql");
        assertThat(revoked()).isZero();

        Cli.Result confirmed = cli.run("run", "revoke-sessions", "--env", "production", "--confirm-sql");
        assertThat(confirmed.exitCode()).as(confirmed.out() + confirmed.err()).isZero();
        assertThat(confirmed.out()).contains("-> 2 rows affected");
        assertThat(revoked()).isEqualTo(2);
    }

    private int revoked() throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM sessions WHERE revoked")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
