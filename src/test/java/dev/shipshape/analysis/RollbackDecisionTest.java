package dev.shipshape.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.analysis.RollbackDecision.Decision;
import dev.shipshape.runbook.RollbackRule;
import dev.shipshape.runbook.RollbackRule.Action;
import java.util.List;
import org.junit.jupiter.api.Test;

class RollbackDecisionTest {

    /** Seed 002's tree: error rate over 10 % rolls back at once, p95 over 2 s is for a person, warnings are watched. */
    private static final List<RollbackRule> SEED_002 = List.of(
            new RollbackRule("error-rate critical", Action.ROLLBACK),
            new RollbackRule("p95-latency critical", Action.PAUSE),
            new RollbackRule("error-rate warning", Action.ALERT),
            new RollbackRule("smoke failed", Action.ROLLBACK));

    @Test
    void rollsBackImmediatelyOnACriticalErrorRate() {
        assertThat(RollbackDecision.decide(SEED_002, List.of("error-rate critical"), "error rate 0.12 > 0.10"))
                .contains(new Decision(Action.ROLLBACK, "error rate 0.12 > 0.10 [rule 'error-rate critical -> rollback']"));
    }

    @Test
    void pausesForAPersonOnSlowLatency() {
        assertThat(RollbackDecision.decide(SEED_002, List.of("p95-latency critical"), "p95 2.3s > 2s"))
                .map(Decision::action).contains(Action.PAUSE);
    }

    @Test
    void theMostSevereActionWins() {
        assertThat(RollbackDecision.decide(SEED_002, List.of("error-rate warning", "p95-latency critical",
                "error-rate critical"), "both")).map(Decision::action).contains(Action.ROLLBACK);
    }

    @Test
    void withoutRulesCriticalAndBrokenChecksRollBackAndWarningsAlert() {
        assertThat(RollbackDecision.decide(List.of(), List.of("saturation critical"), "x")).contains(
                new Decision(Action.ROLLBACK, "x"));
        assertThat(RollbackDecision.decide(List.of(), List.of("health failed"), "x")).map(Decision::action)
                .contains(Action.ROLLBACK);
        assertThat(RollbackDecision.decide(List.of(), List.of("error-rate warning"), "x")).map(Decision::action)
                .contains(Action.ALERT);
    }

    @Test
    void nothingFoundCallsForNothing() {
        assertThat(RollbackDecision.decide(SEED_002, List.of(), "all fine")).isEmpty();
        assertThat(RollbackDecision.decide(List.of(), List.of("analysis inconclusive"), "?")).isEmpty();
    }
}
