package dev.shipshape.cli;

import dev.shipshape.engine.RunStore;
import dev.shipshape.store.Store;
import dev.shipshape.plan.Plan;
import dev.shipshape.plan.Planner;
import dev.shipshape.runbook.Runbook;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Shows what a deployment would run, in order, with values resolved and secrets masked. Runs nothing. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Dry run: the ordered steps with resolved values (secrets masked) and each stage's rollback.")
final class PlanCommand implements Callable<Integer> {

    private final Context context;
    @Mixin
    Options.RunbookFile runbook;
    @Mixin
    Options.StoreOption store;
    @Option(names = "--env", required = true, description = "Environment to plan for")
    String environment;
    @Option(names = "--version", required = true, description = "Version to deploy")
    String version;

    PlanCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Runbook rb = RunbookFiles.read(context, runbook).runbook();
        Plan plan = new Planner(context.env).deploy(rb, environment, version, previousVersion(rb));
        PlanText.lines(plan).forEach(context.out::println);
        return ExitCode.SUCCEEDED;
    }

    /** Reads the store only if one exists: planning never creates anything. */
    private String previousVersion(Runbook rb) {
        if (!context.storeExists(store.url)) {
            return null;
        }
        try (Store opened = context.openStore(store.url)) {
            RunStore runs = opened.runs();
            return runs.lastSucceededVersion(rb.service(), environment).orElse(null);
        }
    }
}
