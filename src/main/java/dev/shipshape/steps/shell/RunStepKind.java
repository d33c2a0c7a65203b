package dev.shipshape.steps.shell;

import dev.shipshape.runbook.Masked;
import dev.shipshape.runbook.RunStep;
import dev.shipshape.runbook.yaml.KindReader;
import dev.shipshape.runbook.yaml.Values;
import dev.shipshape.steps.kit.KindExecutor;
import dev.shipshape.steps.kit.StepKind;
import dev.shipshape.steps.kit.StepServices;
import java.util.List;

/** {@code run:} a shell command, run with bash in the runbook's folder. */
public final class RunStepKind implements StepKind<RunStep> {

    @Override
    public String key() {
        return "run";
    }

    @Override
    public Class<RunStep> type() {
        return RunStep.class;
    }

    @Override
    public KindReader reader(Values values) {
        return new RunStepReader(values);
    }

    @Override
    public List<String> details(RunStep step) {
        return step.env().entrySet().stream().map(e -> "env " + e.getKey() + "=" + Masked.of(e.getValue())).toList();
    }

    @Override
    public KindExecutor<RunStep> executor(StepServices services) {
        ShellStepExecutor shell = new ShellStepExecutor(services.processes(), services.tailLimitBytes());
        return (planned, step, context) -> shell.execute(planned.id(), step, context);
    }
}
