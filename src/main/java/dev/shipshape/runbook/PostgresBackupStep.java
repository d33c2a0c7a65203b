package dev.shipshape.runbook;

import java.util.function.UnaryOperator;

/**
 * {@code postgres.backup}: dumps the environment's database with pg_dump into its backup folder.
 *
 * @param label  a note kept with the backup (e.g. {@code pre-migration}), or null
 */
public record PostgresBackupStep(String label, DatabaseTarget target, StepOptions options)
        implements Step, UsesDatabase {

    @Override
    public String kind() {
        return "postgres.backup";
    }

    @Override
    public String summary() {
        return "back up the database" + (label == null ? "" : " (" + label + ")");
    }

    @Override
    public boolean idempotentByDefault() {
        return true;
    }

    @Override
    public PostgresBackupStep mapStrings(UnaryOperator<String> f) {
        return new PostgresBackupStep(label == null ? null : f.apply(label), DatabaseTarget.map(target, f),
                options.mapStrings(f));
    }

    @Override
    public PostgresBackupStep bind(DatabaseTarget target) {
        return new PostgresBackupStep(label, target, options);
    }

    @Override
    public java.time.Duration defaultTimeout() {
        return java.time.Duration.ofHours(2);
    }
}
