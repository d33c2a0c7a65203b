package dev.shipshape.cli;

import dev.shipshape.app.RunDocument;
import dev.shipshape.app.RunMetrics;
import dev.shipshape.runbook.Masked;
import dev.shipshape.analysis.ProbeReport;
import dev.shipshape.analysis.VerificationLog;
import dev.shipshape.runbook.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What {@code show} adds about verification: each gate's result, each probe's figures, the run metrics. */
final class VerificationText {

    private VerificationText() {
    }

    static List<String> lines(RunDocument run) {
        List<VerificationLog.StoredResult> results = run.verification();
        List<ProbeReport> probes = run.probes();
        List<String> lines = new ArrayList<>();
        if (!results.isEmpty() || !probes.isEmpty()) {
            lines.add("");
            lines.add("verification:");
            results.forEach(r -> lines.add("  " + r.stepId() + "  " + r.kind() + "  " + r.outcome() + "  "
                    + Masked.of(r.reason())));
            probes.forEach(p -> lines.add("  probe " + p.stage() + "  " + (p.passed() ? "passed" : "failed") + "  "
                    + p.requests() + " requests, " + p.failures() + " failed, longest outage "
                    + Durations.format(Duration.ofMillis(p.longestOutageMillis()))));
        }
        lines.add("");
        lines.addAll(metrics(run.metrics()));
        return lines;
    }

    private static List<String> metrics(RunMetrics m) {
        List<String> lines = new ArrayList<>();
        lines.add("metrics:");
        lines.add("  total time: " + (m.totalMillis() == null ? "running" : Elapsed.format(m.totalMillis()))
                + stages(m));
        lines.add("  downtime seen by the probe: " + (m.downtimeMillis() == null ? "no probe"
                : Elapsed.format(m.downtimeMillis())));
        lines.add("  smoke success rate: " + (m.smokeSuccessRate() == null ? "no smoke tests"
                : Math.round(m.smokeSuccessRate() * 100) + "% (" + m.smokePassed() + "/" + m.smokeTotal() + ")"));
        lines.add("  rollback needed: " + (m.rollbackNeeded() ? "yes" : "no"));
        return lines;
    }

    private static String stages(RunMetrics m) {
        if (m.stageMillis().isEmpty()) {
            return "";
        }
        List<String> parts = m.stageMillis().entrySet().stream()
                .map(e -> e.getKey() + " " + Elapsed.format(e.getValue())).toList();
        return " (" + String.join(", ", parts) + ")";
    }
}
