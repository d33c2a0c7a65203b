package dev.shipshape.gates.checklist;

import dev.shipshape.gates.GateResult;
import dev.shipshape.gates.Verdict;
import dev.shipshape.runbook.gates.Checklist;
import java.util.List;

/**
 * Turns item results into the checklist gate's verdict: in strict mode any failed item refuses the run. The verdict
 * names the failed items; why each failed is said once, in the checklist's table printed beside it, and kept in the
 * record of the decision.
 */
public final class ChecklistGate {

    public static final String NAME = "checklist";

    private ChecklistGate() {
    }

    public static GateResult decide(Checklist checklist, List<ItemResult> results) {
        List<ItemResult> failed = results.stream().filter(r -> !r.passed()).toList();
        if (failed.isEmpty()) {
            return GateResult.pass(NAME, "all " + results.size() + " items passed");
        }
        String list = String.join(", ", failed.stream().map(ItemResult::item).toList());
        String why = String.join("; ", failed.stream().map(r -> r.item() + ": " + r.reason()).toList());
        String summary = failed.size() + " of " + results.size() + " items failed";
        if (checklist.strict()) {
            return new GateResult(NAME, Verdict.BLOCK, summary + " (strict): " + list, null, why);
        }
        return new GateResult(NAME, Verdict.PASS, "warnings only, as the checklist is not strict: " + summary + ": "
                + list, null, why);
    }
}
