package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.engine.RunStore;
import dev.shipshape.store.Stores;
import dev.shipshape.testing.StallingServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Servers that send headers and then stall, or accept and never answer: every HTTP exchange of a run
 * has a deadline on the whole of it, body included, that {@code within}, {@code timeout} and a cancel
 * from another process cut short. Before that deadline, these runs hung; the class timeout turns a hang into a failure.
 */
@Timeout(120)
class StalledServersTest {

    @TempDir
    Path folder;

    private Cli runbook(String steps) throws Exception {
        Cli cli = new Cli(folder);
        cli.write("shipshape.yaml", """
                service: shop-api
                environments:
                  staging: {}
                stages:
                  - name: verify
                    on_failure: stop
                    steps:
                """ + steps.indent(6));
        return cli;
    }

    private static Duration timed(Runnable action) {
        long start = System.nanoTime();
        action.run();
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Test
    void aHealthCheckAgainstAServerThatStallsAfterItsHeadersFailsWhenItsTimeIsUp() throws Exception {
        try (StallingServer server = StallingServer.trickling()) {
            Cli cli = runbook("- health: " + server.url("/health") + "\n  within: 5s\n  interval: 1s\n  timeout: 8s\n");
            Cli.Result[] result = new Cli.Result[1];

            Duration took = timed(() -> result[0] = cli.run("deploy", "--env", "staging", "--version", "v1"));

            assertThat(result[0].exitCode()).isEqualTo(1);
            assertThat(result[0].out()).contains("not healthy within 5s (1 polls); last: no complete answer within 5s");
            assertThat(took).isLessThan(Duration.ofSeconds(9));
        }
    }

    @Test
    void aHealthPollAgainstAServerThatNeverAnswersDoesNotOutliveWithin() throws Exception {
        try (StallingServer server = StallingServer.silent()) {
            Cli cli = runbook("- health: " + server.url("/health") + "\n  within: 3s\n  interval: 1s\n");
            Cli.Result[] result = new Cli.Result[1];

            Duration took = timed(() -> result[0] = cli.run("deploy", "--env", "staging", "--version", "v1"));

            assertThat(result[0].exitCode()).isEqualTo(1);
            assertThat(result[0].out()).contains("not healthy within 3s (1 polls); last: no complete answer within 3s");
            assertThat(took).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void aSmokeRequestWithoutATimeoutGivesUpAfterThirtySeconds() throws Exception {
        try (StallingServer server = StallingServer.silent()) {
            Cli cli = runbook("""
                    - smoke:
                        - name: browse
                          requests:
                            - http: %s
                              name: products
                    """.formatted(server.url("/api/products")));

            Cli.Result result = cli.run("deploy", "--env", "staging", "--version", "v1");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.out()).contains("0/1 flows passed; browse failed at 'products': timed out after 30s");
        }
    }

    @Test
    void anAnalysisAgainstAPrometheusThatStallsAfterItsHeadersIsInconclusive() throws Exception {
        try (StallingServer prometheus = StallingServer.trickling()) {
            Cli cli = runbook("""
                    - analysis:
                        provider: prometheus
                        address: %s
                        interval: 1s
                        duration: 5s
                        metrics:
                          - name: error-rate
                            critical: "> 0.05"
                      timeout: 30s
                    """.formatted(prometheus.url("")));

            Cli.Result result = cli.run("deploy", "--env", "staging", "--version", "v1");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.out()).contains("error-rate = error: Prometheus at " + prometheus.url("")
                    + " did not answer: timed out after 2s", "inconclusive");
        }
    }

    @Test
    void aChecklistHttpItemAgainstAServerThatStallsAfterItsHeadersFailsAfterItsTimeout() throws Exception {
        try (StallingServer server = StallingServer.trickling()) {
            Cli cli = new Cli(folder);
            cli.write("shipshape.yaml", """
                    service: shop-api
                    environments:
                      staging:
                        checklist:
                          items:
                            - {name: staging healthy, http: "%s", timeout: 2s}
                    stages:
                      - name: deploy
                        steps:
                          - run: "true"
                    """.formatted(server.url("/health")));

            Cli.Result result = cli.run("checklist", "--env", "staging", "--version", "v1");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.out()).contains("staging healthy", "no answer: timed out after 2s");
        }
    }

    @Test
    void cancelFromAnotherProcessStopsAHealthCheckWaitingOnAStalledBody() throws Exception {
        try (StallingServer server = StallingServer.trickling()) {
            runbook("- health: " + server.url("/health") + "\n  within: 10m\n  interval: 1s\n"
                    + "  timeout: 10m\n");
            Process deploy = CliProcess.start(folder, "deploy.out", "deploy", "--env", "staging", "--version", "v1");
            try {
                assertThat(server.awaitRequests(1, 60)).isTrue();

                Cli.Result cancel = new Cli(folder).run("cancel", runId(), "--reason", "stuck");

                assertThat(cancel.exitCode()).isEqualTo(0);
                assertThat(deploy.waitFor(15, TimeUnit.SECONDS)).as("deploy stopped after the cancel").isTrue();
                assertThat(deploy.exitValue()).isEqualTo(1);
                assertThat(Files.readString(folder.resolve("deploy.out"))).contains("cancelled by alice: stuck");
            } finally {
                deploy.destroyForcibly();
            }
        }
    }

    private String runId() {
        try (RunStore store = Stores.open(null, folder, Map.of())) {
            return store.runs(null, null, 1).getFirst().runId();
        }
    }
}
