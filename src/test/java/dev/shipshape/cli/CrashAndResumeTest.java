package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shipshape.engine.RunRecord;
import dev.shipshape.engine.RunStatus;
import dev.shipshape.engine.RunStore;
import dev.shipshape.engine.State;
import dev.shipshape.engine.StepProcess;
import dev.shipshape.engine.StepRecord;
import dev.shipshape.store.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real shipshape process with SIGKILL in the middle of a run, then resumes it. The kill is
 * synchronised on events, not on time: one step holds until the engine is dead, and the test kills only
 * once that step says it is holding and the store shows it running with its process group.
 */
class CrashAndResumeTest {

    @TempDir
    Path folder;
    Cli cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new Cli(folder);
        cli.write("scripts/effect.sh", """
                #!/usr/bin/env bash
                # A step with a side effect: it is finished only once "done" is written.
                here="$(dirname "$0")/.."
                echo "start $1" >> "$here/effects"
                if [ -e "$here/hold-$1" ]; then
                  # The step the engine is killed in: it says it holds, then waits to be stopped.
                  touch "$here/holding-$1"
                  while [ ! -e "$here/released" ]; do sleep 0.1; done
                  exit 1
                fi
                echo "done $1" >> "$here/effects"
                """);
    }

    @AfterEach
    void releaseAHeldStepNothingStopped() throws Exception {
        Files.writeString(folder.resolve("released"), "");
    }

    private String runbook(boolean idempotent) {
        StringBuilder yaml = new StringBuilder("""
                service: shop-api
                environments:
                  staging: {}
                stages:
                """);
        for (int stage = 1; stage <= 3; stage++) {
            yaml.append("  - name: stage").append(stage).append("\n    steps:\n");
            for (int step = 1; step <= 3; step++) {
                yaml.append("      - run: ./scripts/effect.sh s").append(stage).append('-').append(step)
                        .append("\n        idempotent: ").append(idempotent).append('\n');
            }
        }
        return yaml.toString();
    }

    private Process startDeploy() throws Exception {
        return CliProcess.start(folder, "deploy.out", "deploy", "--env", "staging", "--version", "v1");
    }

    private List<String> effects() throws Exception {
        Path file = folder.resolve("effects");
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    /**
     * Deploys and kills the engine with SIGKILL while {@code step} runs: once the step holds and the store
     * shows it running with its process group. Later attempts of the step no longer hold.
     */
    private void killWhileRunning(String script, String step) throws Exception {
        Files.writeString(folder.resolve("hold-" + script), "");
        Process deploy = startDeploy();
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(folder.resolve("holding-" + script)));
        await().atMost(Duration.ofSeconds(30)).until(() -> runningSteps().contains(step));
        deploy.destroyForcibly().waitFor();
        Files.delete(folder.resolve("hold-" + script));
    }

    /** The steps the store shows running with a recorded process group. */
    private List<String> runningSteps() {
        try (RunStore store = Stores.open(null, folder, Map.of())) {
            return store.runningProcesses("shop-api", "staging").stream().map(StepProcess::stepId).toList();
        }
    }

    private long count(String line) throws Exception {
        return effects().stream().filter(line::equals).count();
    }

    private Set<String> succeededSteps() {
        try (RunStore store = Stores.open(null, folder, Map.of())) {
            String runId = store.runs(null, null, 1).getFirst().runId();
            return store.steps(runId).stream().filter(s -> s.state() == State.SUCCEEDED)
                    .map(StepRecord::stepId).collect(Collectors.toSet());
        }
    }

    private String runId() {
        try (RunStore store = Stores.open(null, folder, Map.of())) {
            return store.runs(null, null, 1).getFirst().runId();
        }
    }

    @Test
    void resumeAfterKill9NeverRepeatsAFinishedStep() throws Exception {
        cli.write("shipshape.yaml", runbook(true));
        killWhileRunning("s2-2", "stage2/2");
        assertThat(succeededSteps()).containsExactlyInAnyOrder("stage1/1", "stage1/2", "stage1/3", "stage2/1");

        Cli.Result resumed = cli.run("resume", runId());

        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isEqualTo(0);
        assertThat(resumed.out()).contains("step stage2/2 of run " + runId() + " (process group ",
                "was still running (", "after its engine stopped; stopped it");
        for (int stage = 1; stage <= 3; stage++) {
            for (int step = 1; step <= 3; step++) {
                String name = "s" + stage + "-" + step;
                assertThat(count("done " + name)).as("step %s finished once %s", name, effects()).isEqualTo(1);
                assertThat(count("start " + name)).as("step %s started %s", name, effects())
                        .isEqualTo(name.equals("s2-2") ? 2 : 1);
            }
        }
        try (RunStore store = Stores.open(null, folder, Map.of())) {
            RunRecord run = store.run(runId()).orElseThrow();
            assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(store.events(run.runId())).anyMatch(e -> e.kind().equals("run.resumed"));
        }
    }

    @Test
    void anInterruptedStepThatIsNotIdempotentHaltsUntilAPersonDecides() throws Exception {
        cli.write("shipshape.yaml", runbook(false));
        killWhileRunning("s1-2", "stage1/2");

        Cli.Result halted = cli.run("resume", runId());
        List<String> effectsWhileHalted = effects();
        Cli.Result rerun = cli.run("resume", runId(), "--rerun");

        assertThat(halted.exitCode()).isEqualTo(1);
        assertThat(halted.out()).contains("run " + runId() + " halted: stage1/2 was running when the run stopped and is"
                + " not idempotent; check what it did, then run: shipshape resume " + runId() + " --rerun (or --rollback)");
        assertThat(effectsWhileHalted).containsExactly("start s1-1", "done s1-1", "start s1-2");
        assertThat(rerun.exitCode()).as(rerun.out() + rerun.err()).isEqualTo(0);
        assertThat(effects().stream().filter(l -> l.startsWith("done"))).containsExactly("done s1-1", "done s1-2",
                "done s1-3", "done s2-1", "done s2-2", "done s2-3", "done s3-1", "done s3-2", "done s3-3");
    }

    @Test
    void resumingAFinishedRunIsRefused() throws Exception {
        cli.write("shipshape.yaml", runbook(true));
        assertThat(cli.run("deploy", "--env", "staging", "--version", "v1").exitCode()).isEqualTo(0);

        Cli.Result result = cli.run("resume", runId());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("shipshape: run " + runId() + " already ended: succeeded; start a new one"
                + " with: shipshape deploy\n");
    }

}
