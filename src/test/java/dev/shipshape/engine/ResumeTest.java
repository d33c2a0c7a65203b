package dev.shipshape.engine;

import static dev.shipshape.engine.testkit.ScriptedSteps.crash;
import static dev.shipshape.engine.testkit.ScriptedSteps.fail;
import static dev.shipshape.engine.testkit.ScriptedSteps.pause;
import static dev.shipshape.engine.testkit.ScriptedSteps.succeed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipshape.ShipshapeException;
import dev.shipshape.engine.testkit.EngineKit;
import dev.shipshape.engine.testkit.ScriptedSteps.EngineCrash;
import dev.shipshape.plan.Plan;
import org.junit.jupiter.api.Test;

/** Resume goes on from the state the run was left in, and never runs a finished step again. */
class ResumeTest {

    private final EngineKit kit = new EngineKit();
    private final Plan plan = EngineKit.plan("""
            service: shop
            environments:
              prod: {}
            stages:
              - name: build
                steps:
                  - run: ./build.sh
                rollback:
                  - run: ./unbuild.sh
                    idempotent: true
              - name: deploy
                steps:
                  - run: ./deploy.sh
                    idempotent: true
                  - run: ./analyse.sh
                rollback:
                  - run: ./undo-1.sh
                    idempotent: true
                  - run: ./undo-2.sh
            always:
              - run: ./notify.sh
                idempotent: true
            """);

    private String crashes() {
        assertThatThrownBy(() -> kit.start(plan)).isInstanceOf(EngineCrash.class);
        return kit.runId();
    }

    @Test
    void fromRunningAfterACrashItGoesOnWhereTheRunStopped() {
        kit.steps.on("deploy/1", crash(), succeed());
        String runId = crashes();
        assertThat(kit.store.run(runId).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);

        RunOutcome outcome = kit.resume(runId, plan, ResumeChoice.POLICY);

        assertThat(outcome.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(kit.steps.calls()).containsExactly("build/1", "deploy/1", "deploy/1", "deploy/2", "always/1");
        assertThat(kit.events("run.resumed")).containsExactly("resumed by host-b:2 from running");
    }

    @Test
    void fromAPauseResumeMeasuresAgain() {
        kit.steps.on("deploy/2", pause("inconclusive: too little traffic"), succeed());
        RunOutcome halted = kit.start(plan);
        assertThat(halted.status()).isEqualTo(RunStatus.HALTED);
        assertThat(halted.reason()).isEqualTo("deploy/2 paused: inconclusive: too little traffic; decide with:"
                + " shipshape resume " + halted.runId() + " --rerun (measure again) or --rollback");
        assertThat(kit.step("always/1").state()).isEqualTo(State.PENDING);

        RunOutcome outcome = kit.resume(halted.runId(), plan, ResumeChoice.RERUN);

        assertThat(outcome.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(kit.steps.calls()).containsExactly("build/1", "deploy/1", "deploy/2", "deploy/2", "always/1");
        assertThat(kit.events("run.running")).endsWith("resumed after a halt (rerun)");
    }

    @Test
    void fromAPauseAPersonMayRollBack() {
        kit.steps.on("deploy/2", pause("inconclusive"));
        RunOutcome halted = kit.start(plan);

        RunOutcome outcome = kit.resume(halted.runId(), plan, ResumeChoice.ROLLBACK);

        assertThat(outcome.status()).isEqualTo(RunStatus.ROLLED_BACK);
        assertThat(outcome.reason()).isEqualTo("deploy/2 failed: a person chose to roll back after a pause");
        assertThat(kit.steps.calls()).containsExactly("build/1", "deploy/1", "deploy/2", "deploy/rollback/1",
                "deploy/rollback/2", "build/rollback/1", "always/1");
    }

    @Test
    void fromRollingBackAfterACrashTheRollbackGoesOnWithItsReasonAndSkipsWhatItUndid() {
        kit.steps.on("deploy/2", fail("error rate 12%")).on("build/rollback/1", crash(), succeed());
        String runId = crashes();
        assertThat(kit.store.run(runId).orElseThrow().status()).isEqualTo(RunStatus.ROLLING_BACK);

        RunOutcome outcome = kit.resume(runId, plan, ResumeChoice.POLICY);

        assertThat(outcome.status()).isEqualTo(RunStatus.ROLLED_BACK);
        assertThat(outcome.reason()).isEqualTo("deploy/2 failed: error rate 12%");
        assertThat(kit.steps.calls()).containsExactly("build/1", "deploy/1", "deploy/2", "deploy/rollback/1",
                "deploy/rollback/2", "build/rollback/1", "build/rollback/1", "always/1");
        assertThat(kit.stage("deploy")).isEqualTo(State.ROLLED_BACK);
        assertThat(kit.stage("build")).isEqualTo(State.ROLLED_BACK);
    }

    @Test
    void fromAHaltInTheRollbackARerunGoesOnRollingBack() {
        kit.steps.on("deploy/2", fail("error rate 12%")).on("deploy/rollback/2", crash(), succeed());
        String runId = crashes();
        RunOutcome halted = kit.resume(runId, plan, ResumeChoice.POLICY);
        assertThat(halted.status()).isEqualTo(RunStatus.HALTED);

        RunOutcome outcome = kit.resume(runId, plan, ResumeChoice.RERUN);

        assertThat(outcome.status()).isEqualTo(RunStatus.ROLLED_BACK);
        assertThat(outcome.reason()).isEqualTo("deploy/2 failed: error rate 12%");
        assertThat(kit.steps.calls()).containsExactly("build/1", "deploy/1", "deploy/2", "deploy/rollback/1",
                "deploy/rollback/2", "deploy/rollback/2", "build/rollback/1", "always/1");
    }

    @Test
    void fromAHaltInTheRollbackChoosingRollbackCountsTheStepAsFailed() {
        kit.steps.on("deploy/2", fail("error rate 12%")).on("deploy/rollback/2", crash());
        String runId = crashes();
        kit.resume(runId, plan, ResumeChoice.POLICY);

        RunOutcome outcome = kit.resume(runId, plan, ResumeChoice.ROLLBACK);

        assertThat(outcome.status()).isEqualTo(RunStatus.ROLLBACK_FAILED);
        assertThat(outcome.reason()).isEqualTo("rollback step deploy/rollback/2 failed: rollback step"
                + " deploy/rollback/2 was running when the run stopped and is not idempotent; treated as failed"
                + " (after: deploy/2 failed: error rate 12%)");
        assertThat(kit.steps.calls()).endsWith("deploy/rollback/2", "always/1");
    }

    @Test
    void aFinishedRunIsNotResumed() {
        RunOutcome done = kit.start(plan);

        assertThatThrownBy(() -> kit.resume(done.runId(), plan, ResumeChoice.POLICY))
                .isInstanceOfSatisfying(ShipshapeException.class, e -> assertThat(e.code())
                        .isEqualTo(ShipshapeException.Code.INVALID_INPUT))
                .hasMessage("run " + done.runId() + " already ended: succeeded; start a new one with: shipshape"
                        + " deploy");
        assertThat(kit.steps.calls()).containsExactly("build/1", "deploy/1", "deploy/2", "always/1");
    }

    @Test
    void anUnknownRunIsNotFound() {
        assertThatThrownBy(() -> kit.resume("20260301-100000-beef", plan, ResumeChoice.POLICY))
                .isInstanceOfSatisfying(ShipshapeException.class, e -> assertThat(e.code())
                        .isEqualTo(ShipshapeException.Code.NOT_FOUND))
                .hasMessage("no run 20260301-100000-beef; list runs with: shipshape runs");
    }
}
