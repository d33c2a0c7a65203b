package dev.shipshape.cli;

import dev.shipshape.runbook.Masked;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shipshape.analysis.ProbeReport;
import dev.shipshape.analysis.VerificationLog;
import dev.shipshape.engine.RunRecord;
import dev.shipshape.engine.RunStore;
import dev.shipshape.runbook.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What {@code show} adds about verification: each gate's result, each probe's figures, the run metrics. */
final class VerificationText {

    private VerificationText() {
    }

    static List<String> lines(RunStore runs, VerificationLog log, RunRecord run) {
        List<VerificationLog.StoredResult> results = log.results(run.runId());
        List<ProbeReport> probes = log.probes(run.runId());
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
        lines.addAll(RunMetrics.of(run, runs.stages(run.runId()), results, probes).lines());
        return lines;
    }

    /** The run's JSON with {@code metrics}, {@code verification} and {@code probes} added. */
    static ObjectNode json(RunStore runs, VerificationLog log, RunRecord run) {
        ObjectNode node = Json.MAPPER.valueToTree(RunView.full(runs, run));
        List<VerificationLog.StoredResult> results = log.results(run.runId());
        List<ProbeReport> probes = log.probes(run.runId());
        node.set("metrics", Json.MAPPER.valueToTree(RunMetrics.of(run, runs.stages(run.runId()), results, probes)));
        node.set("verification", Json.MAPPER.valueToTree(results));
        node.set("probes", Json.MAPPER.valueToTree(probes));
        return node;
    }
}
