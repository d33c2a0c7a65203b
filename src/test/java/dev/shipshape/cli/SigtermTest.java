package dev.shipshape.cli;

import static dev.shipshape.cli.LeftoverProcessesTest.running;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shipshape.engine.RunRecord;
import dev.shipshape.engine.RunStatus;
import dev.shipshape.engine.RunStore;
import dev.shipshape.store.Stores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM to a real shipshape deploy (a cancelled CI job, timeout, systemd): handled like Ctrl-C. */
class SigtermTest {

    /** Records its pid and a child's, then runs long. */
    private static final String LONG = "echo $$ > %1$s.pid; sleep 300 & echo $! > %1$s-child.pid; touch %1$s;"
            + " wait; echo finished >> effects";

    @TempDir
    Path folder;

    @AfterEach
    void stopWhatIsLeft() throws Exception {
        try (var files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".pid")).toList()) {
                ProcessHandle.of(pid(file.getFileName().toString())).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    private void runbook(String step, String rollback) throws IOException {
        new Cli(folder).write("shipshape.yaml", """
                service: shop-api
                environments:
                  staging: {}
                stages:
                  - name: deploy
                    steps:
                      - run: "%s"
                    rollback:
                      - run: "%s"
                """.formatted(step, rollback));
    }

    @Test
    void sigtermStopsTheStepsProcessTreeRollsBackAndRecordsWhy() throws Exception {
        runbook(LONG.formatted("deploying"), "echo undone > undone");
        Process deploy = CliProcess.start(folder, "deploy.out", "deploy", "--env", "staging", "--version", "v1");
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(folder.resolve("deploying")));

        CliProcess.terminate(deploy);

        assertThat(deploy.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(folder.resolve("deploy.out"));
        assertThat(deploy.exitValue()).as(out).isEqualTo(3);
        assertThat(out).contains("shipshape: stopping (SIGTERM): cancelling the run and rolling back per policy within"
                + " 20s; then it exits and the run can be resumed")
                .containsPattern("run \\S+ rolled back: stopped by SIGTERM \\(the process was asked to terminate\\)");
        assertThat(running(pid("deploying.pid"))).isFalse();
        assertThat(running(pid("deploying-child.pid"))).isFalse();
        assertThat(folder.resolve("undone")).exists();
        assertThat(folder.resolve("effects")).doesNotExist();
        RunRecord run = lastRun();
        assertThat(run.status()).isEqualTo(RunStatus.ROLLED_BACK);
        assertThat(run.reason()).isEqualTo("stopped by SIGTERM (the process was asked to terminate)");
    }

    @Test
    void whenTheGracePeriodRunsOutTheRollbackStepIsStoppedAndTheRunStaysResumable() throws Exception {
        runbook("exit 1", LONG.formatted("undoing"));
        Process deploy = CliProcess.start(folder, "deploy.out", Map.of("SHIPSHAPE_STOP_GRACE", "2s"), "deploy",
                "--env", "staging", "--version", "v1");
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(folder.resolve("undoing")));

        CliProcess.terminate(deploy);

        assertThat(deploy.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(folder.resolve("deploy.out"));
        assertThat(deploy.exitValue()).as(out).isEqualTo(143);
        assertThat(out).contains("shipshape: the SIGTERM grace period of 2s ran out; stopping the running step and"
                + " exiting; resume the run to finish it");
        assertThat(running(pid("undoing.pid"))).isFalse();
        assertThat(running(pid("undoing-child.pid"))).isFalse();
        assertThat(lastRun().status()).isEqualTo(RunStatus.ROLLING_BACK);
    }

    @Test
    void aStopGraceThatIsNotADurationIsRefusedBeforeAnythingRuns() throws Exception {
        runbook("echo deployed > deployed", "echo undone > undone");
        Cli cli = new Cli(folder);
        cli.env.put("SHIPSHAPE_STOP_GRACE", "soon");

        Cli.Result result = cli.run("deploy", "--env", "staging", "--version", "v1");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("shipshape: SHIPSHAPE_STOP_GRACE=soon is not a duration; write it like 30s"
                + " or 2m\n");
        assertThat(folder.resolve("deployed")).doesNotExist();
    }

    private RunRecord lastRun() {
        try (RunStore store = Stores.open(null, folder, Map.of())) {
            return store.runs(null, null, 1).getFirst();
        }
    }

    private long pid(String file) throws IOException {
        return Long.parseLong(Files.readString(folder.resolve(file)).strip());
    }
}
