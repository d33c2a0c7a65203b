package dev.shipshape.plan;

import dev.shipshape.runbook.Placeholders;
import dev.shipshape.runbook.Step;
import dev.shipshape.runbook.condition.Condition;

/**
 * A step with its place in the run and its variables resolved. Secret references stay as
 * {@code ${secret:NAME}} until the executor reveals them, so a plan can be printed and stored.
 *
 * @param id    stable address within the run: {@code deploy/1}, {@code deploy/rollback/1}, {@code always/1}
 * @param stage the stage it belongs to ({@code always} for always-steps)
 * @param index 1-based position within its stage and phase
 * @param skip  why the step does not run in this run (e.g. it runs only in production), or null when it may run
 * @param when  the condition the run decides when it reaches the step (the plan's values filled in), or null
 */
public record PlannedStep(String id, String stage, Phase phase, int index, Step step, String skip, Condition when) {

    /** A step that runs. */
    public PlannedStep(String id, String stage, Phase phase, int index, Step step) {
        this(id, stage, phase, index, step, null, null);
    }

    /** Whether the plan already knows the step does not run. */
    public boolean skipped() {
        return skip != null;
    }

    public static String idOf(String stage, Phase phase, int index) {
        return switch (phase) {
            case MAIN -> stage + "/" + index;
            case ROLLBACK -> stage + "/rollback/" + index;
            case ALWAYS -> "always/" + index;
        };
    }

    /** Whether {@code ${previous_version}} is still unresolved here: no earlier version is live to name. */
    public boolean needsPreviousVersion() {
        boolean[] found = {false};
        step.mapStrings(text -> {
            found[0] |= Placeholders.find(text).stream().anyMatch(p -> p.kind() == Placeholders.Kind.PREVIOUS_VERSION);
            return text;
        });
        return found[0];
    }
}
