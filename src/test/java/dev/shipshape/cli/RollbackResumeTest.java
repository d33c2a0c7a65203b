package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/**
 * Kills a real {@code shipshape rollback --app-only} process with SIGKILL part-way, then resumes the
 * rollback run: it is planned again as the same application-only rollback, finished steps are not
 * repeated, the database stage is left alone, and the rollback record is written.
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
                echo "start $*" >> "$(dirname "$0")/../effects"
                sleep 0.4
                echo "done $*" >> "$(dirname "$0")/../effects"
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

    private List<String> effects() throws Exception {
        Path file = folder.resolve("effects");
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    private RunRecord lastRun(RunStore store) {
        return store.runs(null, null, 1).getFirst();
    }

    @Test
    void aKilledRollbackResumesAsTheSameRollbackWithoutRepeatingFinishedSteps() throws Exception {
        Process rollback = CliProcess.start(folder, "rollback.out", "rollback", "--env", "staging", "--app-only",
                "--reason", "checkout broken");
        await().atMost(Duration.ofSeconds(60)).until(() -> effects().size() >= 5);
        rollback.destroyForcibly().waitFor();
        Thread.sleep(600); // the orphaned step of the killed process may still write its last line
        String runId;
        Set<String> finishedBeforeKill;
        try (RunStore store = Stores.open(null, folder, Map.of())) {
            RunRecord run = lastRun(store);
            runId = run.runId();
            assertThat(run.procedure()).isEqualTo("rollback");
            finishedBeforeKill = store.steps(runId).stream().filter(s -> s.state() == State.SUCCEEDED)
                    .map(StepRecord::stepId).collect(Collectors.toSet());
        }
        assertThat(finishedBeforeKill).isNotEmpty().hasSizeLessThan(6);

        Cli.Result resumed = cli.run("resume", runId);

        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isEqualTo(0);
        assertThat(resumed.out()).contains("run " + runId + " succeeded");
        for (int stage = 1; stage <= 3; stage++) {
            for (int step = 1; step <= 2; step++) {
                String done = "done a" + stage + "-" + step + " v1";
                long times = effects().stream().filter(done::equals).count();
                String id = "app" + stage + "/" + step;
                assertThat(times).as(id + " " + effects()).isBetween(1L, finishedBeforeKill.contains(id) ? 1L : 2L);
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
