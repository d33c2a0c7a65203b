package dev.shipshape.cli;

import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import dev.shipshape.app.DatabaseBackups;
import dev.shipshape.postgres.BackupManifest;
import dev.shipshape.runbook.BackupPolicy;
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
        DatabaseBackups.Taken taken = context.app.backups(context.app.store(target.store.url)).backup(
                new DatabaseBackups.BackupRequest(target.request(context), label, format == null ? null : format(),
                        jobs));
        BackupManifest m = taken.manifest();
        if (output.json()) {
            context.out.println(Json.snakeCase(m));
        } else {
            context.out.println("backup " + m.id() + " of " + m.database() + " (PostgreSQL " + m.serverVersion()
                    + ", schema " + (m.schemaVersion() == null ? "-" : m.schemaVersion()) + "): " + m.sizeBytes()
                    + " bytes in " + m.durationMs() + " ms, sha256 " + m.sha256());
            context.out.println("  " + RunbookFiles.shown(context, taken.file()));
        }
        return ExitCode.SUCCEEDED;
    }

    private BackupPolicy.Format format() {
        return switch (format) {
            case "custom" -> BackupPolicy.Format.CUSTOM;
            case "directory" -> BackupPolicy.Format.DIRECTORY;
            default -> throw new ShipshapeException(Code.INVALID_INPUT, "--format " + format + " is not a backup "
                    + "format; use custom or directory");
        };
    }
}
