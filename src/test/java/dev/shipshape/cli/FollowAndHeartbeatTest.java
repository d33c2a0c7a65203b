package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shipshape.engine.Change;
import dev.shipshape.engine.NewRun;
import dev.shipshape.engine.RunStatus;
import dev.shipshape.engine.RunStore;
import dev.shipshape.engine.StepRecord;
import dev.shipshape.plan.Phase;
import dev.shipshape.store.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A long step while it runs: heartbeat lines in a log, and its output followed from another process. */
class FollowAndHeartbeatTest {

    private static final String TOKEN = "tok-5e6f7a8b9c";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path folder;
    Cli cli;
    Process follower;

    @AfterEach
    void stopFollower() {
        if (follower != null) {
            follower.destroyForcibly();
        }
    }

    private void runbook(String command) throws Exception {
        cli = new Cli(folder);
        cli.write("shipshape.yaml", """
                service: shop-api
                environments:
                  staging: {}
                stages:
                  - name: deploy
                    steps:
                      - run: '%s'
                        env:
                          API_TOKEN: ${secret:DEPLOY_TOKEN}
                """.formatted(command));
        cli.env.put("DEPLOY_TOKEN", TOKEN);
    }

    @Test
    void aLongStepPrintsStillRunningWithItsLastOutputLineAtEachHeartbeat() throws Exception {
        runbook("echo first; sleep 3; echo second");
        cli.env.put("SHIPSHAPE_HEARTBEAT", "1s");

        Cli.Result deploy = cli.run("deploy", "--env", "staging", "--version", "v1");

        assertThat(deploy.exitCode()).isZero();
        assertThat(deploy.out()).containsPattern("(?s)      \\| first\n.*?  still running \\(\\d+s\\): first\n.*?"
                + "      \\| second\n(  still running \\(\\d+s\\): second\n)?  \\[ok\\]   deploy/1");
    }

    @Test
    void theHeartbeatShowsTheLastLineWithSecretsMasked() throws Exception {
        runbook("echo \"token is $API_TOKEN\"; sleep 2");
        cli.env.put("SHIPSHAPE_HEARTBEAT", "1s");

        Cli.Result deploy = cli.run("deploy", "--env", "staging", "--version", "v1");

        assertThat(deploy.exitCode()).isZero();
        assertThat(deploy.out()).containsPattern("\n  still running \\(\\d+s\\): token is \\*\\*\\*\n")
                .doesNotContain(TOKEN);
    }

    @Test
    void aHeartbeatThatIsNotADurationIsRefusedBeforeAnythingRuns() throws Exception {
        runbook("echo first");
        cli.env.put("SHIPSHAPE_HEARTBEAT", "soon");

        Cli.Result deploy = cli.run("deploy", "--env", "staging", "--version", "v1");

        assertThat(deploy.exitCode()).isEqualTo(2);
        assertThat(deploy.err()).isEqualTo("shipshape: SHIPSHAPE_HEARTBEAT=soon is not a duration; write it like"
                + " 30s or 2m\n");
        assertThat(deploy.out()).doesNotContain("deploy/1");
    }

    @Test
    void logsFollowFromAnotherProcessStreamsTheRunningStepUntilItEnds() throws Exception {
        runbook("echo first $API_TOKEN; until [ -f go ]; do sleep 0.1; done; echo second");
        CompletableFuture<Cli.Result> deploy = CompletableFuture.supplyAsync(
                () -> cli.run("deploy", "--env", "staging", "--version", "v1"));
        await().atMost(PATIENCE).until(() -> runningStep().filter(s -> s.outputSize() > 0).isPresent());
        String runId = runningStep().orElseThrow().runId();

        follower = CliProcess.start(folder, "follow.out", "logs", runId, "deploy/1", "--follow");
        Path followed = folder.resolve("follow.out");
        await().atMost(PATIENCE).until(() -> Files.readString(followed).contains("first ***\n"));
        boolean stillRunning = !deploy.isDone() && follower.isAlive();
        Files.createFile(folder.resolve("go"));

        assertThat(follower.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(stillRunning).isTrue();
        assertThat(follower.exitValue()).isZero();
        assertThat(Files.readString(followed)).isEqualTo("first ***\nsecond\n");
        assertThat(deploy.get(PATIENCE.toSeconds(), TimeUnit.SECONDS).exitCode()).isZero();
    }

    @Test
    void logsFollowOfAFinishedRunPrintsEveryStepUnderItsHeaderAndExits() throws Exception {
        runbook("echo first; echo second");
        assertThat(cli.run("deploy", "--env", "staging", "--version", "v1").exitCode()).isZero();

        Cli.Result logs = cli.run("logs", lastRunId(), "--follow");

        assertThat(logs.exitCode()).isZero();
        assertThat(logs.out()).isEqualTo("== deploy/1  echo first; echo second  (succeeded)\nfirst\nsecond\n");
    }

    @Test
    void logsFollowOfAStepTheRunDoesNotHaveSaysWhichItHas() throws Exception {
        runbook("echo first");
        cli.run("deploy", "--env", "staging", "--version", "v1");
        String runId = lastRunId();

        Cli.Result logs = cli.run("logs", runId, "deploy/7", "--follow");

        assertThat(logs.exitCode()).isEqualTo(2);
        assertThat(logs.err()).isEqualTo("shipshape: run " + runId + " has no step deploy/7; its steps: deploy/1\n");
        assertThat(logs.out()).isEmpty();
    }

    @Test
    void logsFollowOfARunNoProcessRunsAnyMoreSaysSoInsteadOfWaitingForever() throws Exception {
        runbook("echo first");
        try (RunStore store = Stores.open(null, folder, Map.of())) {
            Instant at = Instant.now();
            store.create(new NewRun("crashed-run", "shop-api", "staging", "v1", null, "deploy", "alice", null, null,
                    at, List.of("deploy"), List.of(StepRecord.pending("crashed-run", "deploy/1", "deploy", Phase.MAIN,
                    1, "echo first", "run", "echo first", false))));
            store.record(new Change.RunChanged("crashed-run", at, RunStatus.RUNNING, "started by alice"));
        }

        Cli.Result logs = cli.run("logs", "crashed-run", "--follow");

        assertThat(logs.exitCode()).isEqualTo(1);
        assertThat(logs.err()).isEqualTo("shipshape: run crashed-run is recorded as running but no shipshape process"
                + " runs it any more (its lock is gone); stopped following; continue it with: shipshape resume"
                + " crashed-run\n");
    }

    private Optional<StepRecord> runningStep() {
        if (!Files.isDirectory(folder.resolve(".shipshape"))) {
            return Optional.empty();
        }
        try (RunStore store = Stores.open(null, folder, Map.of())) {
            return store.runs(null, null, 1).stream().flatMap(r -> store.steps(r.runId()).stream())
                    .filter(s -> s.state() == dev.shipshape.engine.State.RUNNING).findFirst();
        }
    }

    private String lastRunId() {
        try (RunStore store = Stores.open(null, folder, Map.of())) {
            return store.runs(null, null, 1).getFirst().runId();
        }
    }
}
