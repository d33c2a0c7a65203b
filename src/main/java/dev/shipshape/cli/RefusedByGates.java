package dev.shipshape.cli;

import dev.shipshape.ShipshapeException;
import dev.shipshape.gates.GateReport;
import dev.shipshape.gates.GateResult;
import java.util.List;

/** A deployment the gates refused: nothing was started; exit 5 with every blocking gate's reason. */
final class RefusedByGates extends ShipshapeException {

    private final transient GateReport report;
    private final List<String> lines;

    /** @param lines what follows the message in text: the reasons, and how to override in an emergency */
    RefusedByGates(GateReport report, List<String> lines) {
        super(Code.BLOCKED, "refused by the " + String.join(" and ", report.blocking().stream()
                .map(GateResult::gate).toList()) + " gate" + (report.blocking().size() > 1 ? "s" : "")
                + "; nothing was started");
        this.report = report;
        this.lines = List.copyOf(lines);
    }

    List<String> lines() {
        return lines;
    }

    /** Every gate's result, as {@code plan --output json} shows them. */
    List<PlanView.GateView> gates() {
        return report.results().stream().map(PlanView::gate).toList();
    }
}
