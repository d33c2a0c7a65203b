package dev.shipshape.cli;

import dev.shipshape.runbook.Masked;
import dev.shipshape.plan.Plan;
import dev.shipshape.plan.PlannedStage;
import dev.shipshape.plan.PlannedStep;
import dev.shipshape.runbook.Durations;
import dev.shipshape.runbook.Step;
import dev.shipshape.steps.StepKinds;
import java.util.ArrayList;
import java.util.List;

/** A plan as text: the ordered steps with resolved values, secrets masked, rollback steps under their stage. */
final class PlanText {

    private PlanText() {
    }

    static List<String> lines(Plan plan) {
        List<String> lines = new ArrayList<>();
        lines.add(plan.procedureName() != null ? "Plan: " + plan.service() + " procedure " + plan.procedureName()
                + " in " + plan.environment() + " (changes no live version)"
                : "Plan: " + plan.service() + " " + plan.version() + " to " + plan.environment() + " (previous: "
                + plan.previousVersionIfAny().orElse("none") + ")");
        int n = 1;
        for (PlannedStage stage : plan.stages()) {
            lines.add(n++ + ". " + stage.name() + stageNotes(stage));
            stage.steps().forEach(s -> lines.addAll(step(s, "     ")));
            if (!stage.rollback().isEmpty()) {
                lines.add("     rollback:");
                stage.rollback().forEach(s -> lines.addAll(step(s, "       ")));
            }
            if (stage.nothingToRollBackTo()) {
                lines.add("     warning: nothing to roll back to on a first deploy: the rollback uses ${previous_version}"
                        + " and no version is live in " + plan.environment() + " yet; a failure here is not undone");
            }
        }
        if (!plan.always().isEmpty()) {
            lines.add("always:");
            plan.always().forEach(s -> lines.addAll(step(s, "     ")));
        }
        return lines;
    }

    private static String stageNotes(PlannedStage stage) {
        List<String> notes = new ArrayList<>();
        if (stage.skipped()) {
            notes.add("skipped: " + stage.skip());
        }
        if (stage.when() != null) {
            notes.add("when " + stage.when().source().strip());
        }
        if (!stage.needs().isEmpty()) {
            notes.add("needs " + String.join(", ", stage.needs()));
        }
        if (stage.timeout() != null) {
            notes.add("timeout " + Durations.format(stage.timeout()));
        }
        notes.addAll(StageNotes.stageNotes(stage));
        notes.add("on failure: " + stage.onFailure().name().toLowerCase(java.util.Locale.ROOT));
        return "  (" + String.join(", ", notes) + ")";
    }

    private static List<String> step(PlannedStep planned, String indent) {
        Step step = planned.step();
        List<String> lines = new ArrayList<>();
        lines.add(indent + planned.id() + "  " + step.kind() + "  " + Masked.of(step.summary()) + options(step)
                + (planned.skipped() ? "  (skipped: " + planned.skip() + ")" : "")
                + (planned.when() != null ? "  (when " + planned.when().source().strip() + ")" : ""));
        StepKinds.of(step).detailsOf(step).forEach(detail -> lines.add(indent + "    " + detail));
        return lines;
    }

    private static String options(Step step) {
        List<String> notes = new ArrayList<>();
        if (step.options().timeout() != null) {
            notes.add("timeout " + Durations.format(step.options().timeout()));
        }
        if (step.options().retries() > 0) {
            notes.add("retries " + step.options().retries());
        }
        if (step.idempotent()) {
            notes.add("idempotent");
        }
        if (step.options().repeat() != null) {
            notes.add(step.options().repeat().describe());
        }
        return notes.isEmpty() ? "" : "  [" + String.join(", ", notes) + "]";
    }
}
