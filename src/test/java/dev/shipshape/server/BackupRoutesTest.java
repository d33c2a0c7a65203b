package dev.shipshape.server;

import static dev.shipshape.server.ServerBasicsTest.assertError;
import static dev.shipshape.server.ServiceRoutesTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipshape.testing.PostgresServer;
import dev.shipshape.users.Role;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupRoutesTest {

    private static final String RUNBOOK = """
            service: shop
            environments:
              staging:
                database:
                  url: URL
                  user: USER
                  password: ${secret:DB_PASSWORD}
              qa: {}
            stages:
              - name: noop
                steps:
                  - run: "true"
            """;
    private static final String BACKUPS = "/api/v1/services/shop/environments/staging/backups";

    @TempDir
    Path folder;
    ServerKit kit;

    @BeforeEach
    void start() {
        kit = new ServerKit(folder);
    }

    @AfterEach
    void stop() {
        kit.close();
    }

    /** The runbook over a database that no test connects to: listing and refusals need no connection. */
    private void unreachableDatabase() throws Exception {
        kit.write("shop.yaml", RUNBOOK.replace("URL", "jdbc:postgresql://127.0.0.1:1/shop").replace("USER", "shop"));
    }

    @Test
    void anEnvironmentWithoutBackupsListsNoneAndAnUnknownEnvironmentIs404() throws Exception {
        unreachableDatabase();

        HttpResponse<String> list = kit.get(BACKUPS, Role.VIEWER);

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(json(list).size()).isZero();
        assertError(kit.get("/api/v1/services/shop/environments/prod/backups", Role.VIEWER), 404, "not_found");
    }

    @Test
    void aRestoreWithoutTheBackupsIdAsConfirmationIsRefusedBeforeAnythingIsTouched() throws Exception {
        unreachableDatabase();
        String restore = BACKUPS + "/20260302T100000Z-abc/restore";

        HttpResponse<String> unconfirmed = kit.post(restore, Role.ADMIN, "{\"reason\":\"undo\"}");
        HttpResponse<String> otherId = kit.post(restore, Role.ADMIN, "{\"confirm\":\"latest\"}");

        assertError(unconfirmed, 400, "confirmation_required");
        assertThat(json(unconfirmed).path("message").asText()).contains("everything written since the backup is lost")
                .contains("nothing was restored");
        assertError(otherId, 400, "confirmation_required");
        assertError(kit.post(restore, Role.APPROVER, "{\"confirm\":\"20260302T100000Z-abc\"}"), 403, "forbidden");
        var entry = kit.store.audit().since(null).getFirst().record();
        assertThat(entry.action()).isEqualTo("db restore");
        assertThat(entry.outcome()).isEqualTo("failed (400 confirmation_required)");
        assertThat(entry.target()).isEqualTo("service=shop env=staging backup=20260302T100000Z-abc");
    }

    @Test
    void aViewerMayNotTakeABackup() throws Exception {
        unreachableDatabase();

        assertError(kit.post(BACKUPS, Role.VIEWER, "{}"), 403, "forbidden");
        assertError(kit.post(BACKUPS, Role.DEPLOYER, "{\"label\":1}"), 400, "bad_body");
    }

    @Test
    void aBackupTakenThroughTheApiIsListedAndRestoredOnceConfirmed() throws Exception {
        PostgresServer server = PostgresServer.get();
        String url = server.createDatabase("api_backup");
        sql(url, "CREATE TABLE orders (id int PRIMARY KEY); INSERT INTO orders SELECT g FROM generate_series(1, 50) g");
        kit.write("shop.yaml", RUNBOOK.replace("URL", url.substring(0, url.indexOf('?'))).replace("USER",
                server.user()));
        Path secrets = kit.write(".shipshape/secrets", "DB_PASSWORD=" + server.password() + "\n");
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-------"));

        HttpResponse<String> taken = kit.post(BACKUPS, Role.DEPLOYER, "{\"label\":\"before the sale\"}");

        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(201);
        String id = json(taken).path("id").asText();
        assertThat(json(taken).path("label").asText()).isEqualTo("before the sale");
        JsonNode listed = json(kit.get(BACKUPS, Role.VIEWER));
        assertThat(listed.findValuesAsText("id")).containsExactly(id);
        sql(url, "DELETE FROM orders WHERE id > 10");

        HttpResponse<String> restored = kit.post(BACKUPS + "/" + id + "/restore", Role.ADMIN,
                "{\"confirm\":\"" + id + "\",\"reason\":\"undo the delete\"}");

        assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
        assertThat(json(restored).path("backupId").asText()).isEqualTo(id);
        assertThat(count(url)).isEqualTo(50);
        assertThat(restored.body()).doesNotContain(server.password());
    }

    private static void sql(String url, String statements) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute(statements);
        }
    }

    private static long count(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM orders")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
