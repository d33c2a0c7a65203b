package dev.shipshape.plan;

import dev.shipshape.runbook.condition.Condition;
import dev.shipshape.runbook.condition.Evaluation;
import dev.shipshape.runbook.condition.Facts;
import dev.shipshape.runbook.condition.Reference;
import dev.shipshape.runbook.condition.Value;
import java.util.List;

/**
 * Whether a stage or step runs, as far as the plan can tell: skipped outside its environments, skipped when its
 * condition is false on the plan's own values (the environment, variables), or left for the run to decide.
 *
 * @param skip why it does not run, or null
 * @param when the condition left for the run (the plan's values filled in), or null
 */
record Decided(String skip, Condition when) {

    static Decided of(List<String> environments, Condition condition, References values) {
        String elsewhere = EnvironmentSkip.of(environments, values.environment());
        if (elsewhere != null || condition == null) {
            return new Decided(elsewhere, null);
        }
        Condition bound = condition.bind(r -> planValue(r, values));
        if (bound.needsRun()) {
            return new Decided(null, bound);
        }
        return switch (bound.evaluate(r -> Facts.Lookup.none("not set in " + values.environment()))) {
            case Evaluation.Decided d when d.holds() -> new Decided(null, null);
            case Evaluation.Decided d -> new Decided(condition.wasFalse(d.shown()), null);
            // an undecidable plan-time condition (text compared with <) is left for the run to fail on, saying why
            case Evaluation.Undecided u -> new Decided(null, bound);
        };
    }

    private static Value planValue(Reference r, References values) {
        return switch (r.kind()) {
            case ENVIRONMENT -> Value.text(values.environment());
            case VAR -> values.variable(r.name()) == null ? null : Value.text(values.variable(r.name()));
            default -> null;
        };
    }
}
