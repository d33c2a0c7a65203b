package dev.shipshape.engine;

import static dev.shipshape.engine.testkit.ScriptedSteps.fail;
import static dev.shipshape.engine.testkit.ScriptedSteps.pause;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.engine.testkit.EngineKit;
import dev.shipshape.plan.Plan;
import org.junit.jupiter.api.Test;

/** Always-steps run at the end whatever happened before, except a halt; their own failure changes no outcome. */
class AlwaysStepsTest {

    private final EngineKit kit = new EngineKit();

    private Plan plan(String onFailure) {
        return EngineKit.plan("""
                service: shop
                environments:
                  prod: {}
                stages:
                  - name: deploy
                    on_failure: %s
                    steps:
                      - run: ./deploy.sh
                    rollback:
                      - run: ./undo.sh
                always:
                  - run: ./notify.sh
                  - run: ./cleanup.sh
                """.formatted(onFailure));
    }

    @Test
    void alwaysStepsRunAfterAStageFailedAndStopped() {
        kit.steps.on("deploy/1", fail("exit code 1"));

        RunOutcome outcome = kit.start(plan("stop"));

        assertThat(outcome.status()).isEqualTo(RunStatus.FAILED);
        assertThat(kit.steps.calls()).containsExactly("deploy/1", "always/1", "always/2");
    }

    @Test
    void alwaysStepsRunAfterTheRollback() {
        kit.steps.on("deploy/1", fail("exit code 1"));

        RunOutcome outcome = kit.start(plan("rollback"));

        assertThat(outcome.status()).isEqualTo(RunStatus.ROLLED_BACK);
        assertThat(kit.steps.calls()).containsExactly("deploy/1", "deploy/rollback/1", "always/1", "always/2");
    }

    @Test
    void alwaysStepsRunAfterAFailedRollback() {
        kit.steps.on("deploy/1", fail("exit code 1")).on("deploy/rollback/1", fail("exit code 2"));

        RunOutcome outcome = kit.start(plan("rollback"));

        assertThat(outcome.status()).isEqualTo(RunStatus.ROLLBACK_FAILED);
        assertThat(kit.steps.calls()).containsExactly("deploy/1", "deploy/rollback/1", "always/1", "always/2");
    }

    @Test
    void aFailingAlwaysStepIsRecordedAndTheNextOneStillRunsWithoutChangingTheOutcome() {
        kit.steps.on("always/1", fail("smtp refused"));

        RunOutcome outcome = kit.start(plan("rollback"));

        assertThat(outcome.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(kit.steps.calls()).containsExactly("deploy/1", "always/1", "always/2");
        assertThat(kit.step("always/1").state()).isEqualTo(State.FAILED);
        assertThat(kit.step("always/1").message()).isEqualTo("smtp refused");
        assertThat(kit.store.run(kit.runId()).orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void aHaltedRunDoesNotRunItsAlwaysStepsYet() {
        kit.steps.on("deploy/1", pause("inconclusive"));

        RunOutcome outcome = kit.start(plan("rollback"));

        assertThat(outcome.status()).isEqualTo(RunStatus.HALTED);
        assertThat(kit.steps.calls()).containsExactly("deploy/1");
        assertThat(kit.step("always/1").state()).isEqualTo(State.PENDING);
    }

    private static Plan knowingTheOutcome() {
        return EngineKit.plan("""
                service: shop
                environments:
                  prod: {}
                stages:
                  - name: deploy
                    steps:
                      - run: ./deploy.sh
                    rollback:
                      - run: ./undo.sh
                always:
                  - name: page
                    when: failed
                    run: ./page.sh
                  - name: celebrate
                    when: "${run.outcome} == 'succeeded'"
                    run: ./celebrate.sh
                  - name: undone
                    when: ${run.status} == rolled_back
                    run: ./tell.sh undone
                  - run: ./notify.sh ${run.outcome} ${run.status}
                """);
    }

    @Test
    void afterARollbackOnlyTheAlwaysStepsForAFailedRunRunAndTheyAreToldTheOutcome() {
        kit.steps.on("deploy/1", fail("exit code 1"));

        RunOutcome outcome = kit.start(knowingTheOutcome());

        assertThat(outcome.status()).isEqualTo(RunStatus.ROLLED_BACK);
        assertThat(kit.steps.calls()).containsExactly("deploy/1", "deploy/rollback/1", "always/1", "always/3",
                "always/4");
        assertThat(kit.step("always/2").state()).isEqualTo(State.SKIPPED);
        assertThat(kit.step("always/2").message()).contains("${run.outcome} == 'succeeded'").contains("(failed == succeeded)");
        assertThat(kit.steps.handed("always/4").step().summary()).isEqualTo("./notify.sh failed rolled_back");
    }

    @Test
    void afterASuccessTheStepsForAFailedRunAreSkippedSayingWhy() {
        RunOutcome outcome = kit.start(knowingTheOutcome());

        assertThat(outcome.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(kit.steps.calls()).containsExactly("deploy/1", "always/2", "always/4");
        assertThat(kit.step("always/1").message()).contains("${run.outcome} == failed").contains("(succeeded == failed)");
        assertThat(kit.steps.handed("always/4").step().summary()).isEqualTo("./notify.sh succeeded succeeded");
    }
}
