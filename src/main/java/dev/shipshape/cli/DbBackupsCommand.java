package dev.shipshape.cli;

import dev.shipshape.postgres.backup.BackupManifest;
import dev.shipshape.postgres.backup.BackupFolder;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Lists the valid backups of an environment, newest first. */
@Command(name = "backups", mixinStandardHelpOptions = true, description = "List valid backups, newest first.")
final class DbBackupsCommand implements Callable<Integer> {

    private final Context context;
    @Mixin
    DbTarget target;
    @Mixin
    Options.OutputOption output;

    DbBackupsCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<BackupManifest> backups = new BackupFolder(target.offline(context).backupFolder())
                .list();
        if (output.json()) {
            context.out.println(DbJson.write(backups));
            return ExitCode.SUCCEEDED;
        }
        if (backups.isEmpty()) {
            context.out.println("no valid backups of " + target.environment);
        }
        for (BackupManifest b : backups) {
            context.out.println(b.id() + "  " + b.startedAt() + "  " + b.database() + "  " + b.sizeBytes()
                    + " bytes  schema " + (b.schemaVersion() == null ? "-" : b.schemaVersion())
                    + (b.runId() == null ? "" : "  run " + b.runId()) + (b.label() == null ? "" : "  " + b.label()));
        }
        return ExitCode.SUCCEEDED;
    }
}
