package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy --output json} and {@code resume --output json} print the run exactly as {@code show
 * --output json} does: with run metrics, verification results and probe figures. The run checks the
 * health of a loopback service under a zero-downtime probe, then pauses on an analysis that cannot reach
 * Prometheus; resuming with --rollback rolls it back.
 */
class RunJsonOutputTest {

    @TempDir
    Path folder;
    HttpServer service;

    @BeforeEach
    void start() throws Exception {
        service = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        service.createContext("/health", exchange -> {
            byte[] body = "{\"status\": \"healthy\", \"checks\": {\"database\": true}}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        service.start();
    }

    @AfterEach
    void stop() {
        service.stop(0);
    }

    private String runbook() {
        String health = "http://127.0.0.1:" + service.getAddress().getPort() + "/health";
        return """
                service: shop
                environments:
                  staging: {}
                stages:
                  - name: deploy
                    probe: {url: "%s", interval: 100ms}
                    steps:
                      - run: sleep 0.3
                      - health: "%s"
                    rollback:
                      - run: echo undone
                  - name: verify
                    steps:
                      - analysis:
                          provider: prometheus
                          address: http://127.0.0.1:1
                          interval: 100ms
                          count: 2
                          on_inconclusive: pause
                          metrics:
                            - name: error-rate
                              critical: "> 0.10"
                """.formatted(health, health);
    }

    @Test
    void deployAndResumePrintWhatShowPrints() throws Exception {
        Cli cli = new Cli(folder);
        cli.write("shipshape.yaml", runbook());
        ObjectMapper json = new ObjectMapper();

        Cli.Result deploy = cli.run("deploy", "--env", "staging", "--version", "v2", "--output", "json");
        String runId = json.readTree(deploy.out()).path("id").asText();
        Cli.Result shownHalted = cli.run("show", runId, "--output", "json");
        Cli.Result resume = cli.run("resume", runId, "--rollback", "--output", "json");
        Cli.Result shownRolledBack = cli.run("show", runId, "--output", "json");

        assertThat(deploy.exitCode()).as(deploy.err()).isEqualTo(1);
        assertThat(json.readTree(deploy.out())).isEqualTo(json.readTree(shownHalted.out()));
        JsonNode halted = json.readTree(deploy.out());
        assertThat(halted.path("status").asText()).isEqualTo("halted");
        assertThat(halted.path("verification").findValuesAsText("kind")).containsExactly("health", "analysis");
        assertThat(halted.path("probes").get(0).path("requests").asInt()).isPositive();
        assertThat(halted.path("probes").get(0).path("failures").asInt()).isZero();
        assertThat(halted.path("metrics").path("stageMillis").has("deploy")).isTrue();
        assertThat(resume.exitCode()).as(resume.err()).isEqualTo(3);
        assertThat(json.readTree(resume.out())).isEqualTo(json.readTree(shownRolledBack.out()));
        JsonNode rolledBack = json.readTree(resume.out());
        assertThat(rolledBack.path("status").asText()).isEqualTo("rolled_back");
        assertThat(rolledBack.path("metrics").path("rollbackNeeded").asBoolean()).isTrue();
        assertThat(rolledBack.path("verification")).isNotEmpty();
    }
}
