package dev.shipshape.cli;

import dev.shipshape.app.Deployments;
import dev.shipshape.app.Plans;
import dev.shipshape.engine.RunOutcome;
import dev.shipshape.plan.Plan;
import dev.shipshape.store.Store;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Runs one of the runbook's named procedures as a run of its own; what is live stays as it is. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a named procedure of the runbook (see: shipshape procedures) in an environment, as a run"
                + " of its own: locked, recorded, resumable. It changes no live version.",
                "Exit: 0 succeeded, 1 failed, 2 invalid input."})
final class RunCommand implements Callable<Integer> {

    private final Context context;
    @Parameters(index = "0", paramLabel = "PROCEDURE", description = "The procedure to run")
    String procedure;
    @Parameters(index = "1", arity = "0..1", paramLabel = "RUNBOOK", description = "Runbook file (default: shipshape.yaml)")
    java.nio.file.Path file;
    @Mixin
    Options.StoreOption store;
    @Mixin
    Options.OutputOption output;
    @Option(names = "--env", required = true, description = "Environment to run it in")
    String environment;
    @Option(names = "--reason", description = "Why it is run, e.g. the incident (recorded on the run)")
    String reason;
    @Mixin
    Options.SecretsOption secretsOption;
    @Mixin
    Options.ConfirmSqlOption confirmSql;

    RunCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Options.RunbookFile runbook = new Options.RunbookFile();
        runbook.file = file;
        RunbookFiles.Loaded loaded = RunbookFiles.read(context, runbook);
        Plan plan = context.app.plans(context.app.store(store.url)).procedure(new Plans.ProcedureRequest(
                loaded.runbook(), environment, procedure));
        confirmSql.check(context, plan, loaded.path());
        try (Store opened = context.openStore(store.url)) {
            RunOutcome outcome = context.app.deployments(opened).runProcedure(new Deployments.ProcedureRequest(plan,
                    RunbookFiles.of(loaded), reason, secretsOption.file, context.actor(),
                    new TerminalWatch(context, output.json()), confirmSql.confirmed)).outcome();
            return Outcomes.report(context, opened, outcome, output.json());
        }
    }
}
