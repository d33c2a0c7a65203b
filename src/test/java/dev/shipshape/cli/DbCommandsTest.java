package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.testing.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The db commands end to end against a real PostgreSQL with the real pg_dump and pg_restore. */
class DbCommandsTest {

    private static final String PASSWORD_SECRET = "DB_PASSWORD";
    @TempDir
    Path folder;
    private Cli cli;
    private String url;
    private PostgresServer server;

    @BeforeEach
    void database() throws Exception {
        server = PostgresServer.get();
        url = server.createDatabase("db_cmd");
        cli = new Cli(folder);
        cli.env.put(PASSWORD_SECRET, server.password());
        sql("CREATE TABLE orders (id int PRIMARY KEY, total int); INSERT INTO orders SELECT g, g FROM "
                + "generate_series(1, 100) g");
        runbook("restore");
    }

    private void runbook(String onFailure) throws Exception {
        String jdbc = url.substring(0, url.indexOf('?'));
        cli.write("shipshape.yaml", """
                service: shop
                environments:
                  staging:
                    database:
                      url: %s
                      user: %s
                      password: ${secret:DB_PASSWORD}
                      migrations: db/migrations
                      on_migration_failure: %s
                      backup:
                        keep: 5
                      recovery:
                        rto: 8h
                        rpo: 1h
                        checks:
                          - sql: SELECT count(*) FROM orders
                            value: 100
                stages:
                  - name: noop
                    steps:
                      - run: "true"
                """.formatted(jdbc, server.user(), onFailure));
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

    @Test
    void backupThenRestoreBringsTheDataBackAndNeverShowsThePassword() throws Exception {
        Cli.Result backup = cli.run("db", "backup", "--env", "staging");
        assertThat(backup.exitCode()).as(backup.err()).isZero();
        assertThat(backup.out()).startsWith("backup backup_").contains("PostgreSQL 15", "sha256 ");
        Cli.Result list = cli.run("db", "backups", "--env", "staging", "--output", "json");
        assertThat(list.out()).contains("\"sha256\"", "\"server_version\"", "\"database\"");
        String id = list.out().replaceAll("(?s).*\"id\" : \"(backup_[0-9_]+)\".*", "$1");

        sql("DELETE FROM orders WHERE id > 10; CREATE TABLE junk (x int)");
        Cli.Result refused = cli.run("db", "restore", "--env", "staging", "--backup", "latest");
        assertThat(refused.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(refused.err()).contains("everything written since then is lost", "nothing was restored");
        assertThat(count("SELECT count(*) FROM orders")).isEqualTo(10);

        Cli.Result restored = cli.run("db", "restore", "--env", "staging", "--backup", id, "--yes");
        assertThat(restored.exitCode()).as(restored.err()).isZero();
        assertThat(restored.out()).startsWith("restored " + id);
        assertThat(count("SELECT count(*) FROM orders")).isEqualTo(100);
        assertThat(count("SELECT count(*) FROM pg_tables WHERE tablename = 'junk'")).isZero();

        String everything = backup.out() + backup.err() + list.out() + restored.out() + restored.err()
                + allText(folder.resolve(".shipshape/backups"));
        assertThat(everything).doesNotContain(server.password());
    }

    @Test
    void backupChecksumIsTheSha256OfTheDumpFileAsWritten() throws Exception {
        Cli.Result backup = cli.run("db", "backup", "--env", "staging");
        assertThat(backup.exitCode()).as(backup.err()).isZero();

        Path dump;
        try (Stream<Path> files = Files.list(folder.resolve(".shipshape/backups/shop/staging"))) {
            dump = files.filter(p -> p.toString().endsWith(".dump")).findFirst().orElseThrow();
        }
        String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(dump)));
        assertThat(backup.out()).contains(": " + Files.size(dump) + " bytes in ").contains(", sha256 " + sha256 + "\n");
        assertThat(Files.readString(dump.resolveSibling(dump.getFileName().toString().replace(".dump", ".json"))))
                .contains(sha256);
        assertThat(new String(Files.readAllBytes(dump), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("PGDMP");
    }

    @Test
    void twoBackupsInTheSameSecondGetDistinctIds() {
        cli.run("db", "backup", "--env", "staging");
        cli.run("db", "backup", "--env", "staging");
        Cli.Result list = cli.run("db", "backups", "--env", "staging");
        assertThat(list.out().lines().map(l -> l.split(" ")[0]).distinct().count()).isEqualTo(2);
    }

    @Test
    void corruptedBackupIsRefusedBeforeAnythingStarts() throws Exception {
        cli.run("db", "backup", "--env", "staging");
        try (Stream<Path> files = Files.list(folder.resolve(".shipshape/backups/shop/staging"))) {
            Path dump = files.filter(p -> p.toString().endsWith(".dump")).findFirst().orElseThrow();
            Files.write(dump, new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
        }
        sql("DELETE FROM orders");
        Cli.Result r = cli.run("db", "restore", "--env", "staging", "--backup", "latest", "--yes");
        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(r.err()).contains("is corrupted: sha256 of", "nothing was restored");
        assertThat(count("SELECT count(*) FROM orders")).isZero();
    }

    @Test
    void refusedLoginIsNamedWithoutShowingThePassword() throws Exception {
        // the test cluster trusts loopback, so a role that does not exist stands in for a wrong password
        runbook("restore");
        Files.writeString(folder.resolve("shipshape.yaml"), Files.readString(folder.resolve("shipshape.yaml"))
                .replace("user: " + server.user(), "user: nobody_here"));
        cli.env.put(PASSWORD_SECRET, "not-the-password-42");
        Cli.Result r = cli.run("db", "backup", "--env", "staging");
        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(r.err()).contains("authentication failed for user 'nobody_here'")
                .doesNotContain("not-the-password-42");
    }

    @Test
    void failingPgDumpLeavesNoValidBackup() throws Exception {
        Path bin = folder.resolve("bin");
        cli.write("bin/pg_dump", "#!/bin/sh\nif [ \"$1\" = --version ]; then echo 'pg_dump (PostgreSQL) 15.9';"
                + " exit 0; fi\necho 'pg_dump: error: could not write to output file: No space left on device' >&2\n"
                + "exit 1\n");
        bin.resolve("pg_dump").toFile().setExecutable(true);
        cli.env.put("SHIPSHAPE_PG_BIN", bin.toString());
        Cli.Result r = cli.run("db", "backup", "--env", "staging");
        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(r.err()).contains("No space left on device", "no backup was marked valid");
        assertThat(cli.run("db", "backups", "--env", "staging").out()).contains("no valid backups");
    }

    @Test
    void aBackupWhoseManifestCannotBeWrittenLeavesNoFileBehind() throws Exception {
        Path bin = folder.resolve("bin");
        String real = "/usr/lib/postgresql/15/bin/pg_dump";
        // the real pg_dump, then the manifest's temporary name is taken by a directory, so writing it fails
        cli.write("bin/pg_dump", "#!/bin/sh\n" + real + " \"$@\" || exit $?\nif [ \"$1\" = --version ]; then exit 0; fi\n"
                + "d=" + folder.resolve(".shipshape/backups/shop/staging") + "\n"
                + "for f in \"$d\"/*.dump.partial; do id=$(basename \"$f\" .dump.partial); done\n"
                + "mkdir \"$d/.$id.json.tmp\" && touch \"$d/.$id.json.tmp/taken\"\n");
        bin.resolve("pg_dump").toFile().setExecutable(true);
        cli.env.put("SHIPSHAPE_PG_BIN", bin.toString());

        Cli.Result r = cli.run("db", "backup", "--env", "staging");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.FAILED);
        assertThat(r.err()).contains("could not checksum or publish it", "no backup was marked valid");
        try (Stream<Path> files = Files.list(folder.resolve(".shipshape/backups/shop/staging"))) {
            assertThat(files.toList()).isEmpty();
        }
    }

    @Test
    void backupsAllListsFilesLeftByBackupsThatDidNotFinishWithACommandToRemoveThem() throws Exception {
        assertThat(cli.run("db", "backup", "--env", "staging").exitCode()).isZero();
        Path backups = folder.resolve(".shipshape/backups/shop/staging");
        Files.createFile(backups.resolve(".backup_20260101_000000.claim"));
        Files.writeString(backups.resolve("backup_20260101_000000.dump.partial"), "half a dump");
        Files.writeString(backups.resolve(".backup_20260102_000000.json.tmp"), "{");

        Cli.Result valid = cli.run("db", "backups", "--env", "staging");
        Cli.Result all = cli.run("db", "backups", "--env", "staging", "--all");

        assertThat(valid.out()).doesNotContain("belong to no valid backup");
        assertThat(all.out()).contains("3 file(s) belong to no valid backup (left by backups that did not finish);"
                + " when no backup is running, remove them with:\n  rm -r '" + backups.resolve(".backup_20260101_000000.claim")
                + "' '" + backups.resolve(".backup_20260102_000000.json.tmp") + "' '"
                + backups.resolve("backup_20260101_000000.dump.partial") + "'\n");
        assertThat(all.out().lines().filter(l -> l.startsWith("backup_")).count()).isEqualTo(1);
    }

    @Test
    void olderPgDumpThanTheServerIsExplained() throws Exception {
        Path bin = folder.resolve("bin");
        cli.write("bin/pg_dump", "#!/bin/sh\necho 'pg_dump (PostgreSQL) 13.2'\n");
        bin.resolve("pg_dump").toFile().setExecutable(true);
        cli.env.put("SHIPSHAPE_PG_BIN", bin.toString());
        Cli.Result r = cli.run("db", "backup", "--env", "staging");
        assertThat(r.err()).contains("is version 13 but the server runs PostgreSQL 15", "postgresql-client-15");
    }

    @Test
    void failedMigrationRestoresTheBackupTakenBeforeIt() throws Exception {
        cli.write("db/migrations/V1__add_note.sql", "ALTER TABLE orders ADD COLUMN note text;\n"
                + "CREATE INDEX CONCURRENTLY orders_total ON orders (total);\n");
        Cli.Result first = cli.run("db", "migrate", "--env", "staging");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("applied 1");
        cli.write("db/migrations/V2__broken.sql", "DELETE FROM orders;\nINSERT INTO orders VALUES (1, 1), (1, 2);\n");
        Cli.Result failed = cli.run("db", "migrate", "--env", "staging");
        assertThat(failed.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(failed.err()).contains("V2__broken.sql", "restored backup backup_");
        assertThat(count("SELECT count(*) FROM orders")).isEqualTo(100);
        Cli.Result status = cli.run("db", "status", "--env", "staging");
        assertThat(status.out()).contains("V1__add_note.sql", "Pending");
    }

    @Test
    void recoveryDrillReportsRtoAndRpoAgainstTheTargets() {
        cli.run("db", "backup", "--env", "staging");
        Cli.Result r = cli.run("db", "verify", "--env", "staging", "--backup", "latest");
        assertThat(r.exitCode()).as(r.err() + r.out()).isZero();
        assertThat(r.out()).contains("passed", "target 8h", "target 1h", "public.orders: 100 rows",
                "check ok: SELECT count(*) FROM orders -> 1 row, first value 100");
    }

    @Test
    void lintExitsBlockedWhenAStatementIsUnsafe() throws Exception {
        cli.write("V9__idx.sql", "CREATE INDEX orders_total ON orders (total);\n");
        Cli.Result r = cli.run("db", "lint", "--output", "json", "V9__idx.sql");
        assertThat(r.exitCode()).isEqualTo(ExitCode.BLOCKED);
        assertThat(r.out()).contains("\"verdict\" : \"unsafe\"", "\"lock\" : \"SHARE\"", "\"line\" : 1",
                "CREATE INDEX CONCURRENTLY");
        cli.write("V10__idx.sql", "CREATE INDEX CONCURRENTLY orders_total ON orders (total);\n");
        assertThat(cli.run("db", "lint", "V10__idx.sql").exitCode()).isZero();
    }

    @Test
    void diagnoseShowsWhoBlocksWhomAndCancelIsRecorded() throws Exception {
        try (Connection holder = DriverManager.getConnection(url); Statement h = holder.createStatement()) {
            holder.setAutoCommit(false);
            h.execute("LOCK TABLE orders IN ACCESS EXCLUSIVE MODE");
            Thread waiter = new Thread(() -> {
                try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
                    st.execute("SELECT count(*) FROM orders");
                } catch (Exception expected) {
                    // cancelled below
                }
            });
            waiter.start();
            org.awaitility.Awaitility.await().until(() -> count("SELECT count(*) FROM pg_stat_activity WHERE "
                    + "wait_event_type = 'Lock'") > 0);
            Cli.Result d = cli.run("db", "diagnose", "--env", "staging");
            assertThat(d.out()).contains("blocked: 1", "idle in transaction: 1", "LOCK TABLE orders");
            long pid = count("SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock'");
            Cli.Result c = cli.run("db", "cancel", String.valueOf(pid), "--env", "staging", "--reason", "stuck",
                    "--yes");
            assertThat(c.out()).as(c.err()).isEqualTo("cancelled the query of backend " + pid + " (recorded: stuck)\n");
            waiter.join(10_000);
            holder.rollback();
        }
    }

    private static String allText(Path dir) throws Exception {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                text.append(new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        return text.toString();
    }
}
