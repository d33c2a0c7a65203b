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
 * @param layout             how the migrations folder is laid out and where its history is kept; null = seen
 *                           from the folder
 * @param migrateCommand     the team's own command that applies migrations ({@code npx prisma migrate deploy}),
 *                           wrapped with the lint, backup and restore of a migration run; null = Shipshape applies
 */
public record DatabaseSettings(String url, String user, String password, String migrations, BackupPolicy backup,
                               MigrationFailure onMigrationFailure, RecoveryTargets recovery,
                               MigrationLayout layout, String migrateCommand) {

    /** The migration tool whose folder layout and history table Shipshape reads and writes. */
    public enum MigrationLayout {
        /** {@code V1__name.sql}, history in {@code flyway_schema_history} */
        FLYWAY,
        /** {@code TIMESTAMP_name/migration.sql}, history in {@code _prisma_migrations} */
        PRISMA,
        /** {@code TIMESTAMP_name.sql}, history in {@code supabase_migrations.schema_migrations} */
        SUPABASE
    }

    /** Settings whose migrations layout is seen from the folder. */
    public DatabaseSettings(String url, String user, String password, String migrations, BackupPolicy backup,
                            MigrationFailure onMigrationFailure, RecoveryTargets recovery) {
        this(url, user, password, migrations, backup, onMigrationFailure, recovery, null, null);
    }

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
                backup, onMigrationFailure, recovery == null ? null : recovery.mapStrings(f), layout,
                migrateCommand == null ? null : f.apply(migrateCommand));
    }
}
