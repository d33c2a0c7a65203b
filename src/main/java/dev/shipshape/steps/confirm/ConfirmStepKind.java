package dev.shipshape.steps.confirm;

import dev.shipshape.engine.StepResult;
import dev.shipshape.runbook.ConfirmStep;
import dev.shipshape.runbook.yaml.KindReader;
import dev.shipshape.runbook.yaml.Values;
import dev.shipshape.steps.kit.KindExecutor;
import dev.shipshape.steps.kit.StepKind;
import dev.shipshape.steps.kit.StepServices;
import java.util.ArrayList;
import java.util.List;

/** {@code confirm:} waits until a person confirms, at the terminal running it or with {@code shipshape confirm}. */
public final class ConfirmStepKind implements StepKind<ConfirmStep> {

    @Override
    public String key() {
        return "confirm";
    }

    @Override
    public Class<ConfirmStep> type() {
        return ConfirmStep.class;
    }

    @Override
    public KindReader reader(Values values) {
        return new ConfirmStepReader(values);
    }

    @Override
    public List<String> details(ConfirmStep step) {
        List<String> lines = new ArrayList<>();
        if (step.instructions() != null) {
            step.instructions().strip().lines().forEach(line -> lines.add("| " + line));
        }
        lines.add("waits until confirmed (at the terminal, or: shipshape confirm RUN_ID)");
        return lines;
    }

    @Override
    public KindExecutor<ConfirmStep> executor(StepServices services) {
        return services.confirmationsIfAny().<KindExecutor<ConfirmStep>>map(ledger -> {
            ConfirmStepExecutor confirm = new ConfirmStepExecutor(ledger, services.operator(), services.clock(),
                    services.approvalPoll());
            return (planned, step, context) -> confirm.execute(planned.id(), step, context);
        }).orElse((planned, step, context) -> StepResult.failure(null,
                "confirm steps need a store to record confirmations in", null, 0));
    }
}
