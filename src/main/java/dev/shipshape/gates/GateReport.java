package dev.shipshape.gates;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The decisions of every gate of an environment at one moment. */
public record GateReport(List<GateResult> results) {

    public GateReport {
        results = List.copyOf(results);
    }

    /** The strictest verdict: any block blocks, else any wait waits, else pass. */
    public Verdict verdict() {
        if (results.stream().anyMatch(GateResult::blocks)) {
            return Verdict.BLOCK;
        }
        return results.stream().anyMatch(r -> r.verdict() == Verdict.WAIT) ? Verdict.WAIT : Verdict.PASS;
    }

    public List<GateResult> blocking() {
        return results.stream().filter(GateResult::blocks).toList();
    }

    public Optional<GateResult> gate(String name) {
        return results.stream().filter(r -> r.gate().equals(name)).findFirst();
    }

    /** The same report with one gate's result replaced (an override, a window reached after waiting). */
    public GateReport with(GateResult replacement) {
        List<GateResult> next = new ArrayList<>();
        results.forEach(r -> next.add(r.gate().equals(replacement.gate()) ? replacement : r));
        return new GateReport(next);
    }
}
