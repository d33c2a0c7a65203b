package dev.shipshape.cli;

import dev.shipshape.app.Databases;
import dev.shipshape.postgres.DatabaseWork;
import dev.shipshape.postgres.migrate.MigrationRun;
import dev.shipshape.store.Store;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Applies pending migrations: lint, backup (with a policy), apply, policy on failure. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Apply pending migrations (safety lint and a backup first; restore or stop on failure).",
                "Exit: 0 applied, 1 failed, 5 blocked by unsafe statements in a production environment."})
final class DbMigrateCommand implements Callable<Integer> {

    private final Context context;
    @Mixin
    DbTarget target;
    @Mixin
    Options.OutputOption output;

    DbMigrateCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Store opened = context.openStore(target.store.url)) {
            DatabaseWork work = target.work(context, opened.postgres());
            // unsafe statements in a protected environment throw MigrationRun.Blocked: exit 5
            MigrationRun.Report report = new MigrationRun(work, folder(work)).run(Map.of());
            context.out.println(output.json() ? Json.snakeCase(report) : report.applied().isEmpty() ? "no pending migrations" : "applied "
                    + String.join(", ", report.applied()) + (report.backupId() == null ? ""
                    : " (backup " + report.backupId() + " taken first)"));
            return ExitCode.SUCCEEDED;
        }
    }

    static java.nio.file.Path folder(DatabaseWork work) {
        return Databases.migrations(work);
    }
}
