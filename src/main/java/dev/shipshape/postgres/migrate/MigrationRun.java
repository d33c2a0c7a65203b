package dev.shipshape.postgres.migrate;

import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import dev.shipshape.postgres.DatabaseWork;
import dev.shipshape.postgres.BackupManifest;
import dev.shipshape.postgres.backup.Backups;
import dev.shipshape.postgres.backup.Restore;
import dev.shipshape.postgres.lint.Finding;
import dev.shipshape.runbook.DatabaseSettings.MigrationFailure;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Applies pending migrations the careful way: lint them (unsafe statements block a protected
 * environment unless their file allows them, and allowances are recorded), back up first when the
 * environment has a backup policy, apply, and on failure do what the runbook says (restore that
 * backup, or stop for a person) and record the choice; finally check the expected tables and columns.
 */
public final class MigrationRun {

    /** What a migration run did, for the step's message and the CLI. */
    public record Report(List<String> applied, String backupId, List<String> schemaProblems) {
    }

    /** Unsafe statements refused in a protected environment: nothing was applied. */
    public static final class Blocked extends ShipshapeException {
        Blocked(String message) {
            super(Code.BLOCKED, message);
        }
    }

    private final DatabaseWork work;
    private final Path folder;

    /** @param folder the migrations folder, already resolved against the runbook's folder */
    public MigrationRun(DatabaseWork work, Path folder) {
        this.work = work;
        this.folder = folder;
    }

    public Report run(Map<String, List<String>> expectTables) {
        Migrations migrations = Migrations.of(work.address(), folder, work.target().settings().layout());
        List<Path> pending = migrations.pendingFiles();
        if (pending.isEmpty()) {
            work.say("no pending migrations");
            return new Report(List.of(), null, SchemaExpectation.check(work.address(), expectTables));
        }
        checkSafety(pending);
        BackupManifest backup = work.target().settings().backup() != null
                ? new Backups(work).take("before migrating " + pending.size() + " migration(s)") : null;
        List<String> applied;
        try {
            String command = work.target().settings().migrateCommand();
            applied = command == null ? migrations.apply() : new MigrateCommand(work, command).apply(migrations, folder);
        } catch (ShipshapeException failure) {
            throw afterFailure(failure, backup);
        }
        work.records().action(work.action("migrate", String.join(",", applied), null, "applied"));
        work.say("applied " + applied.size() + " migration(s): " + String.join(", ", applied));
        return new Report(applied, backup == null ? null : backup.id(),
                SchemaExpectation.check(work.address(), expectTables));
    }

    private void checkSafety(List<Path> pending) {
        List<Finding> findings = SafetyCheck.lint(work.address(), folder, pending);
        for (Finding f : findings) {
            if (f.allowance() != null) {
                work.records().action(work.action("allow_unsafe", f.file() + ":" + f.line(), f.allowance(),
                        f.statement()));
                work.say("unsafe statement allowed at " + f.file() + ":" + f.line() + ": " + f.allowance());
            }
        }
        List<Finding> blocking = findings.stream().filter(Finding::blocking).toList();
        if (blocking.isEmpty()) {
            return;
        }
        String first = blocking.get(0).file() + ":" + blocking.get(0).line() + " " + blocking.get(0).reason();
        if (SafetyCheck.protectedEnvironment(work.environment())) {
            throw new Blocked(blocking.size() + " unsafe statement(s) in pending migrations "
                    + "block " + work.environment() + " (first: " + first + "); use the safer alternative from "
                    + "'shipshape db lint', or add '-- shipshape:allow-unsafe: REASON' to the migration file");
        }
        work.say("warning: " + blocking.size() + " unsafe statement(s) (first: " + first + "); they would block "
                + "production");
    }

    private ShipshapeException afterFailure(ShipshapeException failure, BackupManifest backup) {
        String reason = failure.getMessage();
        if (backup == null) {
            work.records().action(work.action("migration_failed_stop", null, reason, "no backup policy: stopped"));
            return new ShipshapeException(Code.FAILED, reason + "; no backup was taken (no backup policy), the "
                    + "database is left as it is for a person");
        }
        if (work.target().settings().onMigrationFailure() == MigrationFailure.RESTORE) {
            work.say("migration failed; restoring " + backup.id() + " (on_migration_failure: restore)");
            try {
                new Restore(work).restore(backup.id(), null, "migration failed: " + reason);
            } catch (ShipshapeException e) {
                work.records().action(work.action("migration_failed_restore", backup.id(), reason, "restore failed"));
                return new ShipshapeException(Code.FAILED, reason + "; restoring backup " + backup.id()
                        + " failed: " + e.getMessage());
            }
            work.records().action(work.action("migration_failed_restore", backup.id(), reason, "restored"));
            return new ShipshapeException(Code.FAILED, reason + "; restored backup " + backup.id());
        }
        work.records().action(work.action("migration_failed_stop", backup.id(), reason, "stopped for a person"));
        return new ShipshapeException(Code.FAILED, reason + "; stopped for a person (on_migration_failure: stop): "
                + "restore with 'shipshape db restore --backup " + backup.id() + "' if needed");
    }
}
