package dev.shipshape.cli;

import dev.shipshape.ShipshapeException;
import dev.shipshape.app.GatesRefused;
import dev.shipshape.app.PlanDocument;
import dev.shipshape.gates.GateReport;
import java.util.ArrayList;
import java.util.List;

/** A deployment the gates refused: nothing was started; exit 5 with every blocking gate's reason. */
final class RefusedByGates extends ShipshapeException {

    private final transient GateReport report;
    private final List<String> lines;

    RefusedByGates(GatesRefused refused) {
        super(Code.BLOCKED, refused.getMessage());
        this.report = refused.report();
        this.lines = List.copyOf(lines(refused));
    }

    /** What follows the message in text: the reasons, and how to override in an emergency. */
    private static List<String> lines(GatesRefused refused) {
        List<String> lines = new ArrayList<>(GateText.refusal(refused.report()));
        if (refused.windowBlocked()) {
            lines.add("  in an emergency: shipshape deploy --env " + refused.environment() + " --version "
                    + refused.version() + " --override-window --reason \"...\"");
        }
        return lines;
    }

    List<String> lines() {
        return lines;
    }

    /** Every gate's result, as {@code plan --output json} shows them. */
    List<PlanDocument.GateView> gates() {
        return report.results().stream().map(PlanDocument::gate).toList();
    }
}
