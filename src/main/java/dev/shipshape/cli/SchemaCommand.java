package dev.shipshape.cli;

import dev.shipshape.steps.StepKinds;
import dev.shipshape.runbook.yaml.RunbookSchema;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Prints the runbook JSON Schema, for editors. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Print the JSON Schema of runbook files (for editor completion and checks).")
final class SchemaCommand implements Callable<Integer> {

    private final Context context;

    SchemaCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        context.out.println(RunbookSchema.text(StepKinds.all()));
        return ExitCode.SUCCEEDED;
    }
}
