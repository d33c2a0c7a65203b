package dev.shipshape.cli;

import dev.shipshape.ShipshapeException;
import dev.shipshape.engine.RunRecord;
import dev.shipshape.engine.State;
import dev.shipshape.engine.StepRecord;
import dev.shipshape.gates.GateLedger;
import dev.shipshape.gates.approval.ApprovalRules;
import dev.shipshape.plan.PlannedStep;
import dev.shipshape.runbook.ApprovalStep;
import dev.shipshape.runbook.Runbook;
import dev.shipshape.runbook.Stage;
import dev.shipshape.runbook.Step;
import dev.shipshape.runbook.gates.Approvals;
import dev.shipshape.approvals.ApprovalDecision;
import dev.shipshape.approvals.Tally;
import dev.shipshape.store.Store;
import java.nio.file.Path;
import java.util.List;

/** Records an approval or rejection of the approval step a run is waiting at, after checking who may decide. */
final class ApprovalDesk {

    /**
     * A recorded decision, as {@code approve}/{@code reject --output json} print it.
     *
     * @param decision {@code approved} or {@code rejected}
     * @param by       who decided, as the runbook's people describe them
     * @param standing where the approval stands now, e.g. {@code 1 of 2 approvals}, or null
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record Decided(String runId, String stepId, String decision, String by, String comment, String standing) {

        String line() {
            return decision + " run " + runId + " at " + stepId + " as " + by
                    + (standing == null ? "" : " (" + standing + ")");
        }
    }

    private ApprovalDesk() {
    }

    /** Prints the decision as text or JSON; exit 0. */
    static int decide(Context context, Store store, String runId, boolean approving, String comment, boolean json) {
        Decided decided = decide(context, store, runId, approving, comment);
        context.out.println(json ? Json.write(decided) : decided.line());
        return ExitCode.SUCCEEDED;
    }

    private static Decided decide(Context context, Store store, String runId, boolean approving, String comment) {
        RunRecord run = ShowCommand.find(store.runs(), runId);
        if (run.status().isFinal()) {
            throw new ShipshapeException(ShipshapeException.Code.INVALID_INPUT, "run " + runId + " already ended: "
                    + run.status().label());
        }
        StepRecord step = store.runs().steps(runId).stream()
                .filter(s -> "approval".equals(s.kind()) && s.state() == State.RUNNING).findFirst()
                .orElseThrow(() -> new ShipshapeException(ShipshapeException.Code.INVALID_INPUT, "run " + runId
                        + " is not waiting for an approval (it is " + run.status().label() + ")"));
        Runbook rb = RunbookFiles.parse(context, Path.of(run.runbookPath()), run.runbookText());
        Approvals approvals = approvals(rb, run.environment(), step.stepId());
        GateLedger ledger = store.gates();
        List<ApprovalDecision> decisions = ledger.decisions(runId, step.stepId());
        var request = ledger.request(runId, step.stepId()).orElse(null);
        String person = context.user();
        ApprovalRules.refusal(person, approving, runId, run.startedBy(), approvals, rb.people(), decisions, request,
                context.clock.instant()).ifPresent(why -> {
                    throw new ShipshapeException(ShipshapeException.Code.FAILED, why + "; nothing was recorded");
                });
        ApprovalDecision decision = new ApprovalDecision(runId, step.stepId(), person, approving, comment,
                context.clock.instant());
        ledger.decide(decision);
        var all = new java.util.ArrayList<>(decisions);
        all.add(decision);
        String standing = request == null ? null : Tally.of(approvals.count(), request, all,
                context.clock.instant()).reason();
        return new Decided(runId, step.stepId(), approving ? "approved" : "rejected", rb.people().describe(person),
                comment, standing);
    }

    private static Approvals approvals(Runbook rb, String environment, String stepId) {
        if (stepId.equals(OverrideStage.STEP_ID)) {
            return OverrideStage.of(rb, environment).orElseThrow();
        }
        for (Stage stage : rb.stages()) {
            Approvals found = find(stage.name(), stage.steps(), dev.shipshape.plan.Phase.MAIN, stepId);
            found = found != null ? found : find(stage.name(), stage.rollback(), dev.shipshape.plan.Phase.ROLLBACK,
                    stepId);
            if (found != null) {
                return found;
            }
        }
        Approvals always = find("always", rb.always(), dev.shipshape.plan.Phase.ALWAYS, stepId);
        if (always == null) {
            throw new ShipshapeException(ShipshapeException.Code.FAILED, "step " + stepId + " is not an approval step"
                    + " of the run's runbook");
        }
        return always;
    }

    private static Approvals find(String stage, List<Step> steps, dev.shipshape.plan.Phase phase, String stepId) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) instanceof ApprovalStep a && PlannedStep.idOf(stage, phase, i + 1).equals(stepId)) {
                return a.approvals();
            }
        }
        return null;
    }
}
