package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.analysis.ProbeReport;
import dev.shipshape.sample.Faults;
import dev.shipshape.sample.SampleService;
import dev.shipshape.store.Store;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Given a deploy stage with a zero-downtime probe, when the service is down for 3 s during the
 * stage, then the probe counts the failed requests and the outage, and its gate can fail the run.
 * The bounds are loose on purpose (a loaded machine delays requests and the restart): they only have
 * to tell a 3 s outage from none, and from an outage as long as the whole stage.
 */
class ZeroDowntimeProbeTest {

    @TempDir
    Path folder;
    Cli cli;
    final AtomicReference<SampleService> service = new AtomicReference<>();

    @BeforeEach
    void start() throws Exception {
        cli = new Cli(folder);
        service.set(SampleService.start(0, "v1", new Faults()));
    }

    @AfterEach
    void stop() {
        service.get().close();
    }

    /** Stops the service for 3 s once the deploy step says so, then starts it again on the same port. */
    private Thread outage() {
        int port = service.get().port();
        Path signal = folder.resolve("stop-now");
        return Thread.ofVirtual().start(() -> {
            try {
                while (!java.nio.file.Files.exists(signal)) {
                    Thread.sleep(20);
                }
                service.get().close();
                Thread.sleep(3000);
                service.set(SampleService.start(port, "v2", new Faults()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private void runbook(String limits) throws Exception {
        cli.write("shipshape.yaml", """
                service: sample
                environments:
                  staging: {}
                stages:
                  - name: deploy
                    probe: {url: "%s/health", interval: 100ms%s}
                    steps:
                      - run: sleep 1; touch stop-now; sleep 5
                    rollback:
                      - run: echo rolled back
                """.formatted(service.get().baseUrl(), limits));
    }

    private List<ProbeReport> reports(String runId) {
        try (Store store = Store.open(null, folder, Map.of())) {
            return store.verification().probes(runId);
        }
    }

    @Test
    void countsTheOutageWhenTheServiceIsStoppedDuringTheDeployStage() throws Exception {
        runbook("");
        Thread outage = outage();

        Cli.Result deploy = cli.run("deploy", "--env", "staging", "--version", "v2");
        outage.join();
        String runId = deploy.out().replaceAll("(?s).*run (\\S+) succeeded.*", "$1");
        ProbeReport report = reports(runId).getFirst();
        Cli.Result show = cli.run("show", runId);

        assertThat(deploy.exitCode()).as(deploy.out()).isEqualTo(0);
        assertThat(report.failures()).as("failed requests during the outage").isGreaterThanOrEqualTo(3);
        assertThat(report.requests()).as("requests before and after the outage succeed").isGreaterThan(report.failures());
        assertThat(report.longestOutageMillis()).as("the 3 s outage, not the whole 6 s stage").isBetween(2000L, 5500L);
        assertThat(show.out()).containsPattern("probe deploy  passed  \\d+ requests, " + report.failures()
                        + " failed, longest outage \\ds\\d*ms")
                .containsPattern("downtime seen by the probe: \\d\\.\\ds");
    }

    @Test
    void failsTheStageWhenTheOutageIsLongerThanAllowed() throws Exception {
        runbook(", max_outage: 1s");
        Thread outage = outage();

        Cli.Result deploy = cli.run("deploy", "--env", "staging", "--version", "v2");
        outage.join();

        assertThat(deploy.exitCode()).as(deploy.out()).isEqualTo(3);
        assertThat(deploy.out()).containsPattern("rolled back: zero-downtime probe: outage of \\ds\\d*ms > 1s allowed \\(\\d+ "
                + "requests, \\d+ failed, longest outage \\ds\\d*ms\\)");
    }
}
