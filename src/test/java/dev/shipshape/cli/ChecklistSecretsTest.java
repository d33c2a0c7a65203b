package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.shipshape.store.Store;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checklist items use secrets (a database password, an API token); their values are never shown or stored. */
class ChecklistSecretsTest {

    private static final String DB_PASSWORD = "db-pass-9f2c71";
    private static final String TOKEN = "tok-41b7e0aa";

    @TempDir
    Path folder;
    Cli cli;
    HttpServer server;

    @BeforeEach
    void setUp() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/health", exchange -> {
            boolean allowed = ("token=" + TOKEN).equals(exchange.getRequestURI().getQuery());
            exchange.sendResponseHeaders(allowed ? 200 : 401, -1);
            exchange.close();
        });
        server.start();
        String database = "jdbc:h2:file:" + folder.resolve("checks") + ";USER=sa;PASSWORD=";
        try (Connection c = DriverManager.getConnection(database + DB_PASSWORD)) {
            c.createStatement().execute("CREATE TABLE pending_migrations (name VARCHAR)");
        }
        cli = new Cli(folder);
        cli.env.put("API_TOKEN", TOKEN);
        Path secrets = cli.write(".shipshape/secrets", "DB_PASSWORD=" + DB_PASSWORD + "\n");
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-------"));
        cli.write("shipshape.yaml", """
                service: shop-api
                environments:
                  production:
                    checklist:
                      strict: true
                      items:
                        - {name: no pending migrations, sql: "SELECT COUNT(*) = 0 FROM pending_migrations",
                           database: "%s${secret:DB_PASSWORD}"}
                        - {name: api healthy, http: "http://127.0.0.1:%d/health?token=${secret:API_TOKEN}"}
                        - {name: token works, run: "echo rejected ${secret:API_TOKEN}; exit 1"}
                stages:
                  - name: deploy
                    steps:
                      - run: echo deployed
                """.formatted(database, server.getAddress().getPort()));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void itemsUseTheSecretsValuesAndTheTableShowsNone() {
        Cli.Result result = cli.run("checklist", "--env", "production");

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.out()).isEqualTo("""
                Checklist for production (strict):
                  result item                   kind     details
                  pass   no pending migrations  sql      the query returned true
                  pass   api healthy            http     status 200
                  FAIL   token works            run      exit code 1: rejected ***
                block: 1 of 3 items failed (strict): token works
                """);
        assertThat(result.out() + result.err()).doesNotContain(TOKEN).doesNotContain(DB_PASSWORD);
    }

    @Test
    void aRefusedDeployRecordsNoSecretValue() {
        Cli.Result result = cli.run("deploy", "--env", "production", "--version", "v1");

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.out() + result.err()).contains("rejected ***").doesNotContain(TOKEN)
                .doesNotContain(DB_PASSWORD);
        Cli.Result history = cli.run("gates", "history", "--env", "production", "--output", "json");
        assertThat(history.out()).contains("token works").doesNotContain(TOKEN).doesNotContain(DB_PASSWORD);
        try (Store store = Store.open(null, folder, Map.of())) {
            assertThat(store.gates().recent("shop-api", "production", 10).toString()).contains("rejected ***")
                    .doesNotContain(TOKEN).doesNotContain(DB_PASSWORD);
        }
    }

    @Test
    void aSecretThatIsNotSetStopsTheChecklistBeforeAnyItemRuns() {
        cli.env.remove("API_TOKEN");

        Cli.Result result = cli.run("checklist", "--env", "production");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("shipshape: secret API_TOKEN is not set; export it or add NAME=value to "
                + folder.resolve(".shipshape/secrets") + " (mode 0600)\n");
    }
}
