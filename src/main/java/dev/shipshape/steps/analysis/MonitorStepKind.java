package dev.shipshape.steps.analysis;

import dev.shipshape.runbook.Durations;
import dev.shipshape.runbook.MonitorStep;
import dev.shipshape.runbook.yaml.KindReader;
import dev.shipshape.runbook.yaml.Values;
import dev.shipshape.steps.kit.KindExecutor;
import dev.shipshape.steps.kit.StepKind;
import dev.shipshape.steps.kit.StepServices;
import java.util.ArrayList;
import java.util.List;

/** {@code monitor:} analysis over windows of increasing length, optionally ended early by a sign-off. */
public final class MonitorStepKind implements StepKind<MonitorStep> {

    @Override
    public String key() {
        return "monitor";
    }

    @Override
    public Class<MonitorStep> type() {
        return MonitorStep.class;
    }

    @Override
    public KindReader reader(Values values) {
        return new MonitorStepReader(values);
    }

    @Override
    public List<String> details(MonitorStep monitor) {
        List<String> lines = new ArrayList<>();
        monitor.windows().forEach(w -> lines.add("window " + w.name() + ": " + Durations.format(w.duration())
                + " every " + Durations.format(w.interval())));
        lines.addAll(new AnalysisStepKind().details(monitor.analysis()));
        if (monitor.signOff() != null) {
            lines.add("sign off: " + monitor.signOff().describe());
        }
        return lines;
    }

    @Override
    public KindExecutor<MonitorStep> executor(StepServices services) {
        MonitorStepExecutor monitor = new MonitorStepExecutor(AnalysisStepKind.analysis(services),
                services.verification(), services.clock());
        return monitor::execute;
    }
}
