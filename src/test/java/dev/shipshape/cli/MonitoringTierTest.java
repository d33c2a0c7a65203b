package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shipshape.sample.Faults;
import dev.shipshape.sample.SampleService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deployment in its monitoring tier holds no lock: the run is live, monitoring; a rollback of the environment runs
 * meanwhile and ends the monitoring with its reason, as a cancel does; neither rolls the monitored deployment back.
 */
class MonitoringTierTest {

    private static final Pattern MONITORING = Pattern.compile("Run (\\S+) is live, monitoring");

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
                      - run: echo ${version} >> live
                    rollback:
                      - run: echo back to ${previous_version} >> live
                  - name: monitor
                    steps:
                      - monitor:
                          provider: probe
                          url: %s/
                          metrics:
                            - name: error-rate
                              critical: "> 0.50"
                          windows:
                            - {name: 0-1h, duration: 1h, interval: 1s}
                """.formatted(service.baseUrl()));
    }

    private final java.util.List<Process> started = new java.util.ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(Process::destroyForcibly);
        service.close();
    }

    private String monitoringRun(String output) throws Exception {
        Path out = folder.resolve(output);
        return await().atMost(Duration.ofSeconds(60)).until(() -> {
            Matcher m = MONITORING.matcher(Files.exists(out) ? Files.readString(out) : "");
            return m.find() ? m.group(1) : null;
        }, id -> id != null);
    }

    @Test
    void aRollbackRunsWhileTheDeploymentIsMonitoredAndEndsTheMonitoringWithItsReason() throws Exception {
        Process first = CliProcess.start(folder, "v1.out", "deploy", "--env", "staging", "--version", "v1");
        started.add(first);
        String v1 = monitoringRun("v1.out");
        Cli.Result cancel = cli.run("cancel", v1, "--reason", "enough watching");
        assertThat(first.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as(cancel.out() + cancel.err()).isTrue();
        assertThat(first.exitValue()).as(Files.readString(folder.resolve("v1.out"))).isZero();

        Process second = CliProcess.start(folder, "v2.out", "deploy", "--env", "staging", "--version", "v2");
        started.add(second);
        String v2 = monitoringRun("v2.out");
        Cli.Result status = cli.run("status", "--env", "staging");
        Cli.Result rollback = cli.run("rollback", "--env", "staging", "--reason", "bad release", "--yes");
        assertThat(second.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as(rollback.out() + rollback.err())
                .isTrue();
        int secondExit = second.exitValue();
        String secondOut = Files.readString(folder.resolve("v2.out"));
        Cli.Result show = cli.run("show", v2);

        assertThat(cancel.exitCode()).as(cancel.err()).isZero();
        assertThat(Files.readString(folder.resolve("v1.out"))).contains("monitoring ended: cancelled by alice: enough"
                + " watching");
        assertThat(Files.readString(folder.resolve("v2.out"))).contains("is live, monitoring: verification passed and v2"
                + " is live; staging is not locked while monitoring");
        assertThat(status.out()).contains("v2");
        assertThat(rollback.exitCode()).as(rollback.out() + rollback.err()).isZero();
        assertThat(secondExit).as(secondOut).isZero();
        assertThat(secondOut).containsPattern("monitoring ended: cancelled by run \\S+: rollback of staging");
        assertThat(show.out()).contains("succeeded").contains("live; monitoring ended: cancelled by run");
        assertThat(Files.readAllLines(folder.resolve("live"))).containsExactly("v1", "v2", "back to v1");
    }
}
