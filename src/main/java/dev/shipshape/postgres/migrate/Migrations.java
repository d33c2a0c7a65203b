package dev.shipshape.postgres.migrate;

import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import dev.shipshape.postgres.DatabaseAddress;
import dev.shipshape.runbook.DatabaseSettings.MigrationLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A folder of SQL migrations and the database's history of them, in one tool's layout: Flyway, Prisma
 * or Supabase. What is applied is read from the tool's own history table, and what Shipshape applies is
 * recorded there as the tool records it, so the tool's own status agrees.
 */
public interface Migrations {

    /** One migration and its state: {@code Pending}, {@code Success}, {@code Failed}, {@code Missing}, ... */
    record State(String version, String description, String script, String state, String installedOn) {
    }

    /** Every migration, applied or not, in order. */
    List<State> status();

    /** The files of pending migrations, in the order they would run. */
    List<Path> pendingFiles();

    /** Problems (changed checksums, applied migrations missing from the folder, failed ones), empty when valid. */
    List<String> validate();

    /** Applies pending migrations, in order; returns their names (versions for Flyway). */
    List<String> apply();

    /**
     * The migrations of {@code folder}.
     *
     * @param declared the runbook's {@code layout}, or null to see it from the folder
     */
    static Migrations of(DatabaseAddress address, Path folder, MigrationLayout declared) {
        if (!Files.isDirectory(folder)) {
            throw new ShipshapeException(Code.INVALID_INPUT, "migrations folder " + folder + " does not exist; "
                    + "check database.migrations in the runbook");
        }
        MigrationLayout layout = declared != null ? declared : MigrationFolder.detect(folder);
        return switch (layout) {
            case FLYWAY -> new FlywayMigrations(address, folder);
            case PRISMA -> new ToolMigrations(address, new MigrationFolder(folder, layout), new PrismaHistory());
            case SUPABASE -> new ToolMigrations(address, new MigrationFolder(folder, layout), new SupabaseHistory());
        };
    }
}
