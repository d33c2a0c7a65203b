package dev.shipshape.runbook;

import java.util.function.UnaryOperator;

/**
 * An environment's PostgreSQL database, as declared under {@code environments.NAME.database}.
 *
 * @param url                the JDBC URL, {@code jdbc:postgresql://host:port/name}
 * @param user               the role to connect as, or null for the driver's default
 * @param password           usually a {@code ${secret:NAME}} reference, revealed only when connecting
 * @param migrations         folder of Flyway SQL migrations, relative to the runbook; null = none
 * @param backup             the backup policy; null = no automatic backup before migrating
 * @param onMigrationFailure what a failed migration does with the backup taken before it
 * @param recovery           recovery targets and checks of the disaster-recovery drill; null = none declared
 */
public record DatabaseSettings(String url, String user, String password, String migrations, BackupPolicy backup,
                               MigrationFailure onMigrationFailure, RecoveryTargets recovery) {

    /** What to do when a migration fails after a backup was taken. */
    public enum MigrationFailure {
        /** restore the backup taken just before migrating */
        RESTORE,
        /** leave the database as it is and stop for a person */
        STOP
    }

    public DatabaseSettings {
        onMigrationFailure = onMigrationFailure == null ? MigrationFailure.STOP : onMigrationFailure;
    }

    DatabaseSettings mapStrings(UnaryOperator<String> f) {
        return new DatabaseSettings(f.apply(url), user == null ? null : f.apply(user),
                password == null ? null : f.apply(password), migrations == null ? null : f.apply(migrations),
                backup, onMigrationFailure, recovery == null ? null : recovery.mapStrings(f));
    }
}
