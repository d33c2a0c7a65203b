package dev.shipshape.cli;

import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import dev.shipshape.postgres.DatabaseWork;
import dev.shipshape.postgres.BackupManifest;
import dev.shipshape.postgres.backup.Backups;
import dev.shipshape.runbook.BackupPolicy;
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
    @Option(names = "--format", paramLabel = "custom|directory", description = "pg_dump format for this backup "
            + "(default: the environment's backup policy, else custom)")
    String format;
    @Option(names = "--jobs", description = "Parallel pg_dump jobs (directory format)")
    Integer jobs;

    DbBackupCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Store opened = context.openStore(target.store.url)) {
            Backups backups = new Backups(withOptions(target.work(context, opened.postgres())));
            BackupManifest m = backups.take(label);
            if (output.json()) {
                context.out.println(Json.snakeCase(m));
            } else {
                context.out.println("backup " + m.id() + " of " + m.database() + " (PostgreSQL " + m.serverVersion()
                        + ", schema " + (m.schemaVersion() == null ? "-" : m.schemaVersion()) + "): " + m.sizeBytes()
                        + " bytes in " + m.durationMs() + " ms, sha256 " + m.sha256());
                context.out.println("  " + RunbookFiles.shown(context, backups.folder().fileOf(m)));
            }
            return ExitCode.SUCCEEDED;
        }
    }

    private BackupPolicy.Format format() {
        return switch (format) {
            case "custom" -> BackupPolicy.Format.CUSTOM;
            case "directory" -> BackupPolicy.Format.DIRECTORY;
            default -> throw new ShipshapeException(Code.INVALID_INPUT, "--format " + format + " is not a backup "
                    + "format; use custom or directory");
        };
    }

    private DatabaseWork withOptions(DatabaseWork work) {
        if (format == null && jobs == null) {
            return work;
        }
        BackupPolicy p = work.backupPolicy();
        return work.withBackupPolicy(new BackupPolicy(p.folder(), format != null ? format() : p.format(),
                jobs != null ? jobs : p.jobs(), p.keep(), p.maxAge()));
    }
}
