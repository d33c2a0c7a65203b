package dev.shipshape.postgres.migrate;

import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import dev.shipshape.postgres.ConnectFailure;
import dev.shipshape.postgres.DatabaseAddress;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Flyway over a folder of SQL migrations. Configured so that {@code CREATE INDEX CONCURRENTLY}
 * works: mixed transactional and non-transactional statements are allowed, and Flyway's
 * PostgreSQL lock is a session advisory lock rather than a transactional one (a concurrent index
 * build waits for every transaction, including the one holding a transactional lock: a deadlock).
 */
final class FlywayMigrations implements Migrations {

    private final Path folder;
    private final String jdbcUrl;
    private final Flyway flyway;

    FlywayMigrations(DatabaseAddress address, Path folder) {
        this.folder = folder;
        this.jdbcUrl = address.jdbcUrl();
        this.flyway = address.flyway().locations("filesystem:" + folder.toAbsolutePath())
                .mixed(true)
                // a database that predates its migration history starts at version 0: every file runs
                .baselineOnMigrate(true).baselineVersion("0")
                .cleanDisabled(true)
                .validateMigrationNaming(true)
                .configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
                .load();
    }

    @Override
    public List<State> status() {
        return run("read the migration status", () -> Arrays.stream(flyway.info().all()).map(FlywayMigrations::state)
                .toList());
    }

    @Override
    public List<Path> pendingFiles() {
        return run("list pending migrations", () -> Arrays.stream(flyway.info().pending())
                .map(i -> folder.resolve(i.getScript())).toList());
    }

    @Override
    public List<String> validate() {
        return run("validate migrations", () -> flyway.validateWithResult().invalidMigrations.stream()
                .map(m -> m.filepath + ": " + m.errorDetails.errorMessage).toList());
    }

    @Override
    public List<String> apply() {
        return run("apply migrations", () -> flyway.migrate().migrations.stream().map(m -> m.version).toList());
    }

    private static State state(MigrationInfo i) {
        return new State(i.getVersion() == null ? "" : i.getVersion().getVersion(), i.getDescription(), i.getScript(),
                i.getState().getDisplayName(), i.getInstalledOn() == null ? null : i.getInstalledOn().toInstant()
                .toString());
    }

    private <T> T run(String what, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (FlywayException e) {
            throw new ShipshapeException(Code.FAILED, "could not " + what + " in " + folder + ": "
                    + ConnectFailure.describe(e, jdbcUrl).orElseGet(() -> oneParagraph(e.getMessage())));
        }
    }

    static String oneParagraph(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\n[-\\s]*", " / ").replaceAll("( / )+", " / ").strip();
    }
}
