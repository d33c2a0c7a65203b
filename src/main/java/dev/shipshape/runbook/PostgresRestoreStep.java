package dev.shipshape.runbook;

import java.util.function.UnaryOperator;

/**
 * {@code postgres.restore}: restores a backup over the environment's database (the rollback step
 * of database stages). Data written since the backup is lost.
 *
 * @param backup a backup id, {@code latest} (newest valid backup of the environment) or {@code run}
 *               (newest backup taken by this run)
 * @param jobs   parallel pg_restore jobs, or null for the policy's
 */
public record PostgresRestoreStep(String backup, Integer jobs, DatabaseTarget target, StepOptions options)
        implements Step, UsesDatabase {

    public PostgresRestoreStep {
        backup = backup == null || backup.isBlank() ? "latest" : backup;
    }

    @Override
    public String kind() {
        return "postgres.restore";
    }

    @Override
    public String summary() {
        return "restore the database from backup " + backup;
    }

    @Override
    public boolean idempotentByDefault() {
        return true;
    }

    @Override
    public PostgresRestoreStep mapStrings(UnaryOperator<String> f) {
        return new PostgresRestoreStep(f.apply(backup), jobs, DatabaseTarget.map(target, f), options.mapStrings(f));
    }

    /** The same step restoring another backup. */
    public PostgresRestoreStep from(String backupId) {
        return new PostgresRestoreStep(backupId, jobs, target, options);
    }

    @Override
    public PostgresRestoreStep bind(DatabaseTarget target) {
        return new PostgresRestoreStep(backup, jobs, target, options);
    }

    @Override
    public java.time.Duration defaultTimeout() {
        return java.time.Duration.ofHours(8);
    }
}
