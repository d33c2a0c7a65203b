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

    @Test
    void aSignOffEndsOnlyTheWindowsItIsConfiguredToEnd() throws Exception {
        String runbook = java.nio.file.Files.readString(folder.resolve("shipshape.yaml"));
        cli.write("shipshape.yaml", runbook.replace("for: 1s}", "for: 1s, ends: [0-2s]}"));

        Cli.Result deploy = cli.run("deploy", "--env", "staging", "--version", "v2");

        assertThat(deploy.exitCode()).as(deploy.out()).isZero();
        String out = deploy.out();
        assertThat(out).contains("signed off: error rate < 0.01 for 1s");
        assertThat(out.indexOf("| window 2-6s")).as(out).isGreaterThan(out.indexOf("signed off: error rate"));
        assertThat(out).doesNotContain("ended by the sign-off");
    }

    @Test
    void aSignOffEndingAWindowThatDoesNotExistIsAProblemWhereItIsWritten() throws Exception {
        String runbook = java.nio.file.Files.readString(folder.resolve("shipshape.yaml"));
        cli.write("shipshape.yaml", runbook.replace("for: 1s}", "for: 1s, ends: [0-3s]}"));

        Cli.Result validate = cli.run("validate");

        assertThat(validate.exitCode()).isEqualTo(2);
        assertThat(validate.err()).contains("stages[1].steps[0].monitor.sign_off.ends: no window named '0-3s'; windows:"
                + " 0-2s, 2-6s (did you mean '0-2s'?)");
    }
}
