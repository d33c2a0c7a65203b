package dev.shipshape.engine;

import dev.shipshape.plan.PlannedStep;
import dev.shipshape.runbook.Placeholders;

/** An always-step's {@code ${run.outcome}} and {@code ${run.status}}, filled in once the run's outcome is decided. */
final class RunOutcomeText {

    private RunOutcomeText() {
    }

    static PlannedStep fill(PlannedStep step, RunStatus status) {
        boolean[] uses = {false};
        step.step().mapStrings(text -> {
            uses[0] |= Placeholders.find(text).stream().anyMatch(p -> p.kind() == Placeholders.Kind.RUN);
            return text;
        });
        if (!uses[0]) {
            return step;
        }
        return new PlannedStep(step.id(), step.stage(), step.phase(), step.index(),
                step.step().mapStrings(text -> fill(text, status)), step.skip(), step.when());
    }

    private static String fill(String text, RunStatus status) {
        if (Placeholders.find(text).stream().noneMatch(p -> p.kind() == Placeholders.Kind.RUN)) {
            return text;
        }
        return Placeholders.replace(text, p -> p.kind() != Placeholders.Kind.RUN ? "${" + p.source() + "}"
                : p.name().equals("outcome") ? RunFacts.outcome(status) : status.label());
    }
}
