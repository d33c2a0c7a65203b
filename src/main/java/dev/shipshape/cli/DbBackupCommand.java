package dev.shipshape.cli;

import dev.shipshape.postgres.backup.BackupManifest;
import dev.shipshape.postgres.backup.Backups;
import dev.shipshape.store.Store;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Takes a backup of an environment's database now. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Back up the environment's database with pg_dump (checksum and metadata beside it).")
final class DbBackupCommand implements Callable<Integer> {

    private final Context context;
    @Mixin
    DbTarget target;
    @Mixin
    Options.OutputOption output;
    @Option(names = "--label", description = "A note kept with the backup")
    String label;

    DbBackupCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Store opened = context.openStore(target.store.url)) {
            Backups backups = new Backups(target.work(context, opened.postgres()));
            BackupManifest m = backups.take(label);
            if (output.json()) {
                context.out.println(DbJson.write(m));
            } else {
                context.out.println("backup " + m.id() + " of " + m.database() + " (PostgreSQL " + m.serverVersion()
                        + ", schema " + (m.schemaVersion() == null ? "-" : m.schemaVersion()) + "): " + m.sizeBytes()
                        + " bytes in " + m.durationMs() + " ms, sha256 " + m.sha256());
                context.out.println("  " + RunbookFiles.shown(context, backups.folder().fileOf(m)));
            }
            return ExitCode.SUCCEEDED;
        }
    }
}
