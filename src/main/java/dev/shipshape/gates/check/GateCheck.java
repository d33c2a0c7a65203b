package dev.shipshape.gates.check;

import dev.shipshape.gates.GateReport;
import dev.shipshape.gates.GateResult;
import dev.shipshape.gates.SignOff;
import dev.shipshape.gates.checklist.ChecklistGate;
import dev.shipshape.gates.checklist.ChecklistRunner;
import dev.shipshape.gates.checklist.ItemResult;
import dev.shipshape.gates.promotion.PromotionGate;
import dev.shipshape.gates.promotion.SoakEvidence;
import dev.shipshape.gates.windows.WindowGate;
import dev.shipshape.runbook.Runbook;
import dev.shipshape.runbook.gates.Gates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Evaluates an environment's gates for one deployment at one instant: windows, promotion, then
 * the checklist (only when a runner is given: {@code plan} runs nothing).
 */
public final class GateCheck {

    /** The report, and the checklist's items when they were run. */
    public record Outcome(GateReport report, List<ItemResult> items) {
    }

    private final SoakEvidence evidence;
    private final ChecklistRunner checklist;

    /** @param checklist runs checklist items; null to leave the checklist out */
    public GateCheck(SoakEvidence evidence, ChecklistRunner checklist) {
        this.evidence = evidence;
        this.checklist = checklist;
    }

    /**
     * @param resolve  resolves references in checklist items
     * @param signOffs sign-offs recorded for this version in this environment
     * @param signHint how to sign an item off, {@code ITEM} standing for its name
     */
    public Outcome evaluate(Runbook runbook, String environment, String version, Instant now,
                            UnaryOperator<String> resolve, List<SignOff> signOffs, String signHint) {
        Gates gates = runbook.environment(environment).map(e -> e.gates()).orElse(Gates.none());
        List<GateResult> results = new ArrayList<>();
        gates.windowsIfAny().ifPresent(w -> results.add(WindowGate.decide(w, now)));
        gates.promotionIfAny().ifPresent(p -> results.add(PromotionGate.decide(p, runbook.service(), version,
                evidence, now)));
        List<ItemResult> items = List.of();
        if (checklist != null && gates.checklist() != null) {
            items = checklist.run(gates.checklist(), resolve, signOffs, signHint);
            results.add(ChecklistGate.decide(gates.checklist(), items));
        }
        return new Outcome(new GateReport(results), items);
    }
}
