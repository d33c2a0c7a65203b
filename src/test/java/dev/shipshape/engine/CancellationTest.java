package dev.shipshape.engine;

import static dev.shipshape.engine.testkit.ScriptedSteps.blockUntil;
import static dev.shipshape.engine.testkit.ScriptedSteps.fail;
import static dev.shipshape.engine.testkit.ScriptedSteps.succeed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.engine.testkit.EngineKit;
import dev.shipshape.engine.testkit.Release;
import dev.shipshape.plan.Plan;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A cancel stops the running step and the run goes on as its failure policy says; rollback steps
 * and always-steps are never cut short by it.
 */
class CancellationTest {

    private final EngineKit kit = new EngineKit();
    private final Release release = new Release();

    private final Plan plan = EngineKit.plan("""
            service: shop
            environments:
              prod: {}
            stages:
              - name: deploy
                steps:
                  - run: ./deploy.sh
                  - run: ./switch.sh
                rollback:
                  - run: ./undo-switch.sh
                  - run: ./undo-deploy.sh
                    retries: 1
            always:
              - run: ./notify.sh
            """);

    private CompletableFuture<RunOutcome> startInBackground(Plan plan) {
        return CompletableFuture.supplyAsync(() -> kit.start(plan));
    }

    @Test
    void aCancelFromAnotherProcessStopsTheRunningStepAndTheRunRollsBack() throws Exception {
        kit.steps.on("deploy/1", blockUntil(release));
        CompletableFuture<RunOutcome> run = startInBackground(plan);
        release.awaitStarted();

        kit.store.requestCancel(kit.runId(), "bob", "wrong version", kit.clock.instant());
        RunOutcome outcome = run.get(10, TimeUnit.SECONDS);

        assertThat(outcome.status()).isEqualTo(RunStatus.ROLLED_BACK);
        assertThat(outcome.reason()).isEqualTo("cancelled by bob: wrong version");
        assertThat(kit.step("deploy/1").message()).isEqualTo("cancelled");
        assertThat(kit.steps.calls()).containsExactly("deploy/1", "deploy/rollback/1", "deploy/rollback/2",
                "always/1");
        assertThat(kit.store.cancelRequest(kit.runId())).isEmpty();
    }

    @Test
    void aCancelStopsAStageThatWouldGoOnAfterAFailure() throws Exception {
        Plan goesOn = EngineKit.plan("""
                service: shop
                environments:
                  prod: {}
                stages:
                  - name: warm-caches
                    on_failure: continue
                    steps:
                      - run: ./warm.sh
                  - name: deploy
                    steps:
                      - run: ./deploy.sh
                """);
        kit.steps.on("warm-caches/1", blockUntil(release));
        CompletableFuture<RunOutcome> run = startInBackground(goesOn);
        release.awaitStarted();

        kit.signal.raise("interrupted (Ctrl-C)");
        RunOutcome outcome = run.get(10, TimeUnit.SECONDS);

        assertThat(outcome.status()).isEqualTo(RunStatus.FAILED);
        assertThat(outcome.reason()).isEqualTo("interrupted (Ctrl-C)");
        assertThat(kit.steps.calls()).containsExactly("warm-caches/1");
        assertThat(kit.stage("deploy")).isEqualTo(State.PENDING);
    }

    @Test
    void aCancelDuringTheRollbackLetsEveryRollbackStepAndItsRetriesFinish() throws Exception {
        kit.steps.on("deploy/2", fail("exit code 1"))
                .on("deploy/rollback/1", blockUntil(release))
                .on("deploy/rollback/2", fail("exit code 1"), succeed());
        CompletableFuture<RunOutcome> run = startInBackground(plan);
        release.awaitStarted();

        kit.signal.raise("interrupted (Ctrl-C)");
        release.release();
        RunOutcome outcome = run.get(10, TimeUnit.SECONDS);

        assertThat(release.cancelledWhenReleased()).isFalse();
        assertThat(outcome.status()).isEqualTo(RunStatus.ROLLED_BACK);
        assertThat(outcome.reason()).isEqualTo("deploy/2 failed: exit code 1");
        assertThat(kit.steps.calls()).containsExactly("deploy/1", "deploy/2", "deploy/rollback/1",
                "deploy/rollback/2", "deploy/rollback/2", "always/1");
        assertThat(kit.sleeper.waits()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void alwaysStepsAreNotCancelled() throws Exception {
        kit.steps.on("always/1", blockUntil(release));
        CompletableFuture<RunOutcome> run = startInBackground(plan);
        release.awaitStarted();

        kit.signal.raise("interrupted (Ctrl-C)");
        release.release();
        RunOutcome outcome = run.get(10, TimeUnit.SECONDS);

        assertThat(release.cancelledWhenReleased()).isFalse();
        assertThat(outcome.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(kit.step("always/1").state()).isEqualTo(State.SUCCEEDED);
    }
}
