package dev.shipshape.cli;

import dev.shipshape.postgres.DatabaseAction;
import dev.shipshape.postgres.DatabaseWork;
import dev.shipshape.store.Store;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** What was done to an environment's database, as recorded: restores, migrations, cancels, terminations. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Recorded actions on the environment's database (restore, migrate, verify, cancel, "
                + "terminate, allowed unsafe migrations), newest first like every list, with who did them and why.")
final class DbHistoryCommand implements Callable<Integer> {

    private final Context context;
    @Mixin
    DbTarget target;
    @Mixin
    Options.OutputOption output;

    DbHistoryCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        DatabaseWork work = target.offline(context);
        try (Store opened = context.openStore(target.store.url)) {
            List<DatabaseAction> actions = opened.postgres().actions(work.service(), work.environment()).reversed();
            if (output.json()) {
                context.out.println(Json.snakeCase(actions));
            } else if (actions.isEmpty()) {
                context.out.println("nothing recorded for the database of " + work.environment());
            } else {
                actions.forEach(a -> context.out.println(line(a)));
            }
            return ExitCode.SUCCEEDED;
        }
    }

    /** e.g. {@code 2026-03-01T12:00:00Z  cancel 4242  by ana: stuck report query -> cancelled the query ...}. */
    static String line(DatabaseAction a) {
        return a.at().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "  " + a.kind() + (a.target() == null ? "" : " " + a.target()) + "  by " + a.by()
                + (a.reason() == null ? "" : ": " + a.reason()) + " -> " + a.outcome()
                + (a.runId() == null ? "" : "  (run " + a.runId() + ")");
    }
}
