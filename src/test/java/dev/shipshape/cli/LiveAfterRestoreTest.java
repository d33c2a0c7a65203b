package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.testing.PostgresServer;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database restore returns the environment to the version that was live when the backup was taken. */
class LiveAfterRestoreTest {

    @TempDir
    Path folder;
    private Cli cli;

    @BeforeEach
    void runbook() throws Exception {
        PostgresServer server = PostgresServer.get();
        String url = server.createDatabase("live_restore");
        cli = new Cli(folder);
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
                  - name: deploy
                    steps:
                      - run: "true"
                """.formatted(url.substring(0, url.indexOf('?')), server.user()));
    }

    @Test
    void restoringABackupMakesTheVersionLiveWhenItWasTakenLiveAgain() {
        assertThat(cli.run("deploy", "--env", "staging", "--version", "v1").exitCode()).isZero();
        Cli.Result backup = cli.run("db", "backup", "--env", "staging");
        String id = backup.out().replaceAll("(?s)^backup (backup_[0-9_]+).*", "$1");
        assertThat(cli.run("deploy", "--env", "staging", "--version", "v2").exitCode()).isZero();

        Cli.Result restored = cli.run("db", "restore", "--env", "staging", "--backup", id, "--yes");
        Cli.Result status = cli.run("status");
        Cli.Result plan = cli.run("plan", "--env", "staging", "--version", "v3");

        assertThat(restored.exitCode()).as(restored.err()).isZero();
        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).containsPattern("\n  live:    v1 since \\S+ \\S+ UTC \\(restored from backup " + id
                + "\\)\n");
        assertThat(plan.out()).startsWith("Plan: shop v3 to staging (previous: v1)\n");
    }
}
