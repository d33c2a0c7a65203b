package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.shipshape.analysis.VerificationLog;
import dev.shipshape.store.Store;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A soak is judged by the analyses recorded in the source environment, not by the clock alone. The analysis
 * tolerates probes that find no finished request (a first request on a loaded machine may take seconds):
 * its verdict comes from the first measured sample, so the story does not depend on how fast the probe is.
 */
class SoakAnalysisTest {

    private static final String RUNBOOK = """
            service: shop-api
            vars:
              URL: %s
            rollback_rules:
              - when: error-rate critical
                action: alert
            environments:
              staging: {}
              production:
                promote_from: staging
                soak: 48h
            stages:
              - name: deploy
                steps:
                  - run: echo deployed
              - name: verify
                steps:
                  - analysis:
                      provider: probe
                      url: ${vars.URL}
                      interval: 100ms
                      count: 5
                      consecutive_error_limit: 4
                      metrics:
                        - name: error-rate
                          critical: "> 0.10"
            """;

    @TempDir
    Path folder;
    Cli cli;
    HttpServer server;
    volatile int status = 200;

    @BeforeEach
    void setUp() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        cli = new Cli(folder);
        cli.write("shipshape.yaml", RUNBOOK.formatted("http://127.0.0.1:" + server.getAddress().getPort() + "/"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void at(String time) {
        cli.clock = Clock.fixed(OffsetDateTime.parse(time).toInstant(), ZoneOffset.UTC);
    }

    @Test
    void aFailedAnalysisDuringTheSoakBlocksPromotionAndNamesIt() {
        status = 500;
        at("2026-01-26T10:00-08:00");
        Cli.Result staging = cli.run("deploy", "--env", "staging", "--version", "v2");
        assertThat(staging.exitCode()).as(staging.out() + staging.err()).isEqualTo(0);

        at("2026-02-02T10:00-08:00");
        Cli.Result result = cli.run("deploy", "--env", "production", "--version", "v2");

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.err()).containsPattern("  promotion: v2 did not stay healthy in staging: verify/1 analysis"
                + " failed in staging at 2026-01-26T18:00:00Z \\(run \\S+, v2\\): error rate 1 > 0.10 \\(critical\\)"
                + " at 18:00:00\n");
        assertThat(cli.run("plan", "--env", "production", "--version", "v2").exitCode()).isEqualTo(5);
    }

    @Test
    void passedAnalysesDuringTheSoakAreNamedInThePromotionReason() {
        at("2026-01-26T10:00-08:00");
        assertThat(cli.run("deploy", "--env", "staging", "--version", "v2").exitCode()).isEqualTo(0);

        at("2026-02-02T10:00-08:00");
        Cli.Result result = cli.run("deploy", "--env", "production", "--version", "v2");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
        assertThat(result.out()).contains("[pass]   promotion  v2 succeeded in staging 168h ago with no failure since"
                + " (soak 48h); 1 analysis passed in staging during the soak\n");
    }

    @Test
    void anInconclusiveAnalysisRecordedAfterTheDeploymentNeverPromotes() {
        at("2026-01-26T10:00-08:00");
        cli.run("deploy", "--env", "staging", "--version", "v2");
        try (Store store = Store.open(null, folder, Map.of())) {
            String runId = store.runs().runs("shop-api", "staging", 1).getFirst().runId();
            store.verification().result(new VerificationLog.StoredResult(runId, "nightly", "analysis", "inconclusive",
                    "no data for error-rate", 0, 0, Instant.parse("2026-01-27T03:00:00Z")));
        }

        at("2026-02-02T10:00-08:00");
        Cli.Result result = cli.run("deploy", "--env", "production", "--version", "v2");

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.err()).containsPattern("nightly analysis was inconclusive in staging at"
                + " 2026-01-27T03:00:00Z \\(run \\S+, v2\\): no data for error-rate"
                + " \\(inconclusive never promotes\\)\n");
    }
}
