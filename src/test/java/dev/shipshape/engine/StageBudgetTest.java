package dev.shipshape.engine;

import static dev.shipshape.engine.testkit.ScriptedSteps.succeed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.engine.testkit.EngineKit;
import dev.shipshape.plan.Plan;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A stage's {@code timeout:} is a budget its steps share: no attempt gets more than what is left of it. */
class StageBudgetTest {

    private final EngineKit kit = new EngineKit();
    private final Plan plan = EngineKit.plan("""
            service: shop
            environments:
              prod: {}
            stages:
              - name: deploy
                timeout: 1m
                steps:
                  - run: ./migrate.sh
                  - run: ./deploy.sh
                    timeout: 5m
                    retries: 2
                rollback:
                  - run: ./undo.sh
              - name: verify
                steps:
                  - run: ./verify.sh
                    timeout: 5m
            """);

    @Test
    void anAttemptGetsOnlyWhatIsLeftOfItsStageAndIsNotRetriedOnceTheBudgetIsUsedUp() {
        kit.steps.on("deploy/1", kit.steps.takes(Duration.ofSeconds(45), succeed()))
                .on("deploy/2", kit.steps.timeOut());

        RunOutcome outcome = kit.start(plan);

        assertThat(kit.steps.contexts("deploy/2")).singleElement()
                .satisfies(c -> assertThat(c.timeout()).isEqualTo(Duration.ofSeconds(15)));
        assertThat(outcome.status()).isEqualTo(RunStatus.ROLLED_BACK);
        assertThat(outcome.reason()).isEqualTo("deploy/2 failed: stage deploy used up its 1m; killed the process tree");
        assertThat(kit.step("deploy/2").attempts()).isEqualTo(1);
        assertThat(kit.steps.calls()).containsExactly("deploy/1", "deploy/2", "deploy/rollback/1");
    }

    @Test
    void aStepWhoseStageHasNoTimeLeftFailsWithoutRunning() {
        kit.steps.on("deploy/1", kit.steps.takes(Duration.ofMinutes(1), succeed()));

        RunOutcome outcome = kit.start(plan);

        assertThat(outcome.reason()).isEqualTo("deploy/2 failed: stage deploy used up its 1m");
        assertThat(kit.steps.calls()).containsExactly("deploy/1", "deploy/rollback/1");
        assertThat(kit.step("deploy/2").state()).isEqualTo(State.FAILED);
    }

    @Test
    void aStepTimingOutOnItsOwnLimitWithTimeLeftInTheStageIsRetried() {
        Plan roomy = EngineKit.plan("""
                service: shop
                environments:
                  prod: {}
                stages:
                  - name: deploy
                    timeout: 10m
                    steps:
                      - run: ./deploy.sh
                        timeout: 1m
                        retries: 1
                """);
        kit.steps.on("deploy/1", kit.steps.timeOut(), succeed());

        RunOutcome outcome = kit.start(roomy);

        assertThat(outcome.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(kit.steps.contexts("deploy/1")).extracting(StepContext::timeout)
                .containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(1));
        assertThat(kit.events("step.retry")).containsExactly("deploy/1: attempt 2 of 2 in 1s after: timed out after 1m");
    }

    @Test
    void aStageWithoutATimeoutGivesEachStepItsOwnLimit() {
        kit.start(plan);

        assertThat(kit.steps.contexts("verify/1")).extracting(StepContext::timeout)
                .containsExactly(Duration.ofMinutes(5));
    }
}
