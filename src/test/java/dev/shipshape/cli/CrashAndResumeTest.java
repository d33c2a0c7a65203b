package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shipshape.engine.RunRecord;
import dev.shipshape.engine.RunStatus;
import dev.shipshape.engine.RunStore;
import dev.shipshape.engine.State;
import dev.shipshape.engine.StepRecord;
import dev.shipshape.store.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kills a real shipshape process with SIGKILL in the middle of a run, then resumes it. */
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
                echo "start $1" >> "$(dirname "$0")/../effects"
                sleep 0.4
                echo "done $1" >> "$(dirname "$0")/../effects"
                """);
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

    private void killAfterEffects(Process process, int lines) throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> effects().size() >= lines);
        process.destroyForcibly().waitFor();
        Thread.sleep(600); // the orphaned step of the killed process may still write its last line
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
        killAfterEffects(startDeploy(), 9);
        Set<String> finishedBeforeKill = succeededSteps();
        assertThat(finishedBeforeKill).isNotEmpty().hasSizeLessThan(9);

        Cli.Result resumed = cli.run("resume", runId());

        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isEqualTo(0);
        for (int stage = 1; stage <= 3; stage++) {
            for (int step = 1; step <= 3; step++) {
                String name = "s" + stage + "-" + step;
                long done = effects().stream().filter(l -> l.equals("done " + name)).count();
                String id = "stage" + stage + "/" + step;
                if (finishedBeforeKill.contains(id)) {
                    assertThat(done).as("finished step %s ran again", id).isEqualTo(1);
                } else {
                    assertThat(done).as("step %s", id).isBetween(1L, 2L);
                }
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
        killAfterEffects(startDeploy(), 3);

        Cli.Result halted = cli.run("resume", runId());
        Cli.Result rerun = cli.run("resume", runId(), "--rerun");

        assertThat(halted.exitCode()).isEqualTo(1);
        assertThat(halted.out()).containsPattern("run \\S+ halted: stage\\d/\\d was running when the run stopped and is"
                + " not idempotent; check what it did, then run: shipshape resume \\S+ --rerun \\(or --rollback\\)");
        assertThat(rerun.exitCode()).as(rerun.out() + rerun.err()).isEqualTo(0);
        assertThat(effects().stream().filter(l -> l.startsWith("done")).distinct().count()).isEqualTo(9);
    }

    @Test
    void resumingAFinishedRunIsRefused() throws Exception {
        cli.write("shipshape.yaml", runbook(true).replace("sleep 0.4", "true"));
        assertThat(cli.run("deploy", "--env", "staging", "--version", "v1").exitCode()).isEqualTo(0);

        Cli.Result result = cli.run("resume", runId());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("shipshape: run " + runId() + " already ended: succeeded; start a new one"
                + " with: shipshape deploy\n");
    }

}
