package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * Kills a real {@code shipshape rollback --app-only} process with SIGKILL part-way, then resumes the
 * rollback run: it is planned again as the same application-only rollback, finished steps are not
 * repeated, the database stage is left alone, and the rollback record is written. The kill is synchronised
 * on events: one rollback step holds, and the test kills once it says so and the store shows its process group.
 */
class RollbackResumeTest {

    @TempDir
    Path folder;
    Cli cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new Cli(folder);
        cli.write("scripts/effect.sh", """
                #!/usr/bin/env bash
                here="$(dirname "$0")/.."
                echo "start $*" >> "$here/effects"
                if [ -e "$here/hold-$1" ]; then
                  # The step the engine is killed in: it says it holds, then waits to be stopped.
                  touch "$here/holding-$1"
                  while [ ! -e "$here/released" ]; do sleep 0.1; done
                  exit 1
                fi
                echo "done $*" >> "$here/effects"
                """);
        StringBuilder yaml = new StringBuilder("""
                service: shop-api
                environments:
                  staging: {}
                stages:
                  - name: schema
                    tier: database
                    steps:
                      - run: "true"
                    rollback:
                      - run: ./scripts/effect.sh db
                """);
        for (int stage = 1; stage <= 3; stage++) {
            yaml.append("  - name: app").append(stage).append("\n    steps:\n      - run: \"true\"\n    rollback:\n");
            for (int step = 1; step <= 2; step++) {
                yaml.append("      - run: ./scripts/effect.sh a").append(stage).append('-').append(step)
                        .append(" ${previous_version}\n        idempotent: true\n");
            }
        }
        cli.write("shipshape.yaml", yaml.toString());
        assertThat(cli.run("deploy", "--env", "staging", "--version", "v1").exitCode()).isZero();
        assertThat(cli.run("deploy", "--env", "staging", "--version", "v2").exitCode()).isZero();
    }

    @AfterEach
    void releaseAHeldStepNothingStopped() throws Exception {
        Files.writeString(folder.resolve("released"), "");
    }

    /** The steps the store shows running with a recorded process group. */
    private List<String> runningSteps() {
        try (RunStore store = Stores.open(null, folder, Map.of())) {
            return store.runningProcesses("shop-api", "staging").stream().map(StepProcess::stepId).toList();
        }
    }

    private List<String> effects() throws Exception {
        Path file = folder.resolve("effects");
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    private RunRecord lastRun(RunStore store) {
        return store.runs(null, null, 1).getFirst();
    }

    @Test
    void aKilledRollbackResumesAsTheSameRollbackWithoutRepeatingFinishedSteps() throws Exception {
        Files.writeString(folder.resolve("hold-a2-1"), "");
        Process rollback = CliProcess.start(folder, "rollback.out", "rollback", "--env", "staging", "--app-only",
                "--reason", "checkout broken");
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(folder.resolve("holding-a2-1")));
        await().atMost(Duration.ofSeconds(30)).until(() -> runningSteps().contains("app2/1"));
        rollback.destroyForcibly().waitFor();
        Files.delete(folder.resolve("hold-a2-1"));
        String runId;
        Set<String> finishedBeforeKill;
        try (RunStore store = Stores.open(null, folder, Map.of())) {
            RunRecord run = lastRun(store);
            runId = run.runId();
            assertThat(run.procedure()).isEqualTo("rollback");
            finishedBeforeKill = store.steps(runId).stream().filter(s -> s.state() == State.SUCCEEDED)
                    .map(StepRecord::stepId).collect(Collectors.toSet());
        }
        assertThat(finishedBeforeKill).containsExactlyInAnyOrder("app3/1", "app3/2");

        Cli.Result resumed = cli.run("resume", runId);

        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isEqualTo(0);
        assertThat(resumed.out()).contains("run " + runId + " succeeded", "step app2/1 of run " + runId
                + " (process group ", "after its engine stopped; stopped it");
        for (int stage = 1; stage <= 3; stage++) {
            for (int step = 1; step <= 2; step++) {
                String name = "a" + stage + "-" + step + " v1";
                assertThat(effects().stream().filter(("done " + name)::equals)).as(name + " " + effects()).hasSize(1);
                assertThat(effects().stream().filter(("start " + name)::equals)).as(name + " " + effects())
                        .hasSize(name.startsWith("a2-1") ? 2 : 1);
            }
        }
        assertThat(effects()).noneMatch(l -> l.contains("db"));
        try (RunStore store = Stores.open(null, folder, Map.of())) {
            assertThat(store.run(runId).orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(store.stages(runId)).extracting(s -> s.stage()).containsExactlyInAnyOrder("app3", "app2", "app1");
        }
        JsonNode record = new ObjectMapper().readTree(folder.resolve(".shipshape/rollbacks/" + runId + ".json").toFile());
        assertThat(record.path("type").asText()).isEqualTo("application");
        assertThat(record.path("from").asText()).isEqualTo("v2");
        assertThat(record.path("to").asText()).isEqualTo("v1");
        assertThat(record.path("outcome").asText()).isEqualTo("succeeded");
    }
}
