package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shipshape.sample.Faults;
import dev.shipshape.sample.SampleService;
import dev.shipshape.testing.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seeds' emergency procedures as the examples write them, run through the real CLI in staging against the
 * sample service and a real PostgreSQL, with the examples' stand-ins for the PaaS CLIs.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SeedExampleProceduresTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("basedir", "."), "examples");

    @TempDir
    Path folder;
    private PostgresServer server;
    private String url;
    private SampleService service;

    @BeforeEach
    void start() throws Exception {
        server = PostgresServer.get();
        url = server.createDatabase("seed_example");
        service = SampleService.start(0, "v1", new Faults());
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void productionDownRestartsACrashedAppAfterLookingAtTheDatabaseAndRollsNothingBack() throws Exception {
        Cli cli = example("event-app");
        service.faults().unhealthy(true);

        Cli.Result run = cli.run("run", "production-down", "--env", "staging", "--reason", "pager INC-7");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("procedure production-down in staging (reason: pager INC-7)",
                "[ok]   production-down/1  notify",
                "the conditions of the steps after it decide what runs next",
                "[skip] production-down/6  rollback  skipped: when ${steps.health.outcome} == failed && ${steps.deployed.exit}"
                        + " == 0 was false (failed == failed && 1 == 0)",
                "production-down/7: when ${steps.health.json.checks.database} == false held (false == false)",
                "[ok]   production-down/7  database",
                "production-down/10: when ${steps.health.outcome} == failed && ${steps.deployed.exit} != 0 held",
                "railway restart --environment staging", "faults cleared",
                "[ok]   production-down/11  recovered");
        assertThat(run.out()).containsPattern("production-down/8 +restore needed.*runs only in production");
        assertThat(run.out()).containsPattern("\\[ok\\]   run \\S+ succeeded\n$");
        assertThat(Files.readString(folder.resolve("event-app/standins.log")))
                .contains("railway restart --environment staging").doesNotContain("railway rollback");
        assertThat(service.faults().unhealthy()).isFalse();
        assertThat(cli.run("status", "--env", "staging").out()).doesNotContain("live:    v");
    }

    @Test
    void poolExhaustedTerminatesTheConnectionsIdleTooLongAndNothingElse() throws Exception {
        Cli cli = example("platform");
        cli.env.put("IDLE_FOR", "1 second");
        Properties idle = new Properties();
        idle.setProperty("ApplicationName", "idle-client");
        try (Connection client = DriverManager.getConnection(url, idle)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> idleClients() == 1);

            Cli.Result run = cli.run("run", "pool-exhausted", "--env", "staging");

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains("pool-exhausted/2 failed: 1 row, first value 1 (expected value 0)",
                    "pool-exhausted/4: when ${steps.idle.outcome} == failed held (failed == failed)",
                    "1 row returned", "[ok]   pool-exhausted/4  kill idle");
            assertThat(run.out()).containsPattern("pool-exhausted/5 +raise the pool.*runs only in production");
            assertThat(client.isValid(2)).isFalse();
        }
    }

    @Test
    void poolExhaustedKillsNothingWhenNoConnectionWasIdleTooLong() throws Exception {
        Cli cli = example("platform");

        Cli.Result run = cli.run("run", "pool-exhausted", "--env", "staging");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("[ok]   pool-exhausted/2  idle",
                "[skip] pool-exhausted/4  kill idle  skipped: when ${steps.idle.outcome} == failed was false (succeeded == failed)")
                .doesNotContain("row returned");
    }

    /** A copy of examples/NAME pointed at the sample service and the test database, with its CLI. */
    private Cli example(String name) throws Exception {
        Path copy = Files.createDirectories(folder.resolve(name));
        copyTree(EXAMPLES.resolve(name), copy);
        Cli cli = new Cli(copy);
        String database = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
        cli.env.put("DATABASE_HOST", server.host());
        cli.env.put("DATABASE_PORT", Integer.toString(server.port()));
        cli.env.put("DATABASE_NAME", database);
        cli.env.put("DATABASE_USER", server.user());
        cli.env.put("DB_PASSWORD", server.password());
        cli.env.put("APP_URL", service.baseUrl());
        Files.writeString(copy.resolve(".sample-service"), service.baseUrl());
        cli.env.put("SLACK_WEBHOOK_URL", service.baseUrl() + "/");
        cli.env.put("STATUS_PAGE_URL", service.baseUrl() + "/");
        return cli;
    }

    private int idleClients() throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE application_name = "
                     + "'idle-client' AND state = 'idle' AND state_change < now() - interval '1 second'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
