package dev.shipshape.cli;

import dev.shipshape.ShipshapeException;
import dev.shipshape.engine.LiveVersion;
import dev.shipshape.engine.RunListener;
import dev.shipshape.engine.RunOutcome;
import dev.shipshape.engine.RunRecord;
import dev.shipshape.engine.RunRequest;
import dev.shipshape.engine.RunStatus;
import dev.shipshape.engine.RunStore;
import dev.shipshape.plan.Plan;
import dev.shipshape.plan.PlannedStage;
import dev.shipshape.plan.RollbackPlanner;
import dev.shipshape.rollback.RollbackRecords;
import dev.shipshape.runbook.Tier;
import dev.shipshape.store.Store;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Rolls an environment back by running the runbook's rollback steps as a run of their own, then verifying. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = {"Roll an environment back: the rollback steps of its stages (latest first), then health and"
                + " smoke checks again. Database stages need --yes (data written since their backup is lost).",
                "Exit: 0 rolled back and verified, 2 invalid input or not confirmed, 4 rollback failed."})
final class RollbackCommand implements Callable<Integer> {

    private final Context context;
    @Mixin
    Options.RunbookFile runbook;
    @Mixin
    Options.StoreOption store;
    @Mixin
    Options.OutputOption output;
    @Option(names = "--env", required = true, description = "Environment to roll back")
    String environment;
    @Option(names = "--to", paramLabel = "VERSION", description = "Version to return to (default: the previous successful one)")
    String to;
    @Option(names = "--reason", required = true, description = "Why; kept in the rollback record")
    String reason;
    @Option(names = "--yes", description = "Confirm a rollback that touches database stages")
    boolean yes;
    @Mixin
    Options.SecretsOption secretsOption;
    @Mixin
    Options.ConfirmSqlOption confirmSql;
    @ArgGroup(exclusive = true)
    Only only;

    /** Application only or database only; neither means full. */
    static final class Only {
        @Option(names = "--app-only", description = "Only stages with tier: application")
        boolean app;
        @Option(names = "--db-only", description = "Only stages with tier: database")
        boolean db;
    }

    RollbackCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        RunbookFiles.Loaded loaded = RunbookFiles.read(context, runbook);
        String service = loaded.runbook().service();
        try (Store opened = context.openStore(store.url)) {
            RunStore runs = opened.runs();
            String from = runs.live(service, environment).map(LiveVersion::version).orElseThrow(() -> usage(
                    "nothing was deployed to " + environment + " yet, so there is nothing to roll back"));
            List<String> deployed = deployedVersions(runs, service);
            String target = to != null ? deployedTarget(deployed, service) : previous(deployed, service, from);
            RollbackPlanner.Type type = type();
            Plan plan = new RollbackPlanner(context.env).plan(loaded.runbook(), environment, from, target, type,
                    LiveRunBackup.of(context, runs, loaded.runbook(), environment, null));
            confirmSql.check(context, plan, loaded.path());
            if (RollbackPlanner.touchesDatabase(plan) && !confirmed(plan)) {
                return ExitCode.USAGE;
            }
            var secrets = secretsOption.forPlan(context, plan);
            RunRequest request = new RunRequest(context.user(), loaded.path().toString(), loaded.text());
            RunListener listener = output.json() ? RunListener.NONE : LiveProgress.of(context, plan);
            RunOutcome outcome = Interrupts.cancellable(context, signal -> context.engine(opened).start(plan, request,
                    secrets, listener, signal));
            RunRecord run = runs.run(outcome.runId()).orElseThrow();
            Rollbacks.keep(context, opened, RollbackRecords.ofRollbackRun(run, runs.steps(run.runId()),
                    type.name().toLowerCase(Locale.ROOT), reason));
            return report(opened, run, outcome, from, target, type);
        }
    }

    /** Versions that were deployed successfully to the environment, newest first, each once. */
    private List<String> deployedVersions(RunStore runs, String service) {
        return runs.runs(service, environment, 1000).stream()
                .filter(r -> r.procedure().equals("deploy") && r.status() == RunStatus.SUCCEEDED)
                .map(RunRecord::version).distinct().toList();
    }

    private String previous(List<String> deployed, String service, String from) {
        return deployed.stream().filter(v -> !v.equals(from)).findFirst()
                .orElseThrow(() -> usage("no version of " + service + " succeeded in " + environment + " before "
                        + from + "; name the version to return to with --to VERSION"));
    }

    /** Only a version that once ran here can be returned to. */
    private String deployedTarget(List<String> deployed, String service) {
        if (!deployed.contains(to)) {
            throw usage(to + " was never deployed to " + environment + " of " + service + "; versions deployed there: "
                    + String.join(", ", deployed) + " (roll back --to one of them, or deploy " + to + ")");
        }
        return to;
    }

    private RollbackPlanner.Type type() {
        if (only == null) {
            return RollbackPlanner.Type.FULL;
        }
        return only.app ? RollbackPlanner.Type.APPLICATION : RollbackPlanner.Type.DATABASE;
    }

    /** Database rollbacks restore data: say so, and go on only with --yes. */
    private boolean confirmed(Plan plan) {
        String stages = String.join(", ", plan.stages().stream().filter(s -> s.tier() == Tier.DATABASE)
                .map(PlannedStage::name).toList());
        context.err.println("WARNING: this rollback undoes database stages (" + stages + "): data written since"
                + " their backup is lost.");
        if (!yes) {
            context.err.println("shipshape rollback: not confirmed; run again with --yes to roll back the database"
                    + " (or --app-only to leave it)");
        }
        return yes;
    }

    private int report(Store opened, RunRecord run, RunOutcome outcome, String from, String target,
                       RollbackPlanner.Type type) {
        if (output.json()) {
            context.out.println(Json.write(VerificationText.json(opened.runs(), opened.verification(), run)));
        } else if (outcome.status() == RunStatus.SUCCEEDED) {
            context.out.println(context.terminal.ok() + " rolled back " + run.service() + " in " + environment + " from "
                    + from + " to " + target + " (" + type.name().toLowerCase(Locale.ROOT) + "), run " + run.runId());
        } else {
            context.out.println(context.terminal.fail() + " rollback " + run.runId() + " failed: " + outcome.reason());
            context.out.println("  details: shipshape show " + run.runId());
        }
        return outcome.status() == RunStatus.SUCCEEDED ? ExitCode.SUCCEEDED : ExitCode.ROLLBACK_FAILED;
    }

    private static ShipshapeException usage(String message) {
        return new ShipshapeException(ShipshapeException.Code.INVALID_INPUT, message);
    }
}
