package dev.shipshape.app;

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
import java.time.Instant;
import java.util.List;

/** Records an approval or rejection of the approval step a run is waiting at, after checking who may decide. */
public final class ApprovalDesk {

    /**
     * @param approving true to approve, false to reject
     * @param comment   recorded with the decision; a rejection's is the run's failure reason
     */
    public record DecisionRequest(String runId, boolean approving, String comment, Actor actor) {
    }

    /**
     * A recorded decision.
     *
     * @param decision {@code approved} or {@code rejected}
     * @param by       who decided, as the runbook's people describe them
     * @param standing where the approval stands now, e.g. {@code 1 of 2 approvals}, or null
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Decided(String runId, String stepId, String decision, String by, String comment, String standing) {
    }

    private final Shipshape app;
    private final Store store;

    ApprovalDesk(Shipshape app, Store store) {
        this.app = app;
        this.store = store;
    }

    /**
     * @throws ShipshapeException INVALID_INPUT when the run ended or waits for no approval, FAILED when the actor
     *                            may not decide (nothing is recorded then)
     */
    public Decided decide(DecisionRequest request) {
        String runId = request.runId();
        boolean approving = request.approving();
        RunRecord run = Runs.find(store.runs(), runId);
        if (run.status().isFinal()) {
            throw new ShipshapeException(ShipshapeException.Code.INVALID_INPUT, "run " + runId + " already ended: "
                    + run.status().label());
        }
        StepRecord step = store.runs().steps(runId).stream()
                .filter(s -> "approval".equals(s.kind()) && s.state() == State.RUNNING).findFirst()
                .orElseThrow(() -> new ShipshapeException(ShipshapeException.Code.INVALID_INPUT, "run " + runId
                        + " is not waiting for an approval (it is " + run.status().label() + ")"));
        Runbook rb = app.runbooks().parse(Path.of(run.runbookPath()), run.runbookText());
        Approvals approvals = approvals(rb, run.environment(), step.stepId());
        GateLedger ledger = store.gates();
        List<ApprovalDecision> decisions = ledger.decisions(runId, step.stepId());
        var pending = ledger.request(runId, step.stepId()).orElse(null);
        String person = request.actor().name();
        Instant now = app.settings().clock().instant();
        ApprovalRules.refusal(person, approving, runId, run.startedBy(), approvals, rb.people(), decisions, pending,
                now).ifPresent(why -> {
                    throw new ShipshapeException(ShipshapeException.Code.FAILED, why + "; nothing was recorded");
                });
        ApprovalDecision decision = new ApprovalDecision(runId, step.stepId(), person, approving, request.comment(),
                now);
        ledger.decide(decision);
        var all = new java.util.ArrayList<>(decisions);
        all.add(decision);
        String standing = pending == null ? null : Tally.of(approvals.count(), pending, all, now).reason();
        return new Decided(runId, step.stepId(), approving ? "approved" : "rejected", rb.people().describe(person),
                request.comment(), standing);
    }

    private static Approvals approvals(Runbook general, String environment, String stepId) {
        Runbook rb = general.forEnvironment(environment);
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
