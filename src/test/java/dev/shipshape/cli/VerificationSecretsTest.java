package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.analysis.VerificationLog;
import dev.shipshape.sample.Faults;
import dev.shipshape.sample.SampleService;
import dev.shipshape.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets in verification URLs are used for the requests and never kept or shown. */
class VerificationSecretsTest {

    static final String KEY = "key-5e4d3c2b1a";

    @TempDir
    Path folder;
    Cli cli;
    SampleService service;

    @BeforeEach
    void start() throws Exception {
        service = SampleService.start(0, "v1", new Faults());
        cli = new Cli(folder);
        cli.env.put("PROM_KEY", KEY);
        cli.write("shipshape.yaml", """
                service: sample
                environments:
                  staging: {}
                stages:
                  - name: deploy
                    probe: {url: "%s/health?key=${secret:PROM_KEY}", interval: 100ms, max_failures: 0}
                    steps:
                      - run: sleep 1
                    rollback:
                      - run: "true"
                  - name: verify
                    steps:
                      - analysis:
                          provider: prometheus
                          address: http://127.0.0.1:1/${secret:PROM_KEY}
                          interval: 100ms
                          count: 1
                          consecutive_error_limit: 0
                          metrics:
                            - name: error-rate
                              critical: "> 0.10"
                """.formatted(service.baseUrl()));
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void secretsInProbeAndPrometheusAddressesNeverLeak() throws Exception {
        Cli.Result deploy = cli.run("deploy", "--env", "staging", "--version", "v2");
        String runId = deploy.out().replaceAll("(?s).*run (\\S+) rolled back.*", "$1");
        Cli.Result show = cli.run("show", runId);
        Cli.Result json = cli.run("show", runId, "-o", "json");
        String stored;
        try (Store store = Store.open(null, folder, Map.of())) {
            VerificationLog log = store.verification();
            stored = log.samples(runId) + " " + log.results(runId) + " " + log.probes(runId);
        }

        assertThat(deploy.exitCode()).isEqualTo(3);
        assertThat(deploy.out()).contains("did not answer: connection refused");
        assertThat(show.out()).contains("probe deploy  passed", " 0 failed");
        assertThat(stored).contains("http://127.0.0.1:1/***");
        for (String seen : new String[] {deploy.out(), deploy.err(), show.out(), json.out(), stored}) {
            assertThat(seen).doesNotContain(KEY);
        }
        assertThat(Files.readString(folder.resolve(".shipshape/rollbacks/" + runId + ".json")))
                .contains("http://127.0.0.1:1/***").doesNotContain(KEY);
    }
}
