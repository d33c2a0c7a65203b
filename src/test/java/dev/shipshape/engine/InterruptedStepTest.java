package dev.shipshape.engine;

import static dev.shipshape.engine.testkit.ScriptedSteps.crash;
import static dev.shipshape.engine.testkit.ScriptedSteps.fail;
import static dev.shipshape.engine.testkit.ScriptedSteps.succeed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipshape.engine.testkit.EngineKit;
import dev.shipshape.engine.testkit.ScriptedSteps.EngineCrash;
import dev.shipshape.plan.Plan;
import org.junit.jupiter.api.Test;

/**
 * A step that was running when the engine died: resume runs it again only when that is harmless
 * (idempotent) or a person said so; otherwise the run halts and asks, or rolls back when the runbook
 * says {@code on_interrupted: rollback}.
 */
class InterruptedStepTest {

    private static final String STAGES = """
            stages:
              - name: deploy
                steps:
                  - run: ./migrate.sh
                    idempotent: true
                  - run: ./deploy.sh
                rollback:
                  - run: ./undo.sh
            always:
              - run: ./notify.sh
            """;

    private final EngineKit kit = new EngineKit();
    private final Plan plan = EngineKit.plan("service: shop\nenvironments:\n  prod: {}\n" + STAGES);

    private String crashedIn(Plan plan, String stepId) {
        kit.steps.on(stepId, crash(), succeed());
        assertThatThrownBy(() -> kit.start(plan)).isInstanceOf(EngineCrash.class);
        assertThat(kit.step(stepId).state()).isEqualTo(State.RUNNING);
        return kit.runId();
    }

    @Test
    void aNonIdempotentStepInterruptedByACrashHaltsTheResumeAndAsksWhatToDo() {
        String runId = crashedIn(plan, "deploy/2");

        RunOutcome outcome = kit.resume(runId, plan, ResumeChoice.POLICY);

        assertThat(outcome.status()).isEqualTo(RunStatus.HALTED);
        assertThat(outcome.reason()).isEqualTo("deploy/2 was running when the run stopped and is not idempotent;"
                + " check what it did, then run: shipshape resume " + runId + " --rerun (or --rollback)");
        assertThat(kit.store.run(runId).orElseThrow().status()).isEqualTo(RunStatus.HALTED);
        assertThat(kit.steps.calls()).containsExactly("deploy/1", "deploy/2");
        assertThat(kit.step("always/1").state()).isEqualTo(State.PENDING);
    }

    @Test
    void aPersonWhoChecksAndChoosesRerunHasTheStepRunAgain() {
        String runId = crashedIn(plan, "deploy/2");
        kit.resume(runId, plan, ResumeChoice.POLICY);

        RunOutcome outcome = kit.resume(runId, plan, ResumeChoice.RERUN);

        assertThat(outcome.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(kit.steps.calls()).containsExactly("deploy/1", "deploy/2", "deploy/2", "always/1");
        assertThat(kit.events("step.rerun")).containsExactly("deploy/2 was running when the run stopped and is not"
                + " idempotent; re-running it as asked");
    }

    @Test
    void aPersonWhoChoosesRollbackHasTheStepCountedAsFailed() {
        String runId = crashedIn(plan, "deploy/2");

        RunOutcome outcome = kit.resume(runId, plan, ResumeChoice.ROLLBACK);

        assertThat(outcome.status()).isEqualTo(RunStatus.ROLLED_BACK);
        assertThat(outcome.reason()).isEqualTo("deploy/2 was running when the run stopped and is not idempotent;"
                + " treated as failed");
        assertThat(kit.steps.calls()).containsExactly("deploy/1", "deploy/2", "deploy/rollback/1", "always/1");
    }

    @Test
    void aRunbookThatSaysOnInterruptedRollbackRollsBackWithoutAsking() {
        Plan rollsBack = EngineKit.plan("service: shop\non_interrupted: rollback\nenvironments:\n  prod: {}\n"
                + STAGES);
        String runId = crashedIn(rollsBack, "deploy/2");

        RunOutcome outcome = kit.resume(runId, rollsBack, ResumeChoice.POLICY);

        assertThat(outcome.status()).isEqualTo(RunStatus.ROLLED_BACK);
        assertThat(kit.step("deploy/2").state()).isEqualTo(State.FAILED);
        assertThat(kit.steps.calls()).containsExactly("deploy/1", "deploy/2", "deploy/rollback/1", "always/1");
    }

    @Test
    void anIdempotentInterruptedStepSimplyRunsAgain() {
        String runId = crashedIn(plan, "deploy/1");

        RunOutcome outcome = kit.resume(runId, plan, ResumeChoice.POLICY);

        assertThat(outcome.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(kit.steps.calls()).containsExactly("deploy/1", "deploy/1", "deploy/2", "always/1");
        assertThat(kit.events("step.rerun")).containsExactly("deploy/1 was running when the run stopped; it is"
                + " idempotent, so it runs again");
    }

    @Test
    void aNonIdempotentRollbackStepInterruptedByACrashHaltsTheResume() {
        kit.steps.on("deploy/2", fail("exit code 1"));
        String runId = crashedIn(plan, "deploy/rollback/1");

        RunOutcome outcome = kit.resume(runId, plan, ResumeChoice.POLICY);

        assertThat(outcome.status()).isEqualTo(RunStatus.HALTED);
        assertThat(outcome.reason()).isEqualTo("rollback step deploy/rollback/1 was running when the run stopped and"
                + " is not idempotent; check what it did, then run: shipshape resume " + runId + " --rerun (or"
                + " --rollback to count it as failed)");
        assertThat(kit.step("always/1").state()).isEqualTo(State.PENDING);
    }

    @Test
    void aNonIdempotentAlwaysStepInterruptedByACrashHaltsTheResume() {
        String runId = crashedIn(plan, "always/1");

        RunOutcome outcome = kit.resume(runId, plan, ResumeChoice.POLICY);

        assertThat(outcome.status()).isEqualTo(RunStatus.HALTED);
        assertThat(outcome.reason()).startsWith("always-step always/1 was running when the run stopped and is not"
                + " idempotent; check what it did");
        assertThat(kit.steps.calls()).containsExactly("deploy/1", "deploy/2", "always/1");
    }
}
