package dev.shipshape.postgres.backup;

import dev.shipshape.postgres.BackupManifest;
import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import dev.shipshape.postgres.ChildProcess;
import dev.shipshape.postgres.DatabaseAddress;
import dev.shipshape.postgres.DatabaseWork;
import dev.shipshape.postgres.ServerFacts;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Restores a backup. The checksum is verified before anything is touched; then the backup is
 * restored into a new database, which takes the target's place only once pg_restore succeeded
 * ({@link DatabaseSwap}), so that objects created after the backup (by a failed migration, say)
 * are gone and a failed restore leaves the target as it was.
 */
public final class Restore {

    /**
     * What a restore did.
     *
     * @param keptDatabase the replaced database when it could not be dropped (a person drops it), else null
     */
    public record Restored(BackupManifest backup, Duration took, String keptDatabase) {
    }

    private final DatabaseWork work;
    private final BackupFolder folder;

    public Restore(DatabaseWork work) {
        this.work = work;
        this.folder = new BackupFolder(work.backupFolder());
    }

    /** The backup a restore of {@code idOrLatest} would use, checksum verified. */
    public BackupManifest verified(String idOrLatest) {
        BackupManifest backup = folder.find(idOrLatest);
        Path file = folder.fileOf(backup);
        if (!java.nio.file.Files.exists(file)) {
            throw new ShipshapeException(Code.FAILED, "backup " + backup.id() + " is missing its dump " + file
                    + "; nothing was restored");
        }
        String actual = Checksum.of(file);
        if (!actual.equals(backup.sha256())) {
            throw new ShipshapeException(Code.FAILED, "backup " + backup.id() + " is corrupted: sha256 of " + file
                    + " is " + actual + ", its manifest says " + backup.sha256() + "; nothing was restored, pick "
                    + "another backup ('shipshape db backups')");
        }
        return backup;
    }

    /** Replaces the environment's database with the backup; records it. */
    public Restored restore(String idOrLatest, Integer jobs, String reason) {
        BackupManifest backup = verified(idOrLatest);
        Instant start = work.clock().instant();
        DatabaseSwap.Swapped swapped;
        try {
            swapped = replace(backup, jobs, pgRestoreFor(work.address()));
        } catch (RuntimeException e) {
            work.records().action(work.action("restore", backup.id(), reason, "failed: " + e.getMessage()));
            throw e;
        }
        Duration took = Duration.between(start, work.clock().instant());
        String kept = swapped.keptDatabase() == null ? "" : "; the replaced database " + swapped.keptDatabase()
                + " could not be dropped (" + swapped.whyKept() + "): drop it when it is no longer needed";
        if (!kept.isEmpty()) {
            work.say("warning: " + kept.substring(2));
        }
        work.records().action(work.action("restore", backup.id(), reason, "restored in " + took.toMillis() + " ms"
                + kept));
        return new Restored(backup, took, swapped.keptDatabase());
    }

    private DatabaseSwap.Swapped replace(BackupManifest backup, Integer jobs, Path pgRestore) {
        DatabaseSwap swap = DatabaseSwap.prepare(work.address(), UUID.randomUUID().toString().substring(0, 8));
        try {
            into(backup, swap.restoring(), jobs, pgRestore);
        } catch (ShipshapeException e) {
            throw swap.discarded(new ShipshapeException(e.code(), e.getMessage() + "; " + work.address().database()
                    + " was left as it was"));
        }
        return swap.swapIn();
    }

    /** pg_restore of a verified backup into an existing, empty database. */
    void into(BackupManifest backup, DatabaseAddress target, Integer jobs) {
        into(backup, target, jobs, pgRestoreFor(target));
    }

    /**
     * The pg_restore that can restore into this server: found (and its version checked) before
     * anything is created, so a missing or too-old client changes nothing.
     */
    private Path pgRestoreFor(DatabaseAddress target) {
        return work.tools().find("pg_restore", major(target));
    }

    /**
     * Without --exit-on-error, so that one failed restore names every object that could not be
     * restored; the database it filled is thrown away then.
     */
    private void into(BackupManifest backup, DatabaseAddress target, Integer jobs, Path pgRestore) {
        int parallel = jobs != null ? jobs : work.backupPolicy().jobs();
        work.say("restoring " + backup.id() + " into " + target + (parallel > 1 ? " with " + parallel + " jobs" : "")
                + " ...");
        ChildProcess.Result result = work.tools().programs().run(List.of(pgRestore.toString(), "--no-password",
                        "--jobs=" + Math.max(1, parallel), "--dbname=" + target.database(),
                        folder.fileOf(backup).toString()), target.childEnvironment(), null, work.timeout(),
                work.cancelled());
        if (!result.succeeded()) {
            RestoreErrors errors = RestoreErrors.of(target.redact(result.output()));
            throw new ShipshapeException(Code.FAILED, "pg_restore of " + backup.id() + " into " + target + " failed"
                    + (result.timedOut() ? " (timed out)" : result.cancelled() ? " (cancelled)" : " with exit code "
                    + result.exitCode()) + ": " + errors.describe() + (result.timedOut() || result.cancelled() ? ""
                    : "; " + errors.advice(target.user())));
        }
    }

    private static int major(DatabaseAddress target) {
        try (Connection c = target.connect()) {
            return ServerFacts.of(c).major();
        } catch (SQLException e) {
            throw new ShipshapeException(Code.FAILED, "cannot read the server version of " + target + ": "
                    + target.redact(e.getMessage()));
        }
    }

    static void execute(DatabaseAddress at, String... statements) {
        try (Connection c = at.connect(); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        } catch (SQLException e) {
            throw new ShipshapeException(Code.FAILED, "could not run '" + statements[0] + "' on " + at + ": "
                    + at.redact(e.getMessage()) + "; the role needs to own the database and have CREATEDB");
        }
    }

    static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
