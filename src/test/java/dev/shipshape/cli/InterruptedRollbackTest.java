package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shipshape.store.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real shipshape process with SIGKILL while a rollback step (or an always-step) runs: on resume
 * such a step follows the rule of every step, re-run only when idempotent, otherwise the run halts and asks.
 */
class InterruptedRollbackTest {

    /** Writes a line when it starts; the first time it waits to be killed, afterwards it finishes. */
    private static final String EFFECT = "echo start >> effects; if [ ! -e killed-once ]; then touch waiting;"
            + " sleep 60; fi; echo done >> effects";

    @TempDir
    Path folder;
    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(folder);
    }

    private String runbook(String rollbackStep, String alwaysStep) {
        return """
                service: shop-api
                environments:
                  staging: {}
                stages:
                  - name: deploy
                    steps:
                      - run: exit 1
                    rollback:
                      - run: %s
                always:
                  - run: %s
                """.formatted(rollbackStep, alwaysStep);
    }

    private String killWhenWaiting() throws Exception {
        Process deploy = CliProcess.start(folder, "deploy.out", "deploy", "--env", "staging", "--version", "v1");
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(folder.resolve("waiting")));
        deploy.destroyForcibly().waitFor();
        Files.writeString(folder.resolve("killed-once"), "");
        try (var store = Stores.open(null, folder, Map.of())) {
            return store.runs(null, null, 1).getFirst().runId();
        }
    }

    private List<String> effects() throws Exception {
        return Files.readAllLines(folder.resolve("effects"));
    }

    @Test
    void anInterruptedRollbackStepThatIsNotIdempotentHaltsOnResumeAndRunsAgainOnlyWithRerun() throws Exception {
        cli.write("shipshape.yaml", runbook("\"" + EFFECT + "\"", "echo always >> always"));
        String runId = killWhenWaiting();

        Cli.Result halted = cli.run("resume", runId);

        assertThat(halted.exitCode()).as(halted.out() + halted.err()).isEqualTo(1);
        assertThat(halted.out()).contains("run " + runId + " halted: rollback step deploy/rollback/1 was running when"
                + " the run stopped and is not idempotent; check what it did, then run: shipshape resume " + runId
                + " --rerun (or --rollback to count it as failed)");
        assertThat(effects()).containsExactly("start");
        assertThat(folder.resolve("always")).doesNotExist();

        Cli.Result again = cli.run("resume", runId);
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(effects()).containsExactly("start");

        Cli.Result rerun = cli.run("resume", runId, "--rerun");

        assertThat(rerun.exitCode()).as(rerun.out() + rerun.err()).isEqualTo(3);
        assertThat(rerun.out()).contains("run " + runId + " rolled back: deploy/1 failed: exit code 1 (expected 0)");
        assertThat(effects()).containsExactly("start", "start", "done");
        assertThat(Files.readAllLines(folder.resolve("always"))).containsExactly("always");
    }

    @Test
    void anInterruptedRollbackStepCountsAsFailedWhenAPersonSaysRollback() throws Exception {
        cli.write("shipshape.yaml", runbook("\"" + EFFECT + "\"", "echo always >> always"));
        String runId = killWhenWaiting();

        Cli.Result decided = cli.run("resume", runId, "--rollback");

        assertThat(decided.exitCode()).as(decided.out() + decided.err()).isEqualTo(4);
        assertThat(decided.out()).contains("run " + runId + " rollback failed: rollback step deploy/rollback/1 failed:"
                + " rollback step deploy/rollback/1 was running when the run stopped and is not idempotent; treated"
                + " as failed");
        assertThat(effects()).containsExactly("start");
    }

    @Test
    void anInterruptedAlwaysStepThatIsNotIdempotentHaltsOnResume() throws Exception {
        cli.write("shipshape.yaml", runbook("echo undone >> undone", "\"" + EFFECT + "\""));
        String runId = killWhenWaiting();

        Cli.Result halted = cli.run("resume", runId);
        Cli.Result rerun = cli.run("resume", runId, "--rerun");

        assertThat(halted.exitCode()).as(halted.out() + halted.err()).isEqualTo(1);
        assertThat(halted.out()).contains("halted: always-step always/1 was running when the run stopped and is not"
                + " idempotent");
        assertThat(rerun.exitCode()).as(rerun.out() + rerun.err()).isEqualTo(3);
        assertThat(effects()).containsExactly("start", "start", "done");
        assertThat(Files.readAllLines(folder.resolve("undone"))).containsExactly("undone");
    }
}
