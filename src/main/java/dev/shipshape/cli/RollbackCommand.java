package dev.shipshape.cli;

import dev.shipshape.app.Deployments;
import dev.shipshape.app.StoreAccess;
import dev.shipshape.engine.RunOutcome;
import dev.shipshape.engine.RunRecord;
import dev.shipshape.engine.RunStatus;
import dev.shipshape.plan.RollbackPlanner;
import dev.shipshape.store.Store;
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
        try (Store opened = context.openStore(store.url)) {
            Deployments.RolledBack rolledBack = context.app.deployments(opened).rollback(
                    new Deployments.RollbackRequest(RunbookFiles.of(loaded), environment, to, type(), reason, yes,
                            secretsOption.file, context.actor(), new TerminalWatch(context, output.json()),
                            confirmSql.confirmed));
            if (!rolledBack.confirmed()) {
                context.err.println("shipshape rollback: not confirmed; run again with --yes to roll back the database"
                        + " (or --app-only to leave it)");
                return ExitCode.USAGE;
            }
            return report(opened, rolledBack);
        }
    }

    private RollbackPlanner.Type type() {
        if (only == null) {
            return RollbackPlanner.Type.FULL;
        }
        return only.app ? RollbackPlanner.Type.APPLICATION : RollbackPlanner.Type.DATABASE;
    }

    private int report(Store opened, Deployments.RolledBack rolledBack) {
        RunRecord run = rolledBack.run();
        RunOutcome outcome = rolledBack.outcome();
        if (output.json()) {
            context.out.println(Json.write(context.app.runs(StoreAccess.of(opened)).document(run.runId()).withoutGates()));
        } else if (outcome.status() == RunStatus.SUCCEEDED) {
            context.out.println(context.terminal.ok() + " rolled back " + run.service() + " in " + environment + " from "
                    + rolledBack.from() + " to " + rolledBack.to() + " ("
                    + rolledBack.type().name().toLowerCase(Locale.ROOT) + "), run " + run.runId());
        } else {
            context.out.println(context.terminal.fail() + " rollback " + run.runId() + " failed: " + outcome.reason());
            context.out.println("  details: shipshape show " + run.runId());
        }
        return outcome.status() == RunStatus.SUCCEEDED ? ExitCode.SUCCEEDED : ExitCode.ROLLBACK_FAILED;
    }
}
