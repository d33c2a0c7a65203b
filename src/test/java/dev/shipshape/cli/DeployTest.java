package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.engine.RunRecord;
import dev.shipshape.engine.RunStatus;
import dev.shipshape.engine.RunStore;
import dev.shipshape.engine.State;
import dev.shipshape.engine.StepRecord;
import dev.shipshape.store.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployTest {

    @TempDir
    Path folder;
    Cli cli;

    @BeforeEach
    void scripts() throws Exception {
        cli = new Cli(folder);
        cli.write("scripts/step.sh", """
                #!/usr/bin/env bash
                # Appends its arguments to a journal so tests can see what ran, in which order.
                echo "$*" >> "$(dirname "$0")/../journal"
                echo "did $*"
                """);
        cli.write("scripts/fail.sh", "#!/usr/bin/env bash\necho \"broken: $*\" >&2\nexit 7\n");
    }

    private List<String> journal() throws Exception {
        Path file = folder.resolve("journal");
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    private RunStore store() {
        return Stores.open(null, folder, Map.of());
    }

    @Test
    void runsStagesInOrderAndRecordsASucceededRun() throws Exception {
        cli.write("shipshape.yaml", """
                service: shop-api
                environments:
                  staging: {}
                stages:
                  - name: build
                    steps:
                      - run: ./scripts/step.sh build ${version}
                  - name: deploy
                    steps:
                      - run: ./scripts/step.sh deploy ${environment} ${version}
                always:
                  - run: ./scripts/step.sh notify
                """);

        Cli.Result result = cli.run("deploy", "--env", "staging", "--version", "v1");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
        assertThat(journal()).containsExactly("build v1", "deploy staging v1", "notify");
        assertThat(result.out()).contains("[ok]   build/1  ./scripts/step.sh build v1")
                .contains("      | did deploy staging v1").containsPattern("\\[ok\\]   run \\S+ succeeded");
        try (RunStore store = store()) {
            RunRecord run = store.runs("shop-api", "staging", 10).getFirst();
            assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(run.startedBy()).isEqualTo("alice");
            assertThat(store.steps(run.runId())).extracting(StepRecord::stepId, StepRecord::state).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("build/1", State.SUCCEEDED),
                    org.assertj.core.groups.Tuple.tuple("deploy/1", State.SUCCEEDED),
                    org.assertj.core.groups.Tuple.tuple("always/1", State.SUCCEEDED));
            assertThat(store.lastSucceededVersion("shop-api", "staging")).contains("v1");
        }
    }

    @Test
    void rollsBackCompletedStagesInReverseOrderWhenAStepFailsAndExits3() throws Exception {
        cli.write("shipshape.yaml", """
                service: shop-api
                environments:
                  staging: {}
                stages:
                  - name: migrate
                    steps:
                      - run: ./scripts/step.sh migrate ${version}
                    rollback:
                      - run: ./scripts/step.sh undo-migrate
                  - name: deploy
                    steps:
                      - run: ./scripts/step.sh deploy ${version}
                    rollback:
                      - run: ./scripts/step.sh redeploy ${previous_version}
                  - name: verify
                    steps:
                      - run: ./scripts/step.sh health
                """);
        assertThat(cli.run("deploy", "--env", "staging", "--version", "v1").exitCode()).isEqualTo(0);
        cli.write("shipshape.yaml", Files.readString(folder.resolve("shipshape.yaml"))
                .replace("step.sh health", "fail.sh health"));
        Files.delete(folder.resolve("journal"));

        Cli.Result result = cli.run("deploy", "--env", "staging", "--version", "v2");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(journal()).containsExactly("migrate v2", "deploy v2", "redeploy v1", "undo-migrate");
        assertThat(result.out()).contains("[FAIL] verify/1  ./scripts/fail.sh health")
                .contains("exit code 7 (expected 0)")
                .contains("[undo] rolling back: verify/1 failed: exit code 7 (expected 0)")
                .containsPattern("run \\S+ rolled back: verify/1 failed: exit code 7 \\(expected 0\\)");
    }

    @Test
    void stopPolicyEndsTheRunAsFailedWithoutRollingBack() throws Exception {
        cli.write("shipshape.yaml", """
                service: shop-api
                environments:
                  staging: {}
                stages:
                  - name: deploy
                    on_failure: stop
                    steps:
                      - run: ./scripts/step.sh deploy
                      - run: ./scripts/fail.sh
                    rollback:
                      - run: ./scripts/step.sh undo
                  - name: verify
                    steps:
                      - run: ./scripts/step.sh verify
                """);

        Cli.Result result = cli.run("deploy", "--env", "staging", "--version", "v1");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(journal()).containsExactly("deploy");
    }

    @Test
    void continuePolicySkipsOnlyTheStagesThatNeedTheFailedOne() throws Exception {
        cli.write("shipshape.yaml", """
                service: shop-api
                environments:
                  staging: {}
                stages:
                  - name: docs
                    on_failure: continue
                    steps:
                      - run: ./scripts/fail.sh docs
                  - name: publish-docs
                    needs: [docs]
                    steps:
                      - run: ./scripts/step.sh publish
                  - name: deploy
                    steps:
                      - run: ./scripts/step.sh deploy
                """);

        Cli.Result result = cli.run("deploy", "--env", "staging", "--version", "v1");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(journal()).containsExactly("deploy");
        assertThat(result.out()).contains("[skip] stage publish-docs skipped: needs docs, which failed");
    }

    @Test
    void retriesAFailingStepWithBackoffAndRecordsEachAttempt() throws Exception {
        cli.write("scripts/flaky.sh", """
                #!/usr/bin/env bash
                count_file="$(dirname "$0")/../count"
                n=$(( $(cat "$count_file" 2>/dev/null || echo 0) + 1 ))
                echo $n > "$count_file"
                [ "$n" -ge 3 ]
                """);
        cli.write("shipshape.yaml", """
                service: shop-api
                environments:
                  staging: {}
                stages:
                  - name: deploy
                    steps:
                      - run: ./scripts/flaky.sh
                        retries: 2
                        backoff: 10ms
                """);

        Cli.Result result = cli.run("deploy", "--env", "staging", "--version", "v1");

        assertThat(result.exitCode()).isEqualTo(0);
        assertThat(result.out()).contains("deploy/1: attempt 2 of 3 in 10ms after: exit code 1 (expected 0)")
                .contains("deploy/1: attempt 3 of 3 in 20ms after: exit code 1 (expected 0)");
        try (RunStore store = store()) {
            String runId = store.runs(null, null, 1).getFirst().runId();
            assertThat(store.steps(runId).getFirst().attempts()).isEqualTo(3);
        }
    }

    @Test
    void aStageTimeoutStopsTheStepAndRollsBack() throws Exception {
        cli.write("shipshape.yaml", """
                service: shop-api
                environments:
                  staging: {}
                stages:
                  - name: deploy
                    timeout: 1s
                    steps:
                      - run: sleep 30
                    rollback:
                      - run: ./scripts/step.sh undo
                """);
        long started = System.nanoTime();

        Cli.Result result = cli.run("deploy", "--env", "staging", "--version", "v1");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(journal()).containsExactly("undo");
        assertThat(result.out()).contains("deploy/1 failed: stage deploy used up its 1s; killed the process tree");
        assertThat((System.nanoTime() - started) / 1_000_000_000).isLessThan(15);
    }
}
