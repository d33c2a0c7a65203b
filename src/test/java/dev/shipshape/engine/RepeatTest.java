package dev.shipshape.engine;

import static dev.shipshape.engine.testkit.ScriptedSteps.crash;
import static dev.shipshape.engine.testkit.ScriptedSteps.fail;
import static dev.shipshape.engine.testkit.ScriptedSteps.meanwhile;
import static dev.shipshape.engine.testkit.ScriptedSteps.succeed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipshape.engine.testkit.EngineKit;
import dev.shipshape.engine.testkit.ScriptedSteps;
import dev.shipshape.engine.testkit.ScriptedSteps.EngineCrash;
import dev.shipshape.plan.Plan;
import java.time.Duration;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** A step with {@code repeat:} runs again on a schedule, through the engine's sleeper, until a bound or until holds. */
class RepeatTest {

    private final EngineKit kit = new EngineKit();

    private static Plan plan(String repeat) {
        return EngineKit.plan("""
                service: shop
                environments:
                  prod: {}
                stages:
                  - name: watch
                    steps:
                      - name: update
                        run: ./post-update.sh
                        idempotent: true
                        repeat: %s
                      - run: ./after.sh
                """.formatted(repeat));
    }

    private static ScriptedSteps.Attempt answers(String json) {
        return context -> StepResult.success(0, "exit code 0", "", 0).withJson(json);
    }

    @Test
    void aStepEvery15MinutesFor2HoursRunsEightTimesAndSaysSo() {
        RunOutcome outcome = kit.start(plan("{every: 15m, for: 2h}"));

        assertThat(outcome.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(kit.steps.calls()).containsExactlyElementsOf(concat(Collections.nCopies(8, "watch/1"), "watch/2"));
        assertThat(kit.sleeper.waits()).containsExactlyElementsOf(Collections.nCopies(7, Duration.ofMinutes(15)));
        assertThat(kit.events("step.repeat")).hasSize(8).first()
                .isEqualTo("watch/1 repetition 1 (repeats every 15m for 2h)");
        assertThat(kit.step("watch/1").message()).isEqualTo("repeated 8 times over 1h45m: exit code 0");
        assertThat(kit.step("watch/1").state()).isEqualTo(State.SUCCEEDED);
    }

    @Test
    void theWaitIsWhatIsLeftOfTheIntervalAfterARepetitionThatTookTime() {
        kit.steps.on("watch/1", kit.steps.takes(Duration.ofMinutes(4), succeed()));

        kit.start(plan("{every: 15m, times: 3}"));

        assertThat(kit.sleeper.waits()).containsExactly(Duration.ofMinutes(11), Duration.ofMinutes(11));
        assertThat(kit.step("watch/1").message()).startsWith("repeated 3 times");
    }

    @Test
    void untilEndsTheRepetitionsOnceTheStepsOwnAnswerSaysSo() {
        kit.steps.on("watch/1", answers("{\"status\":\"degraded\"}"), fail("exit code 1"),
                answers("{\"status\":\"ok\"}"));

        RunOutcome outcome = kit.start(plan("{every: 1h, until: '${steps.update.json.status} == ok', times: 48}"));

        assertThat(outcome.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(kit.steps.calls()).containsExactly("watch/1", "watch/1", "watch/1", "watch/2");
        assertThat(kit.step("watch/1").message()).isEqualTo("repeated 3 times over 2h: until held after repetition 3");
        assertThat(kit.events("step.when")).hasSize(2).first().isEqualTo("watch/1: repeats on, until"
                + " ${steps.update.json.status} == ok was false (degraded == ok)");
    }

    @Test
    void untilThatNeverHoldsFailsTheStepWhenTheBoundRunsOut() {
        kit.steps.on("watch/1", answers("{\"status\":\"degraded\"}"));

        RunOutcome outcome = kit.start(plan("{every: 1h, until: '${steps.update.json.status} == ok', times: 3}"));

        assertThat(outcome.status()).isEqualTo(RunStatus.FAILED);
        assertThat(kit.steps.calls()).containsExactly("watch/1", "watch/1", "watch/1");
        assertThat(kit.step("watch/1").message()).isEqualTo("repeated 3 times over 2h: until"
                + " ${steps.update.json.status} == ok did not hold after 3 repetitions");
    }

    @Test
    void withoutUntilAFailingRepetitionFailsTheStepAtOnce() {
        kit.steps.on("watch/1", succeed(), fail("exit code 2"));

        RunOutcome outcome = kit.start(plan("{every: 15m, for: 2h}"));

        assertThat(outcome.status()).isEqualTo(RunStatus.FAILED);
        assertThat(kit.steps.calls()).containsExactly("watch/1", "watch/1");
        assertThat(outcome.reason()).startsWith("watch/1 failed: repeated 2 times over 15m: exit code 2");
    }

    @Test
    void aCancelStopsTheWaitBeforeTheNextRepetition() {
        kit.steps.on("watch/1", meanwhile(() -> kit.signal.raise("Ctrl-C"), succeed()));

        RunOutcome outcome = kit.start(plan("{every: 15m, for: 2h}"));

        assertThat(outcome.status()).isEqualTo(RunStatus.FAILED);
        assertThat(kit.steps.calls()).containsExactly("watch/1");
        assertThat(kit.sleeper.waits()).containsExactly(Duration.ofMinutes(15));
        assertThat(kit.clock.instant()).isEqualTo(EngineKit.T0);
        assertThat(kit.step("watch/1").state()).isEqualTo(State.FAILED);
        assertThat(kit.step("watch/1").message()).isEqualTo("repeated 1 time: cancelled while waiting for repetition 2");
    }

    @Test
    void aResumedRunContinuesTheRepetitionsWhereTheyStood() {
        Plan plan = plan("{every: 15m, times: 4}");
        kit.steps.on("watch/1", succeed(), crash(), succeed());
        assertThatThrownBy(() -> kit.start(plan)).isInstanceOf(EngineCrash.class);
        kit.clock.advance(Duration.ofMinutes(5));

        RunOutcome outcome = kit.resume(kit.runId(), plan, ResumeChoice.POLICY);

        assertThat(outcome.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(kit.steps.calls()).containsExactly("watch/1", "watch/1", "watch/1", "watch/1", "watch/2");
        assertThat(kit.sleeper.waits()).containsExactly(Duration.ofMinutes(15), Duration.ofMinutes(10),
                Duration.ofMinutes(15));
        assertThat(kit.events("step.repeat")).last().asString().startsWith("watch/1 repetition 4 ");
        assertThat(kit.step("watch/1").message()).startsWith("repeated 4 times over 45m");
    }

    @Test
    void anAlwaysStepRepeatsToo() {
        Plan plan = EngineKit.plan("""
                service: shop
                environments:
                  prod: {}
                stages:
                  - name: deploy
                    steps:
                      - run: ./deploy.sh
                always:
                  - run: ./notify.sh
                    repeat: {every: 1m, times: 2}
                """);

        kit.start(plan);

        assertThat(kit.steps.calls()).containsExactly("deploy/1", "always/1", "always/1");
        assertThat(kit.sleeper.waits()).containsExactly(Duration.ofMinutes(1));
    }

    private static java.util.List<String> concat(java.util.List<String> first, String last) {
        java.util.List<String> all = new java.util.ArrayList<>(first);
        all.add(last);
        return all;
    }
}
