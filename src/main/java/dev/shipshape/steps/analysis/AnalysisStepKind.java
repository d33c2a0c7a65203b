package dev.shipshape.steps.analysis;

import dev.shipshape.runbook.AnalysisStep;
import dev.shipshape.runbook.Masked;
import dev.shipshape.runbook.MetricCheck;
import dev.shipshape.runbook.RollbackRule;
import dev.shipshape.runbook.yaml.KindReader;
import dev.shipshape.runbook.yaml.Values;
import dev.shipshape.steps.kit.KindExecutor;
import dev.shipshape.steps.kit.StepKind;
import dev.shipshape.steps.kit.StepServices;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code analysis:} metrics sampled for a while and judged against warning and critical thresholds. */
public final class AnalysisStepKind implements StepKind<AnalysisStep> {

    @Override
    public String key() {
        return "analysis";
    }

    @Override
    public Class<AnalysisStep> type() {
        return AnalysisStep.class;
    }

    @Override
    public KindReader reader(Values values) {
        return new AnalysisStepReader(values);
    }

    /** The metrics with their thresholds, what an inconclusive answer does, and the rules that apply. */
    @Override
    public List<String> details(AnalysisStep analysis) {
        List<String> lines = new ArrayList<>();
        for (MetricCheck m : analysis.metrics()) {
            List<String> limits = new ArrayList<>();
            if (m.warning() != null) {
                limits.add("warning " + m.warning().text());
            }
            if (m.critical() != null) {
                limits.add("critical " + m.critical().text());
            }
            lines.add("metric " + m.name() + "  " + String.join(", ", limits)
                    + (m.query() != null ? "  query " + Masked.of(m.query()) : ""));
        }
        lines.add("inconclusive: " + analysis.onInconclusive().name().toLowerCase(Locale.ROOT));
        for (RollbackRule rule : analysis.rules()) {
            boolean relevant = rule.when().equals("analysis inconclusive")
                    || analysis.metrics().stream().anyMatch(m -> rule.when().startsWith(m.name() + " "));
            if (relevant) {
                lines.add("rule " + rule.when() + " -> " + rule.action().name().toLowerCase(Locale.ROOT));
            }
        }
        return lines;
    }

    @Override
    public KindExecutor<AnalysisStep> executor(StepServices services) {
        return analysis(services)::execute;
    }

    static AnalysisStepExecutor analysis(StepServices services) {
        return new AnalysisStepExecutor(services.exchanges(), services.verification(), services.clock());
    }
}
