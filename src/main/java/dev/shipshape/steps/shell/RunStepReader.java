package dev.shipshape.steps.shell;

import dev.shipshape.runbook.yaml.*;

import dev.shipshape.runbook.RunStep;
import dev.shipshape.runbook.Step;
import dev.shipshape.runbook.StepOptions;
import java.util.List;
import java.util.Optional;

/** Reads a {@code run:} step: the command, its environment, working directory and accepted exit codes. */
final class RunStepReader implements KindReader {

    private final Values values;

    RunStepReader(Values values) {
        this.values = values;
    }

    @Override
    public String kind() {
        return "run";
    }

    @Override
    public List<String> keys() {
        return List.of("env", "workdir", "exit_codes");
    }

    @Override
    public Optional<Step> read(Fields f, StepOptions options) {
        Optional<String> command = f.required("run").flatMap(n -> values.string(n, f.path("run")));
        String workdir = f.string("workdir").orElse(null);
        List<Integer> exitCodes = f.optional("exit_codes")
                .map(n -> values.integers(n, f.path("exit_codes"))).orElse(List.of());
        return command.map(c -> new RunStep(c, f.textMap("env"), workdir, exitCodes, options));
    }
}
