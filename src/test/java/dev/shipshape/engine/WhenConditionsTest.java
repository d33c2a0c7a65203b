package dev.shipshape.engine;

import static dev.shipshape.engine.testkit.ScriptedSteps.crash;
import static dev.shipshape.engine.testkit.ScriptedSteps.fail;
import static dev.shipshape.engine.testkit.ScriptedSteps.succeed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipshape.engine.testkit.EngineKit;
import dev.shipshape.engine.testkit.ScriptedSteps.Attempt;
import dev.shipshape.engine.testkit.ScriptedSteps.EngineCrash;
import dev.shipshape.plan.Plan;
import org.junit.jupiter.api.Test;

/** The engine decides when: conditions from what the run recorded, records what it skipped and why, and keeps to it. */
class WhenConditionsTest {

    private final EngineKit kit = new EngineKit();

    private final Plan branching = EngineKit.plan("""
            service: shop
            environments:
              prod: {}
            stages:
              - name: fix
                on_failure: stop
                steps:
                  - name: check
                    run: ./check.sh
                  - name: restart
                    when: ${steps.check.exit} != 0
                    run: ./restart.sh
                  - name: never
                    when: ${steps.check.exit} == 0
                    run: echo fine
                  - name: after
                    when: ${steps.restart.outcome} == succeeded && ${steps.never.outcome} == skipped
                    run: ./after.sh
            """);

    private static Attempt exits(int code) {
        return context -> StepResult.failure(code, "exit code " + code + " (expected 0)", "", 0);
    }

    @Test
    void aFailedCheckIsHandedToTheConditionsAndTheBranchTakenEndsSucceeded() {
        kit.steps.on("fix/1", exits(1));

        RunOutcome outcome = kit.start(branching);

        assertThat(outcome.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(kit.steps.calls()).containsExactly("fix/1", "fix/2", "fix/4");
        assertThat(kit.step("fix/1").state()).isEqualTo(State.FAILED);
        assertThat(kit.step("fix/3").state()).isEqualTo(State.SKIPPED);
        assertThat(kit.step("fix/3").message()).isEqualTo("when ${steps.check.exit} == 0 was false (1 == 0)");
        assertThat(kit.stage("fix")).isEqualTo(State.SUCCEEDED);
        assertThat(kit.events("step.decides")).containsExactly("fix/1 failed: exit code 1 (expected 0); the conditions"
                + " of the steps after it decide what runs next");
        assertThat(kit.events("step.when")).containsExactly("fix/2: when ${steps.check.exit} != 0 held (1 != 0)",
                "fix/4: when ${steps.restart.outcome} == succeeded && ${steps.never.outcome} == skipped held"
                        + " (succeeded == succeeded && skipped == skipped)");
    }

    @Test
    void aPassingCheckTakesTheOtherBranch() {
        RunOutcome outcome = kit.start(branching);

        assertThat(outcome.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(kit.steps.calls()).containsExactly("fix/1", "fix/3");
        assertThat(kit.step("fix/2").message()).isEqualTo("when ${steps.check.exit} != 0 was false (0 != 0)");
        assertThat(kit.step("fix/4").message()).isEqualTo("when ${steps.restart.outcome} == succeeded &&"
                + " ${steps.never.outcome} == skipped was false (skipped == succeeded && succeeded == skipped)");
    }

    @Test
    void resumeDecidesFromTheRecordedResultNotFromARerun() {
        kit.steps.on("fix/1", exits(1), succeed());
        kit.steps.on("fix/2", crash(), succeed());
        assertThatThrownBy(() -> kit.start(branching)).isInstanceOf(EngineCrash.class);

        RunOutcome outcome = kit.resume(kit.runId(), branching, ResumeChoice.RERUN);

        assertThat(outcome.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(kit.steps.calls()).containsExactly("fix/1", "fix/2", "fix/2", "fix/4");
        assertThat(kit.step("fix/1").exitCode()).isEqualTo(1);
        assertThat(kit.step("fix/3").state()).isEqualTo(State.SKIPPED);
    }

    @Test
    void aConditionReadsAnEarlierStepsJsonAnswer() {
        Plan plan = EngineKit.plan("""
                service: shop
                environments:
                  prod: {}
                stages:
                  - name: verify
                    steps:
                      - name: health
                        http: http://localhost/health
                      - name: repair
                        when: ${steps.health.json.checks.database} == false && ${steps.health.json.items[1].n} > 2
                        run: ./repair.sh
                """);
        kit.steps.on("verify/1", context -> StepResult.success(null, "200 OK", "", 0)
                .withJson("{\"checks\": {\"database\": false}, \"items\": [{\"n\": 1}, {\"n\": 3}]}"));

        kit.start(plan);

        assertThat(kit.steps.calls()).containsExactly("verify/1", "verify/2");
        assertThat(kit.events("step.when")).containsExactly("verify/2: when ${steps.health.json.checks.database} =="
                + " false && ${steps.health.json.items[1].n} > 2 held (false == false && 3 > 2)");
    }

    @Test
    void aConditionThatCannotBeDecidedFailsItsStepSayingWhyAndTheStageRollsBack() {
        Plan plan = EngineKit.plan("""
                service: shop
                environments:
                  prod: {}
                stages:
                  - name: deploy
                    steps:
                      - name: migrate
                        environments: [staging]
                        run: ./migrate.sh
                      - when: ${steps.migrate.exit} == 0
                        run: ./switch.sh
                    rollback:
                      - run: ./undo.sh
                        when: ${steps.migrate.outcome} == skipped
                """.replace("prod: {}", "prod: {}\n  staging: {}"));

        RunOutcome outcome = kit.start(plan);

        assertThat(outcome.status()).isEqualTo(RunStatus.ROLLED_BACK);
        assertThat(kit.step("deploy/2").state()).isEqualTo(State.FAILED);
        assertThat(kit.step("deploy/2").message()).isEqualTo("cannot decide when ${steps.migrate.exit} == 0:"
                + " ${steps.migrate.exit} has no value: migrate (deploy/1, skipped) recorded no exit code");
        assertThat(kit.steps.calls()).containsExactly("deploy/rollback/1");
    }

    @Test
    void aStageWhoseConditionIsFalseIsSkippedWithItsStepsAndNotRolledBack() {
        Plan plan = EngineKit.plan("""
                service: shop
                environments:
                  prod: {}
                stages:
                  - name: probe
                    steps:
                      - name: lag
                        run: ./replica-lag.sh
                  - name: failover
                    when: ${steps.lag.exit} != 0
                    steps:
                      - run: ./failover.sh
                    rollback:
                      - run: ./failback.sh
                  - name: broken
                    steps:
                      - run: ./fails.sh
                """);
        kit.steps.on("broken/1", fail("exit code 1 (expected 0)"));

        RunOutcome outcome = kit.start(plan);

        assertThat(outcome.status()).isEqualTo(RunStatus.FAILED);
        assertThat(kit.stage("failover")).isEqualTo(State.SKIPPED);
        assertThat(kit.step("failover/1").message()).isEqualTo("when ${steps.lag.exit} != 0 was false (0 != 0)");
        assertThat(kit.steps.calls()).containsExactly("probe/1", "broken/1");
    }
}
