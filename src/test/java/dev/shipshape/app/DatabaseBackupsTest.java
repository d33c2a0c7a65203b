package dev.shipshape.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipshape.postgres.BackupManifest;
import dev.shipshape.testing.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backups through the application layer, against a real PostgreSQL with the real pg_dump and pg_restore. */
class DatabaseBackupsTest {

    @TempDir
    Path folder;
    private AppKit kit;
    private String url;
    private Databases.DatabaseRequest staging;
    private final List<String> progress = new ArrayList<>();

    @BeforeEach
    void database() throws Exception {
        PostgresServer server = PostgresServer.get();
        url = server.createDatabase("app_backup");
        sql("CREATE TABLE orders (id int PRIMARY KEY); INSERT INTO orders SELECT g FROM generate_series(1, 50) g");
        kit = new AppKit(folder);
        kit.env.put("DB_PASSWORD", server.password());
        Runbooks.Loaded runbook = kit.runbook("""
                service: shop
                environments:
                  staging:
                    database:
                      url: %s
                      user: %s
                      password: ${secret:DB_PASSWORD}
                stages:
                  - name: noop
                    steps:
                      - run: "true"
                """.formatted(url.substring(0, url.indexOf('?')), server.user()));
        staging = new Databases.DatabaseRequest(runbook, "staging", null, Actor.server("dana", "192.0.2.4"),
                progress::add);
    }

    @Test
    void aBackupIsListedAndRestoredOnlyOnceConfirmed() throws Exception {
        DatabaseBackups backups = kit.app().backups(kit.app().store(null));

        DatabaseBackups.Taken taken = backups.backup(new DatabaseBackups.BackupRequest(staging, "before the sale",
                null, null));
        sql("DELETE FROM orders WHERE id > 10");
        List<String> warnings = new ArrayList<>();
        assertThatThrownBy(() -> backups.restore(new DatabaseBackups.RestoreRequest(staging, "latest", null,
                "undo", (chosen, warning) -> warnings.add(warning) && false)))
                .hasMessage("not confirmed; nothing was restored (pass --yes to confirm)");
        long afterRefusal = count();
        DatabaseBackups.Restored restored = backups.restore(new DatabaseBackups.RestoreRequest(staging, "latest",
                null, "undo", (chosen, warning) -> true));

        assertThat(taken.file()).exists();
        assertThat(taken.manifest().label()).isEqualTo("before the sale");
        assertThat(backups.list(staging, false).backups()).extracting(BackupManifest::id)
                .containsExactly(taken.manifest().id());
        assertThat(warnings).singleElement().asString().startsWith("restoring " + taken.manifest().id());
        assertThat(afterRefusal).isEqualTo(10);
        assertThat(restored.backup().id()).isEqualTo(taken.manifest().id());
        assertThat(count()).isEqualTo(50);
    }

    private long count() throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM orders")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void sql(String statements) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute(statements);
        }
    }
}
