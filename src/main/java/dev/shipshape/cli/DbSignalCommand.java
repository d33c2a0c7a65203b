package dev.shipshape.cli;

import dev.shipshape.ShipshapeException;
import dev.shipshape.postgres.DatabaseWork;
import dev.shipshape.postgres.diagnose.Remediation;
import dev.shipshape.store.Store;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code db cancel PID} and {@code db terminate PID}: with confirmation and a reason, recorded. */
abstract class DbSignalCommand implements Callable<Integer> {

    private final Context context;
    private final Remediation.Kind kind;
    @Parameters(arity = "1..2", paramLabel = "[RUNBOOK] PID", description = "Runbook file (default: "
            + "shipshape.yaml) and the backend process id (see 'db diagnose')")
    List<String> args;
    @Option(names = "--env", required = true, description = "Environment whose database to use")
    String environment;
    @Mixin
    Options.StoreOption store;
    @Option(names = "--secrets", paramLabel = "FILE", description = "NAME=value file, mode 0600")
    Path secretsFile;
    @Option(names = "--reason", required = true, description = "Why (recorded)")
    String reason;
    @Option(names = "--yes", description = "Do it without asking")
    boolean yes;
    @Mixin
    Options.OutputOption output;

    /** {@code db cancel|terminate --output json}; {@code outcome} as in text, e.g. {@code terminated backend 4242}. */
    record Signalled(String action, int pid, String database, String outcome, String reason) {
    }

    DbSignalCommand(Context context, Remediation.Kind kind) {
        this.context = context;
        this.kind = kind;
    }

    @Override
    public Integer call() {
        int pid = pid(args.get(args.size() - 1));
        DbTarget target = DbTarget.of(args.size() > 1 ? Path.of(args.get(0)) : null, environment, secretsFile);
        try (Store opened = context.openStore(store.url)) {
            DatabaseWork work = target.work(context, opened.postgres());
            if (!DbTarget.confirmed(context, yes, kind.word() + " backend " + pid + " on " + work.address() + "?")) {
                throw new ShipshapeException(ShipshapeException.Code.INVALID_INPUT, "not confirmed; backend " + pid
                        + " was left alone (pass --yes)");
            }
            String outcome = Remediation.apply(work, kind, pid, reason);
            context.out.println(output.json() ? Json.snakeCase(new Signalled(kind.word(), pid, work.address().toString(),
                    outcome, reason)) : outcome + " (recorded: " + reason + ")");
            return ExitCode.SUCCEEDED;
        }
    }

    private static int pid(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new ShipshapeException(ShipshapeException.Code.INVALID_INPUT, "'" + text + "' is not a backend "
                    + "pid; see 'shipshape db diagnose --env ENV'");
        }
    }

    /** Cancels the backend's running query; the session stays. */
    @Command(name = "cancel", mixinStandardHelpOptions = true,
            description = "Cancel a backend's running query (pg_cancel_backend), recorded with your reason.")
    static final class Cancel extends DbSignalCommand {
        Cancel(Context context) {
            super(context, Remediation.Kind.CANCEL);
        }
    }

    /** Closes the backend's session, rolling back its transaction. */
    @Command(name = "terminate", mixinStandardHelpOptions = true,
            description = "Terminate a backend (pg_terminate_backend), recorded with your reason.")
    static final class Terminate extends DbSignalCommand {
        Terminate(Context context) {
            super(context, Remediation.Kind.TERMINATE);
        }
    }
}
