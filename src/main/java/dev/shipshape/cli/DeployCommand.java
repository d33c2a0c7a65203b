package dev.shipshape.cli;

import dev.shipshape.ShipshapeException;
import dev.shipshape.engine.LiveVersion;
import dev.shipshape.engine.RunListener;
import dev.shipshape.engine.RunOutcome;
import dev.shipshape.engine.RunRequest;
import dev.shipshape.engine.RunStore;
import dev.shipshape.store.Store;
import dev.shipshape.engine.Secrets;
import dev.shipshape.plan.Plan;
import dev.shipshape.plan.Planner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Deploys a version to an environment by running the runbook's stages. */
@Command(name = "deploy",
        description = {"Run the runbook's stages for a version in an environment; roll back on failure.",
                "Exit: 0 succeeded, 1 failed, 2 invalid input, 3 failed and rolled back, 4 rollback failed,"
                        + " 5 refused by a gate."})
final class DeployCommand implements Callable<Integer> {

    private final Context context;
    @Mixin
    Options.HelpOption help;
    @Mixin
    Options.RunbookFile runbook;
    @Mixin
    Options.StoreOption store;
    @Mixin
    Options.OutputOption output;
    @Option(names = "--env", required = true, description = "Environment to deploy to")
    String environment;
    @Option(names = "--version", required = true, description = "Version to deploy")
    String version;
    @Mixin
    Options.SecretsOption secretsOption;
    @Mixin
    Options.ConfirmSqlOption confirmSql;
    @Option(names = "--override-window", description = "Emergency: start outside the deployment windows (needs --reason;"
            + " in production also an approval)")
    boolean overrideWindow;
    @Option(names = "--reason", description = "Why the window is overridden (recorded and shown on the run)")
    String reason;

    DeployCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (overrideWindow && (reason == null || reason.isBlank())) {
            throw new ShipshapeException(ShipshapeException.Code.INVALID_INPUT, "--override-window needs --reason"
                    + " \"...\": say why the deployment cannot wait for the next window");
        }
        RunbookFiles.Loaded loaded = RunbookFiles.read(context, runbook);
        try (Store opened = context.openStore(store.url)) {
            RunStore runs = opened.runs();
            String previous = runs.live(loaded.runbook().service(), environment).map(LiveVersion::version).orElse(null);
            Plan planned = new Planner(context.env).deploy(loaded.runbook(), environment, version, previous);
            confirmSql.check(context, planned, loaded.path());
            DeployGates gates = new DeployGates(context, opened, loaded.runbook(), secretsOption.file,
                    output.json() ? context.err : context.out);
            DeployGates.Passed passed = gates.check(planned, overrideWindow ? reason : null);
            Plan plan = passed.plan();
            Secrets secrets = secretsOption.forPlan(context, plan);
            RunRequest request = new RunRequest(context.user(), loaded.path().toString(), loaded.text());
            RunOutcome outcome = Interrupts.cancellable(context, signal -> context.engine(opened).start(plan, request,
                    secrets, gates.recording(plan, passed.report(), listener(plan)), signal));
            Rollbacks.keepIfRolledBack(context, opened, outcome);
            return Outcomes.report(context, opened, outcome, output.json());
        }
    }

    private RunListener listener(Plan plan) {
        return output.json() ? RunListener.NONE : LiveProgress.of(context, plan);
    }
}
