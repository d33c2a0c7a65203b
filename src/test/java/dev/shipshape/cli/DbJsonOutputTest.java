package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shipshape.testing.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code db migrate}, {@code db restore} and {@code db terminate} with {@code --output json}, on a real PostgreSQL. */
class DbJsonOutputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path folder;
    private Cli cli;
    private String url;
    private String database;

    @BeforeEach
    void database() throws Exception {
        PostgresServer server = PostgresServer.get();
        url = server.createDatabase("db_json");
        database = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
        cli = new Cli(folder);
        cli.env.put("DB_PASSWORD", server.password());
        sql("CREATE TABLE orders (id int PRIMARY KEY, total int); INSERT INTO orders SELECT g, g FROM "
                + "generate_series(1, 100) g");
        String settings = """
                    database:
                      url: %s
                      user: %s
                      password: ${secret:DB_PASSWORD}
                      migrations: db/migrations
                """.formatted(url.substring(0, url.indexOf('?')), server.user());
        cli.write("shipshape.yaml", "service: shop\nenvironments:\n  staging:\n" + settings + "  production:\n"
                + settings + "stages:\n  - name: noop\n    steps:\n      - run: \"true\"\n");
    }

    @Test
    void migrateAsJsonListsTheAppliedMigrations() throws Exception {
        cli.write("db/migrations/V1__add_note.sql", "ALTER TABLE orders ADD COLUMN note text;\n");

        JsonNode applied = json(cli.run("db", "migrate", "--env", "staging", "--output", "json"), 0);
        JsonNode nothing = json(cli.run("db", "migrate", "--env", "staging", "--output", "json"), 0);

        assertThat(applied.path("applied").toString()).isEqualTo("[\"1\"]");
        assertThat(applied.has("backup_id")).isTrue();
        assertThat(nothing.path("applied").isEmpty()).isTrue();
    }

    @Test
    void anUnsafeMigrationInProductionUnderJsonIsABlockedErrorWithExitFive() throws Exception {
        cli.write("db/migrations/V1__retype.sql", "ALTER TABLE orders ALTER COLUMN total TYPE bigint;\n");

        Cli.Result result = cli.run("db", "migrate", "--env", "production", "--output", "json");

        JsonNode error = json(result, ExitCode.BLOCKED).path("error");
        assertThat(error.path("code").asText()).isEqualTo("blocked");
        assertThat(error.path("message").asText()).startsWith("1 unsafe statement(s) in pending migrations block"
                + " production (first: V1__retype.sql:1 ");
        assertThat(result.err()).isEqualTo("shipshape: " + error.path("message").asText() + "\n");
    }

    @Test
    void restoreAsJsonNamesTheBackupAndTheDatabase() throws Exception {
        cli.run("db", "backup", "--env", "staging");
        String id = JSON.readTree(cli.run("db", "backups", "--env", "staging", "--output", "json").out())
                .get(0).path("id").asText();
        sql("DELETE FROM orders");

        Cli.Result refused = cli.run("db", "restore", "--env", "staging", "--backup", "latest", "--output", "json");
        JsonNode restored = json(cli.run("db", "restore", "--env", "staging", "--backup", "latest", "--yes",
                "--output", "json"), 0);

        JsonNode error = json(refused, ExitCode.USAGE).path("error");
        assertThat(error.path("code").asText()).isEqualTo("invalid_input");
        assertThat(error.path("message").asText()).isEqualTo("not confirmed; nothing was restored (pass --yes to"
                + " confirm)");
        assertThat(restored.path("backup_id").asText()).isEqualTo(id);
        assertThat(restored.path("database").asText()).contains(database);
        assertThat(restored.path("took_millis").isIntegralNumber()).isTrue();
        assertThat(restored.has("kept_database")).isFalse();
        assertThat(count("SELECT count(*) FROM orders")).isEqualTo(100);
    }

    @Test
    void terminateAsJsonSaysWhatWasDoneToWhichBackendAndWhy() throws Exception {
        try (Connection idle = DriverManager.getConnection(url); Statement st = idle.createStatement()) {
            idle.setAutoCommit(false);
            st.execute("SELECT count(*) FROM orders");
            long pid = count("SELECT pid FROM pg_stat_activity WHERE state = 'idle in transaction'");

            JsonNode done = json(cli.run("db", "terminate", String.valueOf(pid), "--env", "staging", "--reason",
                    "idle for hours", "--yes", "--output", "json"), 0);

            assertThat(done.path("action").asText()).isEqualTo("terminate");
            assertThat(done.path("pid").asLong()).isEqualTo(pid);
            assertThat(done.path("outcome").asText()).isEqualTo("terminated backend " + pid);
            assertThat(done.path("reason").asText()).isEqualTo("idle for hours");
            assertThat(done.path("database").asText()).contains(database);
            assertThat(idle.isValid(2)).isFalse();
        }
    }

    /** The whole of stdout is one JSON document, and the command exited with the given code. */
    private static JsonNode json(Cli.Result result, int exitCode) throws Exception {
        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(exitCode);
        var parser = JSON.createParser(result.out());
        JsonNode node = JSON.readTree(parser);
        assertThat(parser.nextToken()).as("nothing after the JSON document").isNull();
        return node;
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
