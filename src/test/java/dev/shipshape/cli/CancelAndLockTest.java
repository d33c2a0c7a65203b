package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shipshape.engine.RunStore;
import dev.shipshape.store.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CancelAndLockTest {

    static final String RUNBOOK = """
            service: shop-api
            environments:
              staging: {}
            stages:
              - name: deploy
                steps:
                  - run: echo started > started; sleep 60
                rollback:
                  - run: echo undone > undone
            """;

    @TempDir
    Path folder;
    Cli cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new Cli(folder);
        cli.write("shipshape.yaml", RUNBOOK);
    }

    private String runId() {
        try (RunStore store = Stores.open(null, folder, Map.of())) {
            return store.runs(null, null, 1).getFirst().runId();
        }
    }

    @Test
    void cancelFromAnotherTerminalStopsTheStepRollsBackAndRecordsWhy() throws Exception {
        CompletableFuture<Cli.Result> deploy = CompletableFuture.supplyAsync(
                () -> cli.run("deploy", "--env", "staging", "--version", "v1"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(folder.resolve("started")));

        Cli other = new Cli(folder);
        other.env.put("SHIPSHAPE_USER", "bob");
        Cli.Result cancel = other.run("cancel", runId(), "--reason", "wrong version");
        Cli.Result result = deploy.get(30, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(cancel.exitCode()).isEqualTo(0);
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.out()).containsPattern("run \\S+ rolled back: cancelled by bob: wrong version");
        assertThat(folder.resolve("undone")).exists();
    }

    @Test
    void aLockedEnvironmentRefusesASecondRunAndWritesNothing() throws Exception {
        try (RunStore store = Stores.open(null, folder, Map.of())) {
            Instant now = Instant.now();
            store.tryLock("shop-api", "staging", "other-run", "elsewhere:42", now, now.plusSeconds(600));
        }

        Cli.Result result = cli.run("deploy", "--env", "staging", "--version", "v1");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).matches("shipshape: staging of shop-api is locked by run other-run \\(elsewhere:42;"
                + " lease ends in \\d+s\\); wait for it, resume other-run, or run: shipshape unlock --env staging"
                + " --reason \"...\"\n");
        assertThat(cli.run("runs").out()).startsWith("no runs recorded yet");
    }

    @Test
    void unlockFreesTheEnvironmentOfARunWhoseLeaseRanOutAndSaysWhoHeldIt() throws Exception {
        try (RunStore store = Stores.open(null, folder, Map.of())) {
            Instant now = Instant.now();
            store.tryLock("shop-api", "staging", "other-run", "elsewhere:42", now.minusSeconds(120),
                    now.minusSeconds(60));
        }

        Cli.Result unlock = cli.run("unlock", "--env", "staging", "--reason", "crashed laptop");
        Cli.Result again = cli.run("unlock", "--env", "staging", "--reason", "twice");

        assertThat(unlock.exitCode()).isZero();
        assertThat(unlock.out()).isEqualTo("unlocked staging of shop-api (was held by run other-run, elsewhere:42);"
                + " recorded on that run\n");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).isEqualTo("staging of shop-api was not locked\n");
    }

    @Test
    void unlockRefusesTheLockOfALiveRunAndSaysWhichRunAndProcessHoldIt() throws Exception {
        try (RunStore store = Stores.open(null, folder, Map.of())) {
            Instant now = Instant.now();
            store.tryLock("shop-api", "staging", "other-run", "elsewhere:42", now, now.plusSeconds(600));
        }

        Cli.Result unlock = cli.run("unlock", "--env", "staging", "--reason", "looks stuck");

        assertThat(unlock.exitCode()).isEqualTo(1);
        assertThat(unlock.err()).matches("shipshape: staging of shop-api is held by run other-run \\(process"
                + " elsewhere:42\\), which is alive \\(lease renewed, ends in \\d+s\\); cancel it with: shipshape"
                + " cancel other-run --reason \"...\", or take the lock anyway with --force \\(that run then rolls"
                + " back\\)\n");
        assertThat(unlock.out()).isEmpty();
        try (RunStore store = Stores.open(null, folder, Map.of())) {
            assertThat(store.lock("shop-api", "staging")).isPresent();
        }
    }

    @Test
    void unlockWithForceTakesTheLockOfALiveRun() throws Exception {
        try (RunStore store = Stores.open(null, folder, Map.of())) {
            Instant now = Instant.now();
            store.tryLock("shop-api", "staging", "other-run", "elsewhere:42", now, now.plusSeconds(600));
        }

        Cli.Result unlock = cli.run("unlock", "--env", "staging", "--reason", "host is gone", "--force");

        assertThat(unlock.exitCode()).isZero();
        assertThat(unlock.out()).isEqualTo("unlocked staging of shop-api (was held by run other-run, elsewhere:42);"
                + " recorded on that run\n");
    }

    @Test
    void unlockOfAnEnvironmentTheRunbookDoesNotDefineIsAnError() {
        Cli.Result unlock = cli.run("unlock", "--env", "stagign", "--reason", "typo");

        assertThat(unlock.exitCode()).isEqualTo(2);
        assertThat(unlock.err()).matches("shipshape: environment 'stagign' is not defined in \\S+shipshape.yaml;"
                + " defined: staging\n");
    }
}
