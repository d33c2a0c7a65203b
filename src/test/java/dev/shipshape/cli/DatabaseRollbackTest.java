package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shipshape.testing.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code rollback} command on a database stage like {@code examples/shop-db}'s (no {@code tier}, a
 * {@code postgres.restore} rollback step), against a real PostgreSQL: given 2.4.0 and then 2.5.0 deployed to
 * staging, each migrating after the policy's backup, the rollback restores the right backup.
 */
class DatabaseRollbackTest {

    @TempDir
    Path folder;
    Cli cli;
    String url;

    /** Deploys 2.4.0 (orders), one order, 2.5.0 (order_notes, backed up first), a second order. */
    private void deployedTwice(String restore) throws Exception {
        deployedTwice(restore, "");
    }

    /** As {@link #deployedTwice(String)}, with {@code stagesFirst} before the database stage. */
    private void deployedTwice(String restore, String stagesFirst) throws Exception {
        PostgresServer server = PostgresServer.get();
        url = server.createDatabase("dbrollback");
        cli = new Cli(folder);
        cli.env.put("DB_PASSWORD", server.password());
        cli.write("db/migrations/V1__orders.sql", "CREATE TABLE orders (id int PRIMARY KEY, total_cents int);\n");
        cli.write("shipshape.yaml", """
                service: shop-db
                environments:
                  staging:
                    database:
                      url: %s
                      user: %s
                      password: ${secret:DB_PASSWORD}
                      migrations: db/migrations
                      backup: {keep: 7}
                stages:
                %s  - name: migrate
                    steps:
                      - postgres.migrate:
                    rollback:
                      - postgres.restore: %s
                """.formatted(url.substring(0, url.indexOf('?')), server.user(), stagesFirst, restore));
        deploy("2.4.0");
        sql("INSERT INTO orders VALUES (1, 100)");
        cli.write("db/migrations/V2__order_notes.sql", "CREATE TABLE order_notes (order_id int, note text);\n");
        deploy("2.5.0");
        sql("INSERT INTO orders VALUES (2, 200)");
    }

    private void deploy(String version) {
        Cli.Result r = cli.run("deploy", "--env", "staging", "--version", version);
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }

    /** Order ids, and whether 2.5.0's table exists. */
    private String data() throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT string_agg(id::text, ',' ORDER BY id), to_regclass('order_notes')"
                     + " IS NOT NULL FROM orders")) {
            rs.next();
            return "orders " + rs.getString(1) + ", notes table " + rs.getBoolean(2);
        }
    }

    /** The newest backup's id, as {@code db backups} lists it. */
    private String newestBackup() {
        return cli.run("db", "backups", "--env", "staging").out().lines().filter(l -> l.startsWith("backup_"))
                .findFirst().orElseThrow().split(" ")[0];
    }

    @Test
    void rollbackOfRunRestoresTheBackupOfTheDeployThatMadeTheLiveVersionLive() throws Exception {
        deployedTwice("run");
        String backupOf250 = newestBackup();

        Cli.Result r = cli.run("rollback", "--env", "staging", "--reason", "bad notes", "--yes");

        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(r.err()).contains("WARNING: this rollback undoes database stages (migrate): data written since"
                + " their backup is lost.");
        assertThat(r.out()).contains("[ok]   migrate/1  restore the database from backup " + backupOf250,
                        "rolled back shop-db in staging from 2.5.0 to 2.4.0 (full), run ")
                .doesNotContain("Exception", "null");
        assertThat(data()).isEqualTo("orders 1, notes table false");
    }

    @Test
    void rollbackOfLatestRestoresTheNewestBackupOfTheEnvironment() throws Exception {
        deployedTwice("latest");
        assertThat(cli.run("db", "backup", "--env", "staging", "--label", "after 2.5.0").exitCode()).isZero();
        sql("INSERT INTO orders VALUES (3, 300)");

        Cli.Result r = cli.run("rollback", "--env", "staging", "--reason", "bad notes", "--yes");

        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(r.out()).contains("[ok]   migrate/1  restore the database from backup latest",
                "rolled back shop-db in staging from 2.5.0 to 2.4.0 (full), run ");
        assertThat(data()).isEqualTo("orders 1,2, notes table true");
    }

    @Test
    void aStageWithoutTierThatRestoresIsADatabaseStageThatNeedsYesAndIsFoundByDbOnly() throws Exception {
        deployedTwice("run");

        Cli.Result refused = cli.run("rollback", "--env", "staging", "--reason", "bad notes");
        String after = data();
        Cli.Result dbOnly = cli.run("rollback", "--env", "staging", "--db-only", "--reason", "bad notes", "--yes");

        assertThat(refused.exitCode()).as(refused.out() + refused.err()).isEqualTo(ExitCode.USAGE);
        assertThat(refused.err()).isEqualTo("WARNING: this rollback undoes database stages (migrate): data written"
                + " since their backup is lost.\nshipshape rollback: not confirmed; run again with --yes to roll back"
                + " the database (or --app-only to leave it)\n");
        assertThat(after).isEqualTo("orders 1,2, notes table true");
        assertThat(dbOnly.exitCode()).as(dbOnly.out() + dbOnly.err()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(dbOnly.out()).contains("rolled back shop-db in staging from 2.5.0 to 2.4.0 (database), run ");
        assertThat(data()).isEqualTo("orders 1, notes table false");
    }

    @Test
    void rollbackOfRunIsRefusedBeforeAnythingRunsWhenTheLiveVersionsRunTookNoBackup() throws Exception {
        deployedTwice("run");
        deploy("2.5.1"); // nothing to migrate: no backup
        String run = cli.run("runs").out().lines().filter(l -> l.contains("2.5.1")).findFirst().orElseThrow()
                .strip().split("\\s+")[0];

        Cli.Result r = cli.run("rollback", "--env", "staging", "--reason", "bad notes", "--yes");

        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCode.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("shipshape: stage 'migrate' rolls back with 'postgres.restore: run', but run "
                + run + ", which made 2.5.1 live in staging, took no backup; restore 'latest' or a backup id instead"
                + " (shipshape db backups --env staging lists them)\n");
        assertThat(cli.run("runs").out()).doesNotContain("rollback");
        assertThat(data()).isEqualTo("orders 1,2, notes table true");
    }

    @Test
    void aKilledRollbackWhoseRestoreHadRunResumesToTheEnd() throws Exception {
        deployedTwice("run", """
                  - name: app
                    steps:
                      - run: "true"
                    rollback:
                      - run: ./scripts/hold.sh
                        idempotent: true
                """);
        cli.write("scripts/hold.sh", """
                #!/usr/bin/env bash
                marker="$(dirname "$0")/../held"
                [ -e "$marker" ] && exit 0
                touch "$marker"
                sleep 30
                """);
        Process rollback = CliProcess.start(folder, "rollback.out", cli.env, "rollback", "--env", "staging",
                "--reason", "bad notes", "--yes");
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(folder.resolve("held")) || !rollback.isAlive());
        rollback.destroyForcibly().waitFor();
        String run = cli.run("runs").out().lines().filter(l -> l.contains("rollback")).findFirst().orElseThrow()
                .strip().split("\\s+")[0];
        String restored = data();

        Cli.Result resumed = cli.run("resume", run);

        assertThat(restored).as(Files.readString(folder.resolve("rollback.out"))).isEqualTo("orders 1, notes table false");
        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(resumed.out()).contains("run " + run + " succeeded").doesNotContain("Exception");
        assertThat(data()).isEqualTo("orders 1, notes table false");
    }

    @Test
    void anApplicationTierStageThatRestoresADatabaseIsRefusedWithItsPosition() throws Exception {
        cli = new Cli(folder);
        cli.write("shipshape.yaml", """
                service: shop-db
                environments:
                  staging: {}
                stages:
                  - name: migrate
                    tier: application
                    steps:
                      - postgres.migrate:
                    rollback:
                      - postgres.restore: run
                """);

        Cli.Result r = cli.run("validate");

        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("shipshape.yaml:6:11: stages[0].tier: a stage whose rollback restores a database"
                + " (postgres.restore) is a database stage; write 'tier: database' or leave tier out");
    }
}
