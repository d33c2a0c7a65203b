package dev.shipshape.cli;

import dev.shipshape.gates.GateDecision;
import dev.shipshape.gates.GateReport;
import dev.shipshape.gates.GateResult;
import dev.shipshape.gates.checklist.ItemResult;
import java.util.ArrayList;
import java.util.List;

/** Gate decisions and checklist tables as text for people. */
final class GateText {

    private GateText() {
    }

    static List<String> report(GateReport report) {
        List<String> lines = new ArrayList<>();
        for (GateResult r : report.results()) {
            lines.add(String.format("  %-8s %-10s %s", "[" + r.verdict().label() + "]", r.gate(), r.reason()));
        }
        return lines;
    }

    /** The refusal's detail lines, each gate that blocks with its reason. */
    static List<String> refusal(GateReport report) {
        return report.blocking().stream().map(r -> "  " + r.gate() + ": " + r.reason()).toList();
    }

    static List<String> table(List<ItemResult> items) {
        int width = Math.max(4, items.stream().mapToInt(i -> i.item().length()).max().orElse(4));
        List<String> lines = new ArrayList<>();
        lines.add(String.format("  %-6s %-" + width + "s  %-8s %s", "result", "item", "kind", "details"));
        for (ItemResult i : items) {
            lines.add(String.format("  %-6s %-" + width + "s  %-8s %s", i.passed() ? "pass" : "FAIL", i.item(),
                    i.kind(), i.reason()));
        }
        return lines;
    }

    static List<String> decisions(List<GateDecision> decisions) {
        List<String> lines = new ArrayList<>();
        if (decisions.isEmpty()) {
            return lines;
        }
        lines.add("  gates:");
        for (GateDecision d : decisions) {
            lines.add("    " + d.gate() + " " + d.verdict() + " — " + d.reason() + " (by " + d.decidedBy() + ")");
        }
        return lines;
    }
}
