package dev.shipshape.steps.smoke;

import dev.shipshape.runbook.Masked;
import dev.shipshape.runbook.SmokeStep;
import dev.shipshape.runbook.yaml.KindReader;
import dev.shipshape.runbook.yaml.Values;
import dev.shipshape.steps.http.HttpStepExecutor;
import dev.shipshape.steps.kit.KindExecutor;
import dev.shipshape.steps.kit.StepKind;
import dev.shipshape.steps.kit.StepServices;
import java.util.ArrayList;
import java.util.List;

/** {@code smoke:} named flows of requests, values captured from one answer and used in the next. */
public final class SmokeStepKind implements StepKind<SmokeStep> {

    @Override
    public String key() {
        return "smoke";
    }

    @Override
    public Class<SmokeStep> type() {
        return SmokeStep.class;
    }

    @Override
    public KindReader reader(Values values) {
        return new SmokeStepReader(values);
    }

    @Override
    public List<String> details(SmokeStep step) {
        List<String> lines = new ArrayList<>();
        for (SmokeStep.Flow flow : step.flows()) {
            lines.add("flow " + flow.name());
            flow.requests().forEach(r -> lines.add("  " + r.method() + " " + Masked.of(r.url())
                    + (r.capture().isEmpty() ? "" : "  capture " + String.join(", ", r.capture().keySet()))));
        }
        return lines;
    }

    @Override
    public KindExecutor<SmokeStep> executor(StepServices services) {
        SmokeStepExecutor smoke = new SmokeStepExecutor(new HttpStepExecutor(services.exchanges(),
                services.tailLimitBytes()), services.verification(), services.clock());
        return smoke::execute;
    }
}
