package dev.shipshape.engine;

import static dev.shipshape.engine.testkit.ScriptedSteps.fail;
import static dev.shipshape.engine.testkit.ScriptedSteps.meanwhile;
import static dev.shipshape.engine.testkit.ScriptedSteps.succeed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.engine.testkit.EngineKit;
import dev.shipshape.plan.Plan;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A failed attempt is retried after a backoff that doubles, as often as the step allows. */
class RetriesTest {

    private final EngineKit kit = new EngineKit();
    private final Plan plan = EngineKit.plan("""
            service: shop
            environments:
              prod: {}
            stages:
              - name: deploy
                steps:
                  - run: ./deploy.sh
                    retries: 3
                    backoff: 2s
                rollback:
                  - run: ./undo.sh
            """);

    @Test
    void aFlakyStepIsRetriedWithADoublingBackoffUntilItSucceeds() {
        kit.steps.on("deploy/1", fail("exit code 1 (expected 0)"), fail("exit code 1 (expected 0)"),
                fail("exit code 1 (expected 0)"), succeed());

        RunOutcome outcome = kit.start(plan);

        assertThat(outcome.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(kit.steps.calls()).containsExactly("deploy/1", "deploy/1", "deploy/1", "deploy/1");
        assertThat(kit.sleeper.waits()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(8));
        assertThat(kit.step("deploy/1").attempts()).isEqualTo(4);
        assertThat(kit.step("deploy/1").state()).isEqualTo(State.SUCCEEDED);
        assertThat(kit.events("step.retry")).containsExactly(
                "deploy/1: attempt 2 of 4 in 2s after: exit code 1 (expected 0)",
                "deploy/1: attempt 3 of 4 in 4s after: exit code 1 (expected 0)",
                "deploy/1: attempt 4 of 4 in 8s after: exit code 1 (expected 0)");
    }

    @Test
    void aStepThatFailsEveryAttemptFailsWithItsLastMessageAndTheStageRollsBack() {
        kit.steps.on("deploy/1", fail("exit code 1"), fail("exit code 1"), fail("exit code 1"), fail("exit code 7"));

        RunOutcome outcome = kit.start(plan);

        assertThat(outcome.status()).isEqualTo(RunStatus.ROLLED_BACK);
        assertThat(outcome.reason()).isEqualTo("deploy/1 failed: exit code 7");
        assertThat(kit.steps.calls()).containsExactly("deploy/1", "deploy/1", "deploy/1", "deploy/1",
                "deploy/rollback/1");
        assertThat(kit.step("deploy/1").attempts()).isEqualTo(4);
        assertThat(kit.step("deploy/1").message()).isEqualTo("exit code 7");
    }

    @Test
    void aCancelDuringTheBackoffEndsTheRetriesBeforeTheNextAttempt() {
        kit.steps.on("deploy/1", meanwhile(() -> kit.signal.raise("Ctrl-C"), fail("exit code 1")));

        RunOutcome outcome = kit.start(plan);

        assertThat(kit.steps.calls()).containsExactly("deploy/1", "deploy/rollback/1");
        assertThat(kit.sleeper.waits()).containsExactly(Duration.ofSeconds(2));
        assertThat(kit.clock.instant()).isEqualTo(EngineKit.T0);
        assertThat(outcome.status()).isEqualTo(RunStatus.ROLLED_BACK);
        assertThat(kit.step("deploy/1").attempts()).isEqualTo(1);
    }

    @Test
    void aStepWithoutRetriesIsTriedOnceAndNeverWaits() {
        Plan once = EngineKit.plan("""
                service: shop
                environments:
                  prod: {}
                stages:
                  - name: deploy
                    on_failure: stop
                    steps:
                      - run: ./deploy.sh
                """);
        kit.steps.on("deploy/1", fail("exit code 2"));

        RunOutcome outcome = kit.start(once);

        assertThat(outcome.status()).isEqualTo(RunStatus.FAILED);
        assertThat(outcome.reason()).isEqualTo("deploy/1 failed: exit code 2");
        assertThat(kit.steps.calls()).containsExactly("deploy/1");
        assertThat(kit.sleeper.waits()).isEmpty();
    }
}
