package dev.shipshape.app;

import dev.shipshape.plan.Phase;
import dev.shipshape.plan.Plan;
import dev.shipshape.plan.PlannedStage;
import dev.shipshape.plan.PlannedStep;
import dev.shipshape.runbook.ApprovalStep;
import dev.shipshape.runbook.OnFailure;
import dev.shipshape.runbook.Runbook;
import dev.shipshape.runbook.StepOptions;
import dev.shipshape.runbook.gates.Approvals;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An emergency override of a window that needs approval runs as a first stage with one approval
 * step, so it waits, survives restarts and is approved like any other approval step.
 */
final class OverrideStage {

    static final String NAME = "window-override";
    static final String STEP_ID = NAME + "/1";

    private OverrideStage() {
    }

    static Plan add(Plan plan, Approvals approvals) {
        if (approvals.count() == 0) {
            return plan;
        }
        ApprovalStep step = new ApprovalStep(approvals, new StepOptions("approve the window override", null, 0,
                StepOptions.DEFAULT_BACKOFF, true));
        PlannedStage stage = new PlannedStage(NAME, List.of(), OnFailure.STOP, null,
                List.of(new PlannedStep(STEP_ID, NAME, Phase.MAIN, 1, step)), List.of());
        List<PlannedStage> stages = new ArrayList<>();
        stages.add(stage);
        stages.addAll(plan.stages());
        return new Plan(plan.service(), plan.environment(), plan.version(), plan.previousVersion(), plan.procedure(),
                stages, plan.always(), plan.workdir(), plan.onInterrupted());
    }

    /** The override's approval settings for a run that has the stage (resume and approve rebuild it). */
    static Optional<Approvals> of(Runbook runbook, String environment) {
        return runbook.environment(environment).flatMap(e -> e.gates().windowsIfAny()).map(w -> w.override());
    }
}
