package dev.shipshape.cli;

import dev.shipshape.app.DatabaseBackups;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Replaces an environment's database with a backup, after checking it and asking. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Restore a backup over the environment's database (data written since is lost).")
final class DbRestoreCommand implements Callable<Integer> {

    private final Context context;
    @Mixin
    DbTarget target;
    @Mixin
    Options.OutputOption output;
    @Option(names = "--backup", required = true, paramLabel = "ID|latest", description = "Backup to restore")
    String backup;
    @Option(names = "--jobs", description = "Parallel pg_restore jobs (default: the backup policy's)")
    Integer jobs;
    @Option(names = "--yes", description = "Confirm the data loss without asking")
    boolean yes;
    @Option(names = "--reason", description = "Why (recorded)")
    String reason;

    /** {@code db restore --output json}; {@code keptDatabase}: the replaced database when it could not be dropped. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record Restored(String backupId, String database, long tookMillis, String keptDatabase) {
    }

    DbRestoreCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        DatabaseBackups.Restored done = context.app.backups(context.app.store(target.store.url)).restore(
                new DatabaseBackups.RestoreRequest(target.request(context), backup, jobs, reason, (chosen, warning) -> {
                    context.err.println("warning: " + warning);
                    return DbTarget.confirmed(context, yes, "Restore " + chosen.id() + "?");
                }));
        context.out.println(output.json() ? Json.snakeCase(new Restored(done.backup().id(), done.database(),
                done.took().toMillis(), done.keptDatabase())) : "restored " + done.backup().id() + " into "
                + done.database() + " in " + done.took().toMillis() + " ms" + (done.keptDatabase() == null ? ""
                : "; the replaced database was kept as " + done.keptDatabase() + " (it could not be dropped)"));
        return ExitCode.SUCCEEDED;
    }
}
