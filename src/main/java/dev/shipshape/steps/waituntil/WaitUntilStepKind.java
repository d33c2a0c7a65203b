package dev.shipshape.steps.waituntil;

import dev.shipshape.runbook.WaitUntilStep;
import dev.shipshape.runbook.yaml.KindReader;
import dev.shipshape.runbook.yaml.Values;
import dev.shipshape.steps.kit.KindExecutor;
import dev.shipshape.steps.kit.StepKind;
import dev.shipshape.steps.kit.StepServices;
import java.util.List;

/** {@code wait_until:} polls a command, a request or a query until it holds, or fails with the last result. */
public final class WaitUntilStepKind implements StepKind<WaitUntilStep> {

    @Override
    public String key() {
        return "wait_until";
    }

    @Override
    public Class<WaitUntilStep> type() {
        return WaitUntilStep.class;
    }

    @Override
    public KindReader reader(Values values) {
        return new WaitUntilStepReader(values);
    }

    @Override
    public List<String> details(WaitUntilStep step) {
        return step.condition() instanceof WaitUntilStep.Query && step.target() != null
                ? List.of("database " + dev.shipshape.runbook.Masked.of(step.target().settings().url()))
                : List.of();
    }

    @Override
    public KindExecutor<WaitUntilStep> executor(StepServices services) {
        return new WaitUntilStepExecutor(services)::execute;
    }
}
