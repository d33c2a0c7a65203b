package dev.shipshape.steps.analysis;

import dev.shipshape.analysis.Finding;
import dev.shipshape.analysis.RollbackDecision;
import dev.shipshape.analysis.Verdict;
import dev.shipshape.engine.StepResult;
import dev.shipshape.runbook.AnalysisStep;
import dev.shipshape.runbook.OnInconclusive;
import dev.shipshape.runbook.RollbackRule;
import java.util.List;
import java.util.Optional;

/**
 * A verdict as a step result, through the rollback rules: rollback fails the step (the stage's
 * on_failure then rolls back at once), pause halts the run for a person, alert lets it go on with a
 * note. An inconclusive analysis never succeeds.
 */
final class VerdictResults {

    private VerdictResults() {
    }

    static StepResult of(AnalysisStep step, Verdict verdict, String tail) {
        if (verdict.outcome() == Verdict.Outcome.INCONCLUSIVE) {
            return inconclusive(step, verdict, tail);
        }
        List<String> conditions = verdict.findings().stream().map(Finding::condition).distinct().toList();
        String what = "analysis " + verdict.outcome().label() + ": " + verdict.reason();
        Optional<RollbackDecision.Decision> decision = RollbackDecision.decide(step.rules(), conditions, what);
        RollbackRule.Action action = decision.map(RollbackDecision.Decision::action).orElse(null);
        String reason = decision.map(RollbackDecision.Decision::reason).orElse(what);
        if (action == RollbackRule.Action.ROLLBACK) {
            return StepResult.failure(null, reason, tail, tail.length());
        }
        if (action == RollbackRule.Action.PAUSE) {
            return StepResult.pause(reason, tail);
        }
        String alert = action == RollbackRule.Action.ALERT && verdict.outcome() == Verdict.Outcome.FAILED
                ? " (alert only, by rule)" : "";
        return StepResult.success(null, reason + alert, tail, tail.length());
    }

    private static StepResult inconclusive(AnalysisStep step, Verdict verdict, String tail) {
        String reason = "analysis inconclusive: " + verdict.reason();
        boolean pauseByRule = step.rules().stream().anyMatch(r -> r.when().equals("analysis inconclusive")
                && r.action() == RollbackRule.Action.PAUSE);
        if (pauseByRule || step.onInconclusive() == OnInconclusive.PAUSE) {
            return StepResult.pause(reason, tail);
        }
        return StepResult.failure(null, reason, tail, tail.length());
    }
}
