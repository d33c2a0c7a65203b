package dev.shipshape.runbook.yaml;

import static dev.shipshape.runbook.yaml.RunbookFixtures.load;
import static dev.shipshape.runbook.yaml.RunbookFixtures.problems;
import static dev.shipshape.runbook.yaml.RunbookFixtures.withStages;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.runbook.Repeat;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code repeat:} is an option of every step kind, read with its bounds and its {@code until:} condition. */
class RepeatReadingTest {

    @Test
    void everyAndForAreReadOnAnyKindOfStep() {
        Repeat repeat = load(withStages("""
                  - name: watch
                    steps:
                      - confirm: "Post the status update"
                        repeat: {every: 15m, for: 2h}
                """)).stages().getFirst().steps().getFirst().options().repeat();

        assertThat(repeat.every()).isEqualTo(Duration.ofMinutes(15));
        assertThat(repeat.span()).isEqualTo(Duration.ofHours(2));
        assertThat(repeat.describe()).isEqualTo("repeats every 15m for 2h");
    }

    @Test
    void untilReadsTheStepsOwnAnswerAndTimesBoundsIt() {
        Repeat repeat = load(withStages("""
                  - name: watch
                    steps:
                      - name: check
                        run: ./check.sh
                        repeat:
                          every: 1h
                          until: ${steps.check.exit} == 0
                          times: 48
                """)).stages().getFirst().steps().getFirst().options().repeat();

        assertThat(repeat.describe()).isEqualTo("repeats every 1h until ${steps.check.exit} == 0, at most 48 times");
    }

    @Test
    void aRepeatWithoutAnEndIsRefusedWhereItIsWritten() {
        assertThat(problems(withStages("""
                  - name: watch
                    steps:
                      - run: ./post-update.sh
                        repeat: {every: 15m}
                """))).containsExactly("bad.yaml:8:17: stages[0].steps[0].repeat: repeat needs an end: for, until or"
                + " times (write e.g. {every: 15m, for: 2h} or {every: 1h, until: \"${steps.check.exit} == 0\"})");
    }

    @Test
    void wrongValuesInARepeatAreEachRefusedAtTheirPlace() {
        assertThat(problems(withStages("""
                  - name: watch
                    steps:
                      - run: ./post-update.sh
                        repeat:
                          every: 0s
                          times: 0
                          forr: 2h
                """))).containsExactly(
                "bad.yaml:9:18: stages[0].steps[0].repeat.every: every must be more than 0s (write e.g. every: 15m)",
                "bad.yaml:10:18: stages[0].steps[0].repeat.times: times must be 1 or more, got 0",
                "bad.yaml:11:11: stages[0].steps[0].repeat: unknown key 'forr' (did you mean 'for'?)");
    }

    @Test
    void untilMayOnlyReadStepsThatRunBeforeItOrItself() {
        assertThat(problems(withStages("""
                  - name: watch
                    steps:
                      - name: check
                        run: ./check.sh
                        repeat: {every: 1h, times: 3, until: "${steps.later.exit} == 0"}
                      - name: later
                        run: ./later.sh
                """))).singleElement().asString().isEqualTo("bad.yaml:9:47: stages[0].steps[0].repeat.until: ${steps.later.exit}: step 'later' does not run"
                + " before this; a condition can only use steps that ran earlier");
    }
}
