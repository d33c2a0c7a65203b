package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The health step judges the seeds' own health answers as their runbooks mean them. */
class HealthJudgementTest {

    /** Seed 000's documented healthy answer: a timestamp among the checks. */
    static final String SEED_000_HEALTHY = """
            {"status": "healthy", "checks": {"database": true, "redis": true, "timestamp": "2026-12-02T10:30:00Z"},
             "uptime": 86400, "version": "1.0.0"}""";
    /** Seed 004's shape with its database gone. */
    static final String SEED_004_DISCONNECTED = """
            {"status": "healthy", "timestamp": "2026-01-15T10:00:00Z",
             "services": {"database": "disconnected", "redis": "connected"}}""";
    /** Seed 003's write-sync worker, stopped: no status at all. */
    static final String SEED_003_STOPPED = """
            {"worker": {"running": false}, "queue": {"size": 0}}""";

    @TempDir
    Path folder;
    HttpServer server;
    volatile String body;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private Cli.Result deploy(String body, String healthKeys) throws Exception {
        this.body = body;
        Cli cli = new Cli(folder);
        cli.write("shipshape.yaml", """
                service: shop-api
                environments:
                  staging: {}
                stages:
                  - name: verify
                    on_failure: stop
                    steps:
                      - health: http://127.0.0.1:%d/health
                        interval: 100ms
                        within: 1s
                """.formatted(server.getAddress().getPort()) + healthKeys.indent(8));
        return cli.run("deploy", "--env", "staging", "--version", "v1");
    }

    @Test
    void seedZerosHealthyAnswerWithATimestampAmongItsChecksIsHealthy() throws Exception {
        Cli.Result result = deploy(SEED_000_HEALTHY, "");

        assertThat(result.exitCode()).as(result.out()).isZero();
        assertThat(result.out()).contains("poll 1: healthy (200, version 1.0.0)");
    }

    @Test
    void aDisconnectedServiceInSeedFoursShapeIsUnhealthy() throws Exception {
        Cli.Result result = deploy(SEED_004_DISCONNECTED, "");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("last: unhealthy: services.database is \"disconnected\"");
    }

    @Test
    void aStepSaysWhatHealthyMeansForAnAnswerWithoutStatus() throws Exception {
        Cli.Result result = deploy(SEED_003_STOPPED, "healthy: {worker.running: true, queue: {size: 0}}");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("last: unhealthy: json worker.running = false (expected true)");
    }

    @Test
    void aStepsOwnMeaningOfHealthyPassesWhenItsValuesAreThere() throws Exception {
        Cli.Result result = deploy(SEED_004_DISCONNECTED.replace("disconnected", "connected"),
                "healthy: {status: healthy, services.database: connected}");

        assertThat(result.exitCode()).as(result.out()).isZero();
    }

    @Test
    void aMistypedHealthyIsAnInvalidRunbookWithItsPosition() throws Exception {
        Cli.Result result = deploy(SEED_000_HEALTHY, "healthy: connected");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("shipshape.yaml:11:18", "healthy");
    }
}
