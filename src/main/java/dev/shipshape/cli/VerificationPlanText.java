package dev.shipshape.cli;

import dev.shipshape.runbook.Masked;
import dev.shipshape.plan.PlannedStage;
import dev.shipshape.runbook.AnalysisStep;
import dev.shipshape.runbook.Durations;
import dev.shipshape.runbook.MetricCheck;
import dev.shipshape.runbook.RollbackRule;
import dev.shipshape.runbook.SmokeStep;
import dev.shipshape.runbook.StageProbe;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The plan lines of verification: smoke requests, analysed metrics with thresholds, a stage's probe. */
final class VerificationPlanText {

    private VerificationPlanText() {
    }

    static List<String> smoke(SmokeStep smoke, String indent) {
        List<String> lines = new ArrayList<>();
        for (SmokeStep.Flow flow : smoke.flows()) {
            lines.add(indent + "    flow " + flow.name());
            flow.requests().forEach(r -> lines.add(indent + "      " + r.method() + " " + Masked.of(r.url())
                    + (r.capture().isEmpty() ? "" : "  capture " + String.join(", ", r.capture().keySet()))));
        }
        return lines;
    }

    static List<String> analysis(AnalysisStep analysis, String indent) {
        List<String> lines = new ArrayList<>();
        for (MetricCheck m : analysis.metrics()) {
            List<String> limits = new ArrayList<>();
            if (m.warning() != null) {
                limits.add("warning " + m.warning().text());
            }
            if (m.critical() != null) {
                limits.add("critical " + m.critical().text());
            }
            lines.add(indent + "    metric " + m.name() + "  " + String.join(", ", limits)
                    + (m.query() != null ? "  query " + Masked.of(m.query()) : ""));
        }
        lines.add(indent + "    inconclusive: " + analysis.onInconclusive().name().toLowerCase(Locale.ROOT));
        for (RollbackRule rule : analysis.rules()) {
            boolean relevant = rule.when().equals("analysis inconclusive")
                    || analysis.metrics().stream().anyMatch(m -> rule.when().startsWith(m.name() + " "));
            if (relevant) {
                    lines.add(indent + "    rule " + rule.when() + " -> " + rule.action().name().toLowerCase(Locale.ROOT));
            }
        }
        return lines;
    }

    static List<String> monitor(dev.shipshape.runbook.MonitorStep monitor, String indent) {
        List<String> lines = new ArrayList<>();
        monitor.windows().forEach(w -> lines.add(indent + "    window " + w.name() + ": " + Durations.format(w.duration())
                + " every " + Durations.format(w.interval())));
        lines.addAll(analysis(monitor.analysis(), indent));
        if (monitor.signOff() != null) {
            lines.add(indent + "    sign off: " + monitor.signOff().describe());
        }
        return lines;
    }

    /** Stage notes for a stage that is not an application stage or has a probe. */
    static List<String> stageNotes(PlannedStage stage) {
        List<String> notes = new ArrayList<>();
        if (stage.tier() != dev.shipshape.runbook.Tier.APPLICATION) {
            notes.add("tier " + stage.tier().name().toLowerCase(Locale.ROOT));
        }
        StageProbe probe = stage.probe();
        if (probe != null) {
            notes.add("probe " + Masked.of(probe.url()) + " every " + Durations.format(probe.interval())
                    + (probe.maxFailures() != null ? ", max failures " + probe.maxFailures() : "")
                    + (probe.maxOutage() != null ? ", max outage " + Durations.format(probe.maxOutage()) : ""));
        }
        return notes;
    }
}
