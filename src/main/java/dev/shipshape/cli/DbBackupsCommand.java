package dev.shipshape.cli;

import dev.shipshape.app.DatabaseBackups;
import dev.shipshape.postgres.BackupManifest;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Lists the valid backups of an environment, newest first. */
@Command(name = "backups", mixinStandardHelpOptions = true, description = "List valid backups, newest first; with --all, also the files left by backups that did not finish.")
final class DbBackupsCommand implements Callable<Integer> {

    private final Context context;
    @Mixin
    DbTarget target;
    @Mixin
    Options.OutputOption output;
    @Option(names = "--all", description = "also list files that belong to no valid backup, with a command to remove them")
    boolean all;

    DbBackupsCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        DatabaseBackups.Listing listing = context.app.backups(context.app.store(target.store.url))
                .list(target.request(context), all);
        List<BackupManifest> backups = listing.backups();
        List<java.nio.file.Path> leftovers = listing.leftovers();
        if (output.json()) {
            context.out.println(all ? Json.snakeCase(java.util.Map.of("backups", backups, "leftovers",
                    leftovers.stream().map(java.nio.file.Path::toString).toList())) : Json.snakeCase(backups));
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
        if (!leftovers.isEmpty()) {
            context.out.println(leftovers.size() + " file(s) belong to no valid backup (left by backups that did not"
                    + " finish); when no backup is running, remove them with:");
            context.out.println("  rm -r " + String.join(" ", leftovers.stream().map(DbBackupsCommand::quoted)
                    .toList()));
        }
        return ExitCode.SUCCEEDED;
    }

    /** A path as one shell word. */
    private static String quoted(java.nio.file.Path path) {
        return "'" + path.toString().replace("'", "'\\''") + "'";
    }
}
