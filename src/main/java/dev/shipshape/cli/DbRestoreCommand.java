package dev.shipshape.cli;

import dev.shipshape.ShipshapeException;
import dev.shipshape.postgres.DatabaseWork;
import dev.shipshape.postgres.BackupManifest;
import dev.shipshape.postgres.backup.Restore;
import dev.shipshape.store.Store;
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
        try (Store opened = context.openStore(target.store.url)) {
            DatabaseWork work = target.work(context, opened.postgres());
            Restore restore = new Restore(work);
            BackupManifest chosen = restore.verified(backup);
            String warning = "restoring " + chosen.id() + " (taken " + chosen.startedAt() + ") replaces "
                    + work.address() + ": everything written since then is lost";
            context.err.println("warning: " + warning);
            if (!DbTarget.confirmed(context, yes, "Restore " + chosen.id() + "?")) {
                throw new ShipshapeException(ShipshapeException.Code.INVALID_INPUT, "not confirmed; nothing was restored"
                        + " (pass --yes to confirm)");
            }
            Restore.Restored done = restore.restore(chosen.id(), jobs, reason);
            context.out.println(output.json() ? Json.snakeCase(new Restored(done.backup().id(), work.address().toString(),
                    done.took().toMillis(), done.keptDatabase())) : "restored " + done.backup().id() + " into " + work.address() + " in "
                    + done.took().toMillis() + " ms" + (done.keptDatabase() == null ? "" : "; the replaced "
                    + "database was kept as " + done.keptDatabase() + " (it could not be dropped)"));
            return ExitCode.SUCCEEDED;
        }
    }
}
