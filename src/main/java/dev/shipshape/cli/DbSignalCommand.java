package dev.shipshape.cli;

import dev.shipshape.postgres.DatabaseWork;
import dev.shipshape.postgres.diagnose.Remediation;
import dev.shipshape.store.Store;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code db cancel PID} and {@code db terminate PID}: with confirmation and a reason, recorded. */
abstract class DbSignalCommand implements Callable<Integer> {

    private final Context context;
    private final Remediation.Kind kind;
    @Mixin
    DbTarget target;
    @Parameters(index = "0", paramLabel = "PID", description = "Backend process id (see 'db diagnose')")
    int pid;
    @Option(names = "--reason", required = true, description = "Why (recorded)")
    String reason;
    @Option(names = "--yes", description = "Do it without asking")
    boolean yes;

    DbSignalCommand(Context context, Remediation.Kind kind) {
        this.context = context;
        this.kind = kind;
    }

    @Override
    public Integer call() {
        try (Store opened = context.openStore(target.store.url)) {
            DatabaseWork work = target.work(context, opened.postgres());
            if (!DbTarget.confirmed(context, yes, kind.word() + " backend " + pid + " on " + work.address() + "?")) {
                context.err.println("shipshape: not confirmed; backend " + pid + " was left alone (pass --yes)");
                return ExitCode.USAGE;
            }
            context.out.println(Remediation.apply(work, kind, pid, reason) + " (recorded: " + reason + ")");
            return ExitCode.SUCCEEDED;
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
