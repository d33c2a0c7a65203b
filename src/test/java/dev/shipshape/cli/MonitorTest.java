package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.sample.Faults;
import dev.shipshape.sample.SampleService;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Given post-deployment monitoring in windows with a sign-off rule, when the release behaves, then it
 * is signed off once the rule held long enough; when it misbehaves, the window fails and it rolls back.
 */
class MonitorTest {

    @TempDir
    Path folder;
    Cli cli;
    SampleService service;

    @BeforeEach
    void start() throws Exception {
        service = SampleService.start(0, "v1", new Faults());
        cli = new Cli(folder);
        cli.write("shipshape.yaml", """
                service: sample
                environments:
                  staging: {}
                stages:
                  - name: deploy
                    steps:
                      - run: echo deployed
                    rollback:
                      - run: echo rolled back
                  - name: monitor
                    steps:
                      - monitor:
                          provider: probe
                          url: %s/
                          metrics:
                            - name: error-rate
                              critical: "> 0.10"
                          windows:
                            - {name: 0-2s, duration: 2s, interval: 500ms}
                            - {name: 2-6s, duration: 4s, interval: 1s}
                          sign_off: {metric: error-rate, condition: "< 0.01", for: 1s}
                """.formatted(service.baseUrl()));
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void signsOffOnceTheErrorRateStayedLowLongEnough() {
        Cli.Result deploy = cli.run("deploy", "--env", "staging", "--version", "v2");
        String runId = deploy.out().replaceAll("(?s).*run (\\S+) succeeded.*", "$1");
        Cli.Result show = cli.run("show", runId);

        assertThat(deploy.exitCode()).as(deploy.out()).isZero();
        assertThat(show.out()).containsPattern("monitor/1  sign-off  passed  signed off: error rate < 0.01 for 1s \\(since \\S+\\)");
    }

    @Test
    void rollsBackWhenAWindowFails() {
        service.faults().errorRate(0.5);

        Cli.Result deploy = cli.run("deploy", "--env", "staging", "--version", "v2");

        assertThat(deploy.exitCode()).isEqualTo(3);
        assertThat(deploy.out()).containsPattern("rolled back: monitor/1 failed: analysis failed: window 0-2s: error rate"
                + " 0\\.\\d+ > 0\\.10 \\(critical\\) at");
    }
}
