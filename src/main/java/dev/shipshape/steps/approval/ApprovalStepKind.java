package dev.shipshape.steps.approval;

import dev.shipshape.engine.StepResult;
import dev.shipshape.runbook.ApprovalStep;
import dev.shipshape.runbook.yaml.KindReader;
import dev.shipshape.runbook.yaml.Values;
import dev.shipshape.steps.kit.KindExecutor;
import dev.shipshape.steps.kit.StepKind;
import dev.shipshape.steps.kit.StepServices;
import java.util.List;

/** {@code approval:} waits until enough people approved (or someone rejected) from another terminal. */
public final class ApprovalStepKind implements StepKind<ApprovalStep> {

    @Override
    public String key() {
        return "approval";
    }

    @Override
    public Class<ApprovalStep> type() {
        return ApprovalStep.class;
    }

    @Override
    public KindReader reader(Values values) {
        return new ApprovalStepReader(values);
    }

    @Override
    public List<String> details(ApprovalStep step) {
        return List.of("waits until approved (shipshape approve RUN_ID)");
    }

    @Override
    public KindExecutor<ApprovalStep> executor(StepServices services) {
        return services.approvalsIfAny().<KindExecutor<ApprovalStep>>map(ledger -> {
            ApprovalStepExecutor approval = new ApprovalStepExecutor(ledger, services.clock(), services.approvalPoll());
            return (planned, step, context) -> approval.execute(planned.id(), step, context);
        }).orElse((planned, step, context) -> StepResult.failure(null,
                "approval steps need a store to record approvals in", null, 0));
    }
}
