package dev.shipshape.cli;

import dev.shipshape.app.Plans;
import dev.shipshape.app.RunbookSummary;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Checks a runbook and reports every problem; touches nothing. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a runbook and list every problem (file:line:column). Exit 2 when invalid.")
final class ValidateCommand implements Callable<Integer> {

    private final Context context;
    @Mixin
    Options.RunbookFile runbook;
    @Mixin
    Options.OutputOption output;

    ValidateCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Plans.Validation validation = context.app.plans(context.app.store(null)).validate(runbook.resolve(context));
        if (!output.json()) {
            if (!validation.valid()) {
                throw validation.invalid();
            }
            RunbookSummary rb = RunbookSummary.of(validation.runbook());
            context.out.println(validation.file() + " is valid: service "
                    + rb.service() + ", " + count(rb.environments(), "environment") + ", "
                    + count(rb.stages(), "stage") + ", " + count(rb.steps(), "step")
                    + (rb.procedures() == 0 ? "" : ", " + count(rb.procedures(), "procedure")));
            return ExitCode.SUCCEEDED;
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("file", validation.file());
        report.put("valid", validation.valid());
        report.put("problems", validation.valid() ? java.util.List.of() : validation.invalid().problems());
        context.out.println(Json.write(report));
        return validation.valid() ? ExitCode.SUCCEEDED : ExitCode.USAGE;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
