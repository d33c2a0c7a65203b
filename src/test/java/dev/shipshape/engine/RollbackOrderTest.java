package dev.shipshape.engine;

import static dev.shipshape.engine.testkit.ScriptedSteps.fail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.shipshape.engine.testkit.EngineKit;
import dev.shipshape.plan.Plan;
import org.junit.jupiter.api.Test;

/** Rollback undoes the stages that started, latest first; each stage's rollback steps run as written. */
class RollbackOrderTest {

    private final EngineKit kit = new EngineKit();
    private final Plan plan = EngineKit.plan("""
            service: shop
            environments:
              prod: {}
            stages:
              - name: migrate
                steps:
                  - run: ./migrate.sh
                rollback:
                  - run: ./restore-backup.sh
                  - run: ./check-schema.sh
              - name: deploy
                steps:
                  - run: ./deploy.sh
                rollback:
                  - run: ./deploy.sh previous
              - name: canary
                steps:
                  - run: ./canary.sh
                rollback:
                  - run: ./drain-canary.sh
              - name: announce
                steps:
                  - run: ./announce.sh
                rollback:
                  - run: ./retract.sh
            """);

    @Test
    void theStagesThatStartedAreUndoneLatestFirst() {
        kit.steps.on("canary/1", fail("error rate 12%"));

        RunOutcome outcome = kit.start(plan);

        assertThat(outcome.status()).isEqualTo(RunStatus.ROLLED_BACK);
        assertThat(outcome.reason()).isEqualTo("canary/1 failed: error rate 12%");
        assertThat(kit.steps.calls()).containsExactly("migrate/1", "deploy/1", "canary/1",
                "canary/rollback/1", "deploy/rollback/1", "migrate/rollback/1", "migrate/rollback/2");
        assertThat(kit.store.stages(kit.runId())).extracting(StageRecord::stage, StageRecord::state)
                .containsExactly(tuple("migrate", State.ROLLED_BACK),
                        tuple("deploy", State.ROLLED_BACK),
                        tuple("canary", State.ROLLED_BACK),
                        tuple("announce", State.PENDING));
        assertThat(kit.step("announce/rollback/1").state()).isEqualTo(State.PENDING);
    }

    @Test
    void aFailedRollbackStepStopsTheRollbackBeforeEarlierStages() {
        kit.steps.on("canary/1", fail("error rate 12%")).on("deploy/rollback/1", fail("exit code 4"));

        RunOutcome outcome = kit.start(plan);

        assertThat(outcome.status()).isEqualTo(RunStatus.ROLLBACK_FAILED);
        assertThat(outcome.reason()).isEqualTo("rollback step deploy/rollback/1 failed: exit code 4 (after: canary/1"
                + " failed: error rate 12%)");
        assertThat(kit.steps.calls()).containsExactly("migrate/1", "deploy/1", "canary/1", "canary/rollback/1",
                "deploy/rollback/1");
        assertThat(kit.stage("deploy")).isEqualTo(State.FAILED);
        assertThat(kit.stage("migrate")).isEqualTo(State.SUCCEEDED);
    }

    @Test
    void aFirstDeployHasNothingToRollBackToAndSaysSo() {
        Plan first = EngineKit.plan("""
                service: shop
                environments:
                  prod: {}
                stages:
                  - name: deploy
                    steps:
                      - run: ./deploy.sh ${version}
                    rollback:
                      - run: ./deploy.sh ${previous_version}
                """, "1.0", null);
        kit.steps.on("deploy/1", fail("exit code 1"));

        RunOutcome outcome = kit.start(first);

        assertThat(outcome.status()).isEqualTo(RunStatus.FAILED);
        assertThat(outcome.reason()).isEqualTo("deploy/1 failed: exit code 1; nothing to undo: deploy has nothing to"
                + " roll back to on a first deploy (no earlier version in prod)");
        assertThat(kit.steps.calls()).containsExactly("deploy/1");
        assertThat(kit.step("deploy/rollback/1").state()).isEqualTo(State.SKIPPED);
    }
}
