package dev.shipshape.app;

import dev.shipshape.ShipshapeException;
import dev.shipshape.postgres.BackupManifest;
import dev.shipshape.postgres.DatabaseWork;
import dev.shipshape.postgres.backup.BackupFolder;
import dev.shipshape.postgres.backup.Backups;
import dev.shipshape.postgres.backup.Restore;
import dev.shipshape.runbook.BackupPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** An environment's database backups: listed, taken now, restored over the database. */
public final class DatabaseBackups {

    /** @param leftovers files that belong to no valid backup (left by backups that did not finish), when asked for */
    public record Listing(List<BackupManifest> backups, List<Path> leftovers) {
    }

    /** @param format the pg_dump format for this backup, or null for the policy's; {@code jobs} likewise */
    public record BackupRequest(Databases.DatabaseRequest database, String label, BackupPolicy.Format format,
                                Integer jobs) {
    }

    /** @param file where the backup is */
    public record Taken(BackupManifest manifest, Path file) {
    }

    /**
     * @param backup an id, or {@code latest}
     * @param jobs   parallel pg_restore jobs, or null for the policy's
     */
    public record RestoreRequest(Databases.DatabaseRequest database, String backup, Integer jobs, String reason,
                                 Confirmation confirmation) {
    }

    /** Asked, once the backup is chosen and verified, whether to go on: everything written since it is lost. */
    @FunctionalInterface
    public interface Confirmation {
        boolean confirmed(BackupManifest chosen, String warning);
    }

    /** @param keptDatabase the replaced database when it could not be dropped, else null */
    public record Restored(BackupManifest backup, String database, Duration took, String keptDatabase) {
    }

    private final Shipshape app;
    private final StoreAccess store;

    DatabaseBackups(Shipshape app, StoreAccess store) {
        this.app = app;
        this.store = store;
    }

    /** The valid backups, newest first; needs no connection and no secrets. */
    public Listing list(Databases.DatabaseRequest request, boolean withLeftovers) {
        BackupFolder folder = new BackupFolder(app.databases().offline(request).backupFolder());
        return new Listing(folder.list(), withLeftovers ? folder.leftovers() : List.of());
    }

    /** Takes a backup now with pg_dump, checksum and metadata beside it. */
    public Taken backup(BackupRequest request) {
        return store.use(s -> {
            Backups backups = new Backups(withOptions(app.databases().work(request.database(), s.postgres()),
                    request));
            BackupManifest manifest = backups.take(request.label());
            return new Taken(manifest, backups.folder().fileOf(manifest));
        });
    }

    /**
     * Replaces the database with a verified backup, once confirmed.
     *
     * @throws ShipshapeException INVALID_INPUT when not confirmed: nothing is restored
     */
    public Restored restore(RestoreRequest request) {
        return store.use(s -> {
            DatabaseWork work = app.databases().work(request.database(), s.postgres());
            Restore restore = new Restore(work);
            BackupManifest chosen = restore.verified(request.backup());
            String warning = "restoring " + chosen.id() + " (taken " + chosen.startedAt() + ") replaces "
                    + work.address() + ": everything written since then is lost";
            if (!request.confirmation().confirmed(chosen, warning)) {
                throw new ShipshapeException(ShipshapeException.Code.INVALID_INPUT, "not confirmed; nothing was"
                        + " restored (pass --yes to confirm)");
            }
            Restore.Restored done = restore.restore(chosen.id(), request.jobs(), request.reason());
            return new Restored(done.backup(), work.address().toString(), done.took(), done.keptDatabase());
        });
    }

    private static DatabaseWork withOptions(DatabaseWork work, BackupRequest request) {
        if (request.format() == null && request.jobs() == null) {
            return work;
        }
        BackupPolicy p = work.backupPolicy();
        return work.withBackupPolicy(new BackupPolicy(p.folder(), request.format() != null ? request.format()
                : p.format(), request.jobs() != null ? request.jobs() : p.jobs(), p.keep(), p.maxAge()));
    }
}
