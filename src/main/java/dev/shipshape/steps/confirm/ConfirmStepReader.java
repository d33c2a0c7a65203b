package dev.shipshape.steps.confirm;

import dev.shipshape.runbook.ConfirmStep;
import dev.shipshape.runbook.Step;
import dev.shipshape.runbook.StepOptions;
import dev.shipshape.runbook.yaml.Fields;
import dev.shipshape.runbook.yaml.KindReader;
import dev.shipshape.runbook.yaml.Values;
import java.util.List;
import java.util.Optional;

/** Reads {@code confirm: "Check Sentry for new errors"} with an optional {@code instructions:} text. */
final class ConfirmStepReader implements KindReader {

    private final Values values;

    ConfirmStepReader(Values values) {
        this.values = values;
    }

    @Override
    public String kind() {
        return "confirm";
    }

    @Override
    public List<String> keys() {
        return List.of("instructions");
    }

    @Override
    public Optional<Step> read(Fields f, StepOptions options) {
        Optional<String> question = f.required("confirm").flatMap(n -> values.string(n, f.path("confirm")))
                .filter(q -> {
                    if (q.isBlank()) {
                        values.problems().add(f.node("confirm").orElseThrow(), f.path("confirm"),
                                "a confirm step needs the question a person confirms, e.g. 'Check Sentry for new"
                                        + " errors'");
                        return false;
                    }
                    return true;
                });
        String instructions = f.string("instructions").orElse(null);
        return question.map(q -> new ConfirmStep(q, instructions, options));
    }
}
