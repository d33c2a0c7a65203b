package dev.shipshape.steps.approval;

import dev.shipshape.runbook.yaml.*;

import dev.shipshape.runbook.ApprovalStep;
import dev.shipshape.runbook.Step;
import dev.shipshape.runbook.StepOptions;
import java.util.List;
import java.util.Optional;

/** Reads an {@code approval:} step: {@code - approval: {count: 2, roles: [lead, sre], expires: 4h}}. */
final class ApprovalStepReader implements KindReader {

    private final ApprovalsReader approvals;
    private final Values values;

    ApprovalStepReader(Values values) {
        this.values = values;
        this.approvals = new ApprovalsReader(values);
    }

    @Override
    public String kind() {
        return "approval";
    }

    @Override
    public List<String> keys() {
        return List.of();
    }

    @Override
    public Optional<Step> read(Fields f, StepOptions options) {
        Node node = f.node("approval").orElseThrow();
        if (node instanceof Node.Scalar s && s.isNull()) {
            return Optional.of(new ApprovalStep(new dev.shipshape.runbook.gates.Approvals(1, List.of(), null), options));
        }
        Optional<Step> step = approvals.read(node, f.path("approval")).map(a -> new ApprovalStep(a, options));
        step.filter(s -> ((ApprovalStep) s).approvals().count() == 0).ifPresent(s -> values.problems().add(node,
                f.path("approval"), "an approval step needs a count of at least 1", null));
        return step;
    }
}
