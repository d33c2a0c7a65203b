package dev.shipshape.steps.health;

import dev.shipshape.runbook.HealthStep;
import dev.shipshape.runbook.yaml.KindReader;
import dev.shipshape.runbook.yaml.Values;
import dev.shipshape.steps.kit.KindExecutor;
import dev.shipshape.steps.kit.StepKind;
import dev.shipshape.steps.kit.StepServices;

/** {@code health:} polls a health endpoint until it answers healthy enough times in a row. */
public final class HealthStepKind implements StepKind<HealthStep> {

    @Override
    public String key() {
        return "health";
    }

    @Override
    public Class<HealthStep> type() {
        return HealthStep.class;
    }

    @Override
    public KindReader reader(Values values) {
        return new HealthStepReader(values);
    }

    @Override
    public KindExecutor<HealthStep> executor(StepServices services) {
        HealthStepExecutor health = new HealthStepExecutor(services.exchanges(), services.verification(),
                services.clock());
        return health::execute;
    }
}
